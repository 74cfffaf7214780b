#pragma once
// What goes on a queue ticket, in the hall's words. All text is UTF-8.
#include <string>

namespace jiujin::devices::printer {

struct TicketPrint {
  std::string hallName;          ///< e.g. "城关街道便民服务中心"
  std::string number;            ///< e.g. "A001", printed in large type
  std::string itemName;          ///< the service item, e.g. "高龄津贴申领"
  std::string queueName;         ///< the window group that will call it, e.g. "综合受理"
  int peopleAhead = 0;           ///< residents waiting before this ticket
  int estimatedWaitMinutes = 0;  ///< negative: no estimate yet (printed as such)
  std::string issuedAt;          ///< e.g. "2026-11-22 09:31"
  std::string qrPayload;         ///< ticket identity for status look-up; empty: no QR code
  std::string notice;            ///< e.g. "请留意叫号，过号请重新取号"
  /// 绿色通道: the resident's class, e.g. "60岁以上老人"; empty: a normal ticket. A priority
  /// ticket prints 【绿色通道】 in double size under the number, and this class below it.
  std::string priority;
  /// 预约: the booked slot, e.g. "09:00-09:30"; empty: not a booked ticket. A ticket checked
  /// in for its slot prints 【预约】 in double size under the number (and under 【绿色通道】),
  /// and "预约 <slot>" below it, the way a priority ticket is marked.
  std::string appointment;
};

}  // namespace jiujin::devices::printer
