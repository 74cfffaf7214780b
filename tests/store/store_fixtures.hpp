#pragma once
// Shared pieces of the store tests: a temporary folder, a small township hall, and a day
// in that hall that produces every kind of event.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "jiujin/core/hall.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::testing {

using namespace jiujin::core;
using namespace std::chrono_literals;

/// A fresh folder under the system temp dir (or `parent`), removed with everything in it.
class TempFolder {
 public:
  explicit TempFolder(const std::filesystem::path& parent = std::filesystem::temp_directory_path()) {
    std::string pattern = (parent / "jiujin-store-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// 城关镇便民服务中心: two queues, two general windows and the issuing window.
inline HallDefinition townshipHall() {
  HallDefinition d;
  d.name = "城关镇便民服务中心";
  ServiceItem general;
  general.code = "GAOLING";
  general.name = "高龄津贴申领";
  general.queue = "general";
  general.materials = {"身份证", "户口簿"};  // a 即办件 with materials (the case register)
  ServiceItem tax;
  tax.code = "SHEBAO";
  tax.name = "社保缴费";
  tax.queue = "tax";
  tax.kind = ItemKind::Promised;
  tax.promisedWorkingDays = 1;
  d.items = {general, tax};
  d.queues = {QueueDef{"general", "A", "综合受理"}, QueueDef{"tax", "B", "社保医保"}};
  const WorkProfile both{{ProfileEntry{"general", 1.0, std::nullopt, false}, ProfileEntry{"tax", 1.0, std::nullopt, false}}};
  d.windows = {WindowDef{1, "综合受理1", WindowKind::General, both},
               WindowDef{2, "综合受理2", WindowKind::General, both},
               WindowDef{7, "统一发证", WindowKind::Issuing, WorkProfile{{ProfileEntry{"tax", 1.0, std::nullopt, false}}}}};
  return d;
}

inline TimePoint morning(Date day, int minutes) {
  return TimePoint{std::chrono::sys_days{day}} + 9h + Minutes{minutes};
}

/// Runs commands on a hall and hands each accepted command's events to a sink (the store).
class HallDriver {
 public:
  using Sink = std::function<void(const std::vector<Event>&, const Hall&)>;
  HallDriver(Hall& hall, Sink sink) : hall_(hall), sink_(std::move(sink)) {}

  /// Executes `c`; returns whether the core accepted it.
  bool run(const Command& c, TimePoint now) {
    auto r = hall_.execute(c, now);
    if (!r.ok()) {
      refusals.push_back(r.error().en);
      return false;
    }
    record(r.value());
    return true;
  }
  void tick(TimePoint now) { record(hall_.tick(now)); }

  std::set<std::size_t> kinds;  ///< variant indices of the events produced
  std::vector<std::string> refusals;

 private:
  void record(const std::vector<Event>& events) {
    if (events.empty()) return;
    for (const auto& e : events) kinds.insert(e.index());
    sink_(events, hall_);
  }
  Hall& hall_;
  Sink sink_;
};

/// Logs the clerk in and opens the window, unless that is already so (windows stay
/// staffed across a day close).
inline void staffWindow(HallDriver& d, const Hall& hall, WindowNumber w, const ClerkId& clerk, TimePoint now) {
  const auto it = hall.state().windows.find(w);
  const bool loggedIn = it != hall.state().windows.end() && it->second.clerk == clerk;
  const bool open = it != hall.state().windows.end() && it->second.state != WindowState::Closed;
  if (!loggedIn) d.run(cmd::ClerkLogin{w, clerk}, now);
  if (!open) d.run(cmd::OpenWindow{w}, now);
}

/// The case register's part of a busy day: every case event once.
template <typename Clock>
void caseDay(HallDriver& d, const Hall& hall, Clock& t) {
  const Applicant applicant{"王秀英", "370102194001011234", "13812345678"};
  auto newest = [&] { return hall.state().cases.rbegin()->second.number; };
  const std::vector<CaseMaterial> idOnly{{"身份证", MaterialStatus::Received}, {"户口簿", MaterialStatus::Missing}};
  d.run(cmd::AcceptCase{1, "GAOLING", applicant, CaseChannel::Agent, idOnly, "代为申领", {}}, t());
  const std::string corrected = newest();
  d.run(cmd::MarkCaseMaterials{1, corrected, {{"身份证", MaterialStatus::NotApplicable}}}, t());
  d.run(cmd::SupplyCaseMaterials{1, corrected, {"户口簿"}}, t());
  d.run(cmd::StartCaseProcessing{1, corrected}, t());
  d.run(cmd::RequestCaseCorrection{1, corrected, {"户口簿"}, "复印件不清"}, t());
  d.run(cmd::SupplyCaseMaterials{1, corrected, {"户口簿"}}, t());
  d.run(cmd::DecideCase{1, corrected, CaseOutcome::Approved, ""}, t());
  d.run(cmd::MarkCaseReady{7, corrected}, t());
  d.run(cmd::CollectCase{7, corrected, "王小明"}, t());
  d.run(cmd::AcceptCase{1, "GAOLING", applicant, CaseChannel::Window,
                        {{"身份证", MaterialStatus::Received}, {"户口簿", MaterialStatus::Received}}, "", {}},
        t());
  d.run(cmd::FinishCaseOnSpot{1, newest()}, t());
  // a 承诺件 of one working day: due soon at once, overdue a week later, then rejected
  d.run(cmd::AcceptCase{1, "SHEBAO", applicant, CaseChannel::Window, {}, "", {}}, t());
  const std::string promised = newest();
  d.tick(t());
  d.tick(t() + std::chrono::days{7});
  d.run(cmd::RejectCase{1, promised, "不属于本中心受理范围"}, t());
}

/// One busy day in which every kind of event happens at least once, ending with the day
/// open (so the state has live tickets) unless `closeDay`.
inline void busyDay(HallDriver& d, const Hall& hall, Date day, bool closeDay) {
  int m = 0;
  auto t = [&] { return morning(day, ++m); };
  auto lastTicket = [&] { return hall.state().nextTicketId - 1; };
  d.run(cmd::OpenDay{day}, t());
  staffWindow(d, hall, 1, "张敏", t());
  staffWindow(d, hall, 2, "李强", t());
  staffWindow(d, hall, 7, "王芳", t());
  d.run(cmd::BroadcastNotice{"今日延时服务至19:00"}, t());
  for (int i = 0; i < 6; ++i) {
    d.run(cmd::IssueTicket{i % 2 ? "SHEBAO" : "GAOLING", Channel::Kiosk,
                           i == 3 ? PriorityClass::Elderly : PriorityClass::Normal, std::nullopt,
                           "kiosk-1:" + std::to_string(i)},
          t());
  }
  // window 1: call, recall, serve, complete, rated
  d.run(cmd::CallNext{1}, t());
  d.run(cmd::Recall{1}, t());
  d.run(cmd::StartService{1}, t());
  d.run(cmd::Complete{1}, t());
  d.run(cmd::RequestEvaluation{1}, t());
  d.run(cmd::Evaluate{1, Rating::VerySatisfied}, t());
  // window 2: a no-show, reactivated, then served and transferred to the issuing window
  d.run(cmd::CallNext{2}, t());
  const TicketId absent = hall.state().windows.at(2).current.value_or(0);
  d.run(cmd::MarkNoShow{2}, t());
  d.run(cmd::Reactivate{absent}, t());
  d.run(cmd::CallNext{2}, t());
  d.run(cmd::StartService{2}, t());
  d.run(cmd::Transfer{2, WindowKind::Issuing, "请到统一发证窗口领证"}, t());
  d.run(cmd::CallNext{7}, t());
  d.run(cmd::StartService{7}, t());
  d.run(cmd::Complete{7}, t());
  d.run(cmd::RequestEvaluation{7}, t());
  // nobody rates at window 7: the pad times out
  d.tick(t() + 5min);
  m += 5;
  // a pinned ticket, a cancelled one, a pause, a profile change, a definition change
  d.run(cmd::IssueTicket{"GAOLING", Channel::Agent, PriorityClass::Normal, std::nullopt, "agent-9:1"}, t());
  d.run(cmd::PinTicket{1, lastTicket()}, t());
  d.run(cmd::IssueTicket{"SHEBAO", Channel::Kiosk, PriorityClass::Normal, std::nullopt, ""}, t());
  d.run(cmd::Cancel{lastTicket(), "群众主动放弃"}, t());
  d.run(cmd::PauseWindow{7, "午休"}, t());
  d.run(cmd::ResumeWindow{7}, t());
  d.run(cmd::SetWorkProfile{2, WorkProfile{{ProfileEntry{"tax", 2.0, Minutes{10}, false}}}}, t());
  HallDefinition changed = hall.definition();
  changed.rules.recallLimit = 3;
  d.run(cmd::UpdateDefinition{changed}, t());
  caseDay(d, hall, t);
  // a called ticket that nobody starts becomes an automatic no-show
  d.run(cmd::CallNext{1}, t());
  d.tick(t() + 10min);
  m += 10;
  d.run(cmd::CallNext{2}, t());
  d.run(cmd::CloseWindow{7}, t());
  d.run(cmd::ClerkLogout{7}, t());
  if (closeDay) d.run(cmd::CloseDay{}, t());
}

/// A file's bytes, to check that a refused file was left exactly as it was.
inline std::string bytesOf(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

/// A hall database with one open day and a few tickets, closed again.
inline void makeHallDatabase(const std::filesystem::path& path) {
  auto store = store::HallStore::open(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
  HallDriver d(hall, [&](const std::vector<Event>& e, const Hall& h) { ASSERT_TRUE(store.value()->append(e, h).ok()); });
  busyDay(d, hall, 2024y / 3 / 15, false);
}

}  // namespace jiujin::testing
