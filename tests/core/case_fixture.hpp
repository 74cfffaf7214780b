#pragma once
// The township hall of hall_fixture.hpp with a case register: two items with materials
//   birth (生育服务登记): 承诺件, 3 working days — 身份证, 户口簿, 结婚证
//   elder_card (老年优待证办理): 即办件 — 身份证, 照片
// and the 2026 calendar around 劳动节: 1–5 May off, Saturday 9 May a make-up working day.
// Clerks are logged in at windows 1 (clerk1) and 4 (clerk4, the issuing window).
#include <chrono>
#include <string>
#include <vector>

#include "hall_fixture.hpp"

namespace jiujin::core::testing {

inline TimePoint on(Date day, int hour, int minute = 0) {
  return std::chrono::sys_days{day} + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

inline WorkingDays mayDay2026() {
  using namespace std::chrono;
  WorkingDays days;
  for (unsigned d = 1; d <= 5; ++d) days.holidays.push_back(2026y / May / day{d});
  days.makeUpWorkdays.push_back(2026y / May / 9d);
  days.coveredYears = {2026};
  return days;
}

inline HallDefinition caseHall() {
  HallDefinition d = sampleHall();
  for (auto& item : d.items) {
    if (item.code == "birth") {
      item.kind = ItemKind::Promised;
      item.promisedWorkingDays = 3;
      item.materials = {"身份证", "户口簿", "结婚证"};
    } else if (item.code == "elder_card") {
      item.kind = ItemKind::Immediate;
      item.materials = {"身份证", "照片"};
    }
  }
  d.cases.numberPrefix = "370199101";
  d.calendar = mayDay2026();
  return d;
}

inline Applicant zhangSan() { return Applicant{"张三", "370102199001011234", "13812345678"}; }

class CaseTest : public ::testing::Test {
 protected:
  explicit CaseTest(Date firstDay = std::chrono::year{2026} / std::chrono::April / std::chrono::day{29})
      : hall(caseHall()), day(firstDay) {
    run(cmd::OpenDay{day}, on(day, 8, 30));
    run(cmd::ClerkLogin{1, "clerk1"}, on(day, 8, 31));
    run(cmd::OpenWindow{1}, on(day, 8, 31));
    run(cmd::ClerkLogin{4, "clerk4"}, on(day, 8, 31));
    run(cmd::OpenWindow{4}, on(day, 8, 31));
  }

  std::vector<Event> run(const Command& c, TimePoint t) {
    auto r = hall.execute(c, t);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().en);
    return r.ok() ? r.value() : std::vector<Event>{};
  }

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

  static std::vector<CaseMaterial> allReceived(const std::vector<std::string>& names) {
    std::vector<CaseMaterial> out;
    for (const auto& n : names) out.push_back({n, MaterialStatus::Received});
    return out;
  }

  cmd::AcceptCase acceptance(const ItemCode& item, std::vector<CaseMaterial> materials) {
    return cmd::AcceptCase{1, item, zhangSan(), CaseChannel::Window, std::move(materials), "", {}};
  }

  /// Accepts a 生育服务登记 at window 1 with every material (or with `missing` missing).
  std::string acceptBirth(TimePoint t, std::vector<std::string> missing = {}) {
    auto materials = allReceived({"身份证", "户口簿", "结婚证"});
    for (auto& m : materials) {
      for (const auto& name : missing) {
        if (m.name == name) m.status = MaterialStatus::Missing;
      }
    }
    auto events = run(acceptance("birth", materials), t);
    return events.empty() ? "" : std::get<ev::CaseRegistered>(events.front()).registered.number;
  }

  /// Moves the hall to `next` the way the dispatcher does at midnight.
  void newDay(Date next) {
    run(cmd::CloseDay{}, on(day, 23, 0));
    day = next;
    run(cmd::OpenDay{day}, on(day, 0, 1));
  }

  const Case& caseNumbered(const std::string& number) const {
    const Case* c = hall.findCase(number);
    EXPECT_NE(c, nullptr) << number;
    return *c;
  }

  Hall hall;
  Date day;
};

}  // namespace jiujin::core::testing
