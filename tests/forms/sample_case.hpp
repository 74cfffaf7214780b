#pragma once
// A 高龄津贴申领 (承诺件, 3 working days) accepted on Thursday 30 April 2026 at 09:31, due
// Friday 8 May (劳动节 skipped), with two materials received and one not applicable.
#include <chrono>

#include "jiujin/core/case.hpp"
#include "jiujin/forms/case_forms.hpp"

namespace jiujin::forms::testing {

inline core::TimePoint hallTime(int y, unsigned m, unsigned d, int hour, int minute) {
  using namespace std::chrono;
  return core::TimePoint{sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute}};
}

inline core::Case sampleCase() {
  core::Case c;
  c.id = 7;
  c.number = "370199101-20260430-0001";
  c.sequence = 1;
  c.item = "T-0002";
  c.itemName = "高龄津贴申领";
  c.kind = core::ItemKind::Promised;
  c.promisedWorkingDays = 3;
  c.applicant = {"张三丰", "370102199001011234", "13812345678"};
  c.materials = {{"居民身份证", core::MaterialStatus::Received},
                 {"户口簿", core::MaterialStatus::Received},
                 {"委托书", core::MaterialStatus::NotApplicable}};
  c.clerk = "c01";
  c.window = 1;
  c.state = core::CaseState::Accepted;
  c.registeredAt = hallTime(2026, 4, 30, 9, 31);
  c.acceptedAt = c.registeredAt;
  c.dueDate = core::Date{std::chrono::year{2026} / 5 / 8};
  return c;
}

inline HallContact sampleHall() { return {"测试便民服务中心", "0531-88886666", "3号窗口（统一出件）"}; }

}  // namespace jiujin::forms::testing
