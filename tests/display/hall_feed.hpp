#pragma once
// A real core::Hall driven by commands, its events numbered and handed to a display model
// the way the client library will hand them over.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "jiujin/core/hall.hpp"
#include "jiujin/display/display_model.hpp"

namespace jiujin::display::testing {

using namespace std::chrono_literals;

inline core::ServiceItem testItem(const char* code, const char* queue, int minutes) {
  core::ServiceItem i;
  i.code = code;
  i.name = code;
  i.queue = queue;
  i.typicalServiceMinutes = minutes;
  return i;
}

/// Two queues (A 综合受理, B 社保医保) and four windows: 1, 2 and 4 serve A, 3 serves B.
inline core::HallDefinition testHall() {
  core::HallDefinition d;
  d.name = "测试便民服务中心";
  d.queues = {{"general", "A", "综合受理"}, {"social", "B", "社保医保"}};
  d.items = {testItem("GA-001", "general", 10), testItem("SB-010", "social", 12)};
  for (int n : {1, 2, 4}) d.windows.push_back(core::WindowDef{n, "综合受理", core::WindowKind::General, {{{"general"}}}});
  d.windows.insert(d.windows.begin() + 2, core::WindowDef{3, "社保医保", core::WindowKind::Specialist, {{{"social"}}}});
  return d;
}

class HallFeed {
 public:
  explicit HallFeed(core::HallDefinition definition = testHall())
      : hall_(std::move(definition)),
        now_(std::chrono::sys_days{std::chrono::year{2024} / 5 / 6} + 9h) {}

  core::TimePoint now() const { return now_; }
  DisplayModel::Clock clock() const { return [this] { return now_; }; }
  const core::Hall& hall() const { return hall_; }
  DisplayModel::Sequence sequence() const { return sequence_; }

  /// Runs a command that must succeed; returns its events with their sequence numbers.
  std::vector<std::pair<DisplayModel::Sequence, core::Event>> run(const core::Command& command) {
    now_ += 30s;
    auto events = hall_.execute(command, now_);
    EXPECT_TRUE(events.ok()) << (events.ok() ? "" : events.error().en);
    std::vector<std::pair<DisplayModel::Sequence, core::Event>> out;
    if (events.ok()) {
      for (auto& e : events.value()) out.emplace_back(++sequence_, std::move(e));
    }
    return out;
  }

  /// Runs a command and feeds its events to `model`.
  void into(DisplayModel& model, const core::Command& command) {
    for (const auto& [seq, e] : run(command)) model.onEvent(seq, e);
  }

  /// Gives `model` a snapshot of the hall as it is now.
  void snapshotInto(DisplayModel& model) const { model.resetFromSnapshot(hall_.definition(), hall_.state(), sequence_); }

  /// The morning: day open, windows 1–3 open with a clerk, window 4 closed.
  void openHall() {
    run(core::cmd::OpenDay{core::dateOf(now_)});
    for (int w : {1, 2, 3}) {
      run(core::cmd::ClerkLogin{w, "clerk-" + std::to_string(w)});
      run(core::cmd::OpenWindow{w});
    }
  }

  /// Issues `count` tickets for `item`; their events go to `model` if one is given.
  void issue(const char* item, int count, DisplayModel* model = nullptr) {
    for (int i = 0; i < count; ++i) {
      const core::cmd::IssueTicket command{item, core::Channel::Kiosk, core::PriorityClass::Normal, std::nullopt,
                                           "key-" + std::to_string(++keys_)};
      if (model) into(*model, command);
      else run(command);
    }
  }

 private:
  core::Hall hall_;
  core::TimePoint now_;
  DisplayModel::Sequence sequence_ = 0;
  int keys_ = 0;
};

}  // namespace jiujin::display::testing
