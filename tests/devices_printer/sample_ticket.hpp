#pragma once
// A ticket as the kiosk of a street convenience centre would issue it.
#include "jiujin/devices/printer/ticket_print.hpp"

#include <string>
#include <utility>

namespace jiujin::devices::printer::testing {

inline TicketPrint sampleTicket(std::string number = "A001") {
  TicketPrint t;
  t.hallName = "城关街道便民服务中心";
  t.number = std::move(number);
  t.itemName = "高龄津贴申领";
  t.queueName = "综合受理窗口";
  t.peopleAhead = 3;
  t.estimatedWaitMinutes = 12;
  t.issuedAt = "2026-11-22 09:31";
  t.qrPayload = "jiujin:ticket:chengguan:2026-11-22:7:" + t.number;
  t.notice = "请留意叫号，过号请重新取号";
  return t;
}

}  // namespace jiujin::devices::printer::testing
