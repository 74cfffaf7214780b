#pragma once
// A small township hall for the core's tests, and helpers that read like the hall's day.
//   queues: A 综合受理 (general), B 户籍 (police), C 统一发证 (issuing)
//   windows: 1 general [A]; 2 general [A, B only when B's oldest waited ≥ 20 min];
//            3 specialist [B]; 4 issuing [C]; 5 general [A, B only when no window dedicated to B is open]
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "jiujin/core/hall.hpp"
#include "jiujin/core/names.hpp"

namespace jiujin::core::testing {

inline TimePoint at(int hour, int minute, int second = 0) {
  using namespace std::chrono;
  return sys_days{year{2024} / 3 / 15} + hours{hour} + minutes{minute} + seconds{second};
}
inline Date today() { return dateOf(at(0, 0)); }

inline HallDefinition sampleHall() {
  HallDefinition d;
  d.name = "测试街道便民服务中心";
  d.queues = {{"general", "A", "综合受理"}, {"police", "B", "户籍"}, {"issuing", "C", "统一发证"}};
  auto item = [](std::string code, std::string name, std::string queue, int minutes, bool priority = true) {
    ServiceItem i;
    i.code = std::move(code);
    i.name = std::move(name);
    i.queue = std::move(queue);
    i.typicalServiceMinutes = minutes;
    i.priorityAllowed = priority;
    return i;
  };
  d.items = {item("birth", "生育服务登记", "general", 10), item("elder_card", "老年优待证办理", "general", 5),
             item("hukou", "户口迁移", "police", 15), item("id_card", "身份证换领", "police", 6, false),
             item("pickup", "证照领取", "issuing", 3)};
  ProfileEntry policeWhenOld{"police", 1.0, Minutes{20}, false};
  ProfileEntry policeWhenNoDedicated{"police", 1.0, std::nullopt, true};
  d.windows = {{1, "1号窗口", WindowKind::General, {{{"general"}}}},
               {2, "2号窗口", WindowKind::General, {{{"general"}, policeWhenOld}}},
               {3, "3号窗口", WindowKind::Specialist, {{{"police"}}}},
               {4, "4号窗口", WindowKind::Issuing, {{{"issuing"}}}},
               {5, "5号窗口", WindowKind::General, {{{"general"}, policeWhenNoDedicated}}}};
  return d;
}

/// A hall with the day open at 08:30; tests execute commands at explicit times.
class HallTest : public ::testing::Test {
 protected:
  HallTest() : hall(sampleHall()) { run(cmd::OpenDay{today()}, at(8, 30)); }

  std::vector<Event> run(const Command& c, TimePoint t) {
    auto r = hall.execute(c, t);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().en);
    return r.ok() ? r.value() : std::vector<Event>{};
  }

  /// Expects the command refused with `code` and the state untouched; returns the error.
  Error refused(const Command& c, TimePoint t, ErrorCode code) {
    const HallState before = hall.state();
    auto r = hall.execute(c, t);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return Error{ErrorCode::InvalidArgument, "", "unexpectedly accepted"};
    EXPECT_EQ(toString(r.error().code), std::string{toString(code)}) << r.error().en;
    EXPECT_FALSE(r.error().zh.empty());
    EXPECT_TRUE(hall.state() == before) << "a refused command changed the state";
    return r.error();
  }

  TicketId issue(const ItemCode& item, TimePoint t, PriorityClass p = PriorityClass::Normal) {
    auto events = run(cmd::IssueTicket{item, Channel::Kiosk, p, std::nullopt, ""}, t);
    return events.empty() ? 0 : std::get<ev::TicketIssued>(events.front()).ticket.id;
  }

  void openWindow(WindowNumber w, TimePoint t) {
    run(cmd::ClerkLogin{w, "clerk" + std::to_string(w)}, t);
    run(cmd::OpenWindow{w}, t);
  }

  /// Calls next at `w` and returns the event.
  ev::TicketCalled callNext(WindowNumber w, TimePoint t) {
    auto events = run(cmd::CallNext{w}, t);
    if (events.empty()) return {};
    return std::get<ev::TicketCalled>(events.front());
  }

  /// Calls, starts and completes one service at `w`, returning the ticket served.
  TicketId serveNext(WindowNumber w, TimePoint t, Minutes took = Minutes{5}) {
    const TicketId id = callNext(w, t).ticket;
    run(cmd::StartService{w}, t);
    run(cmd::Complete{w}, t + took);
    return id;
  }

  const Ticket& ticket(TicketId id) const { return hall.state().tickets.at(id); }
  const WindowStatus& window(WindowNumber w) const { return hall.state().windows.at(w); }

  Hall hall;
};

}  // namespace jiujin::core::testing
