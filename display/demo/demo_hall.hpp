#pragma once
// A scripted township hall running in-process. Until the client library carries the
// dispatcher's events, `jiujin-display --demo` and the screenshot tests feed the display
// from this, exactly as the client will: a snapshot with its sequence, then numbered events.
#include <QObject>
#include <QTimer>
#include <chrono>

#include "jiujin/core/hall.hpp"
#include "jiujin/display/display_model.hpp"

namespace jiujin::display {

class DemoHall : public QObject {
  Q_OBJECT
 public:
  /// `model` is not owned and must outlive the demo.
  DemoHall(DisplayModel& model, DisplayModel::Clock clock = hallLocalNow, QObject* parent = nullptr);

  /// 青溪街道便民服务中心: four queues, eight windows (one paused, two closed).
  static core::HallDefinition definition();

  /// Opens the day, opens windows, issues tickets and makes a few calls, then gives the
  /// display a snapshot of all that (as a client connecting mid-morning would get).
  void prepare();
  /// One more call: the next open window in turn completes its ticket and calls the next.
  void step();
  /// Runs step() every `interval`.
  void start(std::chrono::milliseconds interval);

  const core::Hall& hall() const { return hall_; }
  DisplayModel::Sequence sequence() const { return sequence_; }

 private:
  bool run(const core::Command& command, bool feed = true);
  core::TimePoint advance(std::chrono::seconds by);

  DisplayModel& model_;
  DisplayModel::Clock clock_;
  core::Hall hall_;
  core::TimePoint now_;
  DisplayModel::Sequence sequence_ = 0;
  std::size_t nextWindow_ = 0;
  int issued_ = 0;
  bool prepared_ = false;
  QTimer timer_;
};

}  // namespace jiujin::display
