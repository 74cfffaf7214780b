#include "demo_hall.hpp"

#include <QLoggingCategory>
#include <array>

Q_LOGGING_CATEGORY(lcDemo, "display.demo")

namespace jiujin::display {
namespace {

using namespace std::chrono_literals;

constexpr std::array<core::WindowNumber, 5> kOpenWindows = {1, 2, 3, 4, 6};
constexpr core::WindowNumber kPausedWindow = 5;

core::ServiceItem item(const char* code, const char* name, const char* queue, int minutes) {
  core::ServiceItem i;
  i.code = code;
  i.name = name;
  i.category = "便民服务";
  i.queue = queue;
  i.typicalServiceMinutes = minutes;
  return i;
}

core::WindowDef window(int number, const char* name, core::WindowKind kind, std::vector<core::QueueId> queues) {
  core::WindowDef w{number, name, kind, {}};
  for (auto& q : queues) w.profile.entries.push_back(core::ProfileEntry{std::move(q)});
  return w;
}

}  // namespace

DemoHall::DemoHall(DisplayModel& model, DisplayModel::Clock clock, QObject* parent)
    : QObject(parent), model_(model), clock_(std::move(clock)), hall_(definition()), now_(clock_() - 90min) {
  connect(&timer_, &QTimer::timeout, this, &DemoHall::step);
}

core::HallDefinition DemoHall::definition() {
  core::HallDefinition d;
  d.name = "青溪街道便民服务中心";
  d.queues = {{"general", "A", "综合受理"},
              {"social", "B", "社保医保"},
              {"estate", "C", "不动产登记"},
              {"issuing", "D", "统一发证"}};
  d.items = {item("GA-001", "居民身份证换领", "general", 8),
             item("MZ-004", "高龄津贴申领", "general", 6),
             item("SB-010", "就业失业登记", "social", 10),
             item("BDC-02", "不动产权证书补发", "estate", 20),
             item("FZ-001", "证照领取", "issuing", 3)};
  d.windows = {window(1, "综合受理", core::WindowKind::General, {"general"}),
               window(2, "综合受理", core::WindowKind::General, {"general"}),
               window(3, "综合受理", core::WindowKind::General, {"general", "social"}),
               window(4, "社保医保", core::WindowKind::Specialist, {"social"}),
               window(5, "不动产登记", core::WindowKind::Specialist, {"estate"}),
               window(6, "统一发证", core::WindowKind::Issuing, {"issuing"}),
               window(7, "有诉即办", core::WindowKind::Complaints, {"general"}),
               window(8, "综合受理", core::WindowKind::General, {"general"})};
  return d;
}

core::TimePoint DemoHall::advance(std::chrono::seconds by) {
  // While preparing, the morning is replayed quickly; afterwards the demo keeps real time.
  now_ = prepared_ ? std::max(now_ + 1ms, clock_()) : now_ + by;
  return now_;
}

bool DemoHall::run(const core::Command& command, bool feed) {
  auto events = hall_.execute(command, advance(20s));
  if (!events) {
    qCDebug(lcDemo) << "refused:" << QString::fromStdString(events.error().zh);
    return false;
  }
  for (const auto& e : events.value()) {
    ++sequence_;
    if (feed) model_.onEvent(sequence_, e);
  }
  return true;
}

void DemoHall::prepare() {
  run(core::cmd::OpenDay{core::dateOf(now_)}, false);
  for (const auto w : kOpenWindows) {
    run(core::cmd::ClerkLogin{w, "clerk-" + std::to_string(w)}, false);
    run(core::cmd::OpenWindow{w}, false);
  }
  run(core::cmd::ClerkLogin{kPausedWindow, "clerk-5"}, false);
  run(core::cmd::OpenWindow{kPausedWindow}, false);
  run(core::cmd::PauseWindow{kPausedWindow, "系统维护"}, false);
  const std::array<const char*, 5> items = {"GA-001", "MZ-004", "SB-010", "BDC-02", "FZ-001"};
  for (int i = 0; i < 40; ++i) {
    const auto priority = i % 9 == 4 ? core::PriorityClass::Elderly : core::PriorityClass::Normal;
    run(core::cmd::IssueTicket{items[static_cast<std::size_t>(i) % items.size()], core::Channel::Kiosk, priority,
                               std::nullopt, "demo-" + std::to_string(++issued_)},
        false);
  }
  run(core::cmd::BroadcastNotice{"今日午间不间断服务。请提前准备好身份证原件；老年人、残疾人、孕妇请走绿色通道。"}, false);
  for (int i = 0; i < 7; ++i) step();
  model_.resetFromSnapshot(hall_.definition(), hall_.state(), sequence_);
  prepared_ = true;
}

void DemoHall::step() {
  const auto w = kOpenWindows[nextWindow_++ % kOpenWindows.size()];
  const auto& windows = hall_.state().windows;
  if (const auto it = windows.find(w); it != windows.end() && it->second.current) {
    if (it->second.state == core::WindowState::Calling) run(core::cmd::StartService{w});
    run(core::cmd::Complete{w});
  }
  if (!run(core::cmd::CallNext{w})) {
    run(core::cmd::IssueTicket{"GA-001", core::Channel::Kiosk, core::PriorityClass::Normal, std::nullopt,
                               "demo-" + std::to_string(++issued_)});
  }
}

void DemoHall::start(std::chrono::milliseconds interval) { timer_.start(interval); }

}  // namespace jiujin::display
