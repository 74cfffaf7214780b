#pragma once
// What the hall screen shows, kept as a mirror of the dispatcher's hall. It takes a snapshot
// and then events in sequence, whatever carries them (the ZeroMQ client, the demo hall, a
// test); a missing sequence number means the mirror can no longer be trusted, so it stops,
// says so and asks for a new snapshot.
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include "jiujin/core/events.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/display/call_list_model.hpp"
#include "jiujin/display/queue_list_model.hpp"
#include "jiujin/display/window_list_model.hpp"
#include "jiujin/display/zone.hpp"

namespace jiujin::display {

/// Hall-local time now (the core's time is hall-local wall time).
core::TimePoint hallLocalNow();

/// What one display shows and how it highlights.
struct DisplayOptions {
  Zone zone;
  int maxCalls = 8;   ///< calls listed, the newest included
  int maxMissed = 10;  ///< 过号 numbers shown
  std::chrono::milliseconds highlightFor{8000};
  std::chrono::milliseconds blinkEvery{500};
  std::chrono::milliseconds estimatesEvery{15000};
};

class DisplayModel : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString hallName READ hallName NOTIFY hallNameChanged)
  Q_PROPERTY(bool connected READ connected NOTIFY connectedChanged)
  Q_PROPERTY(bool resyncNeeded READ resyncNeeded NOTIFY resyncNeededChanged)
  /// Connected and in step with the dispatcher: what the screen shows is current.
  Q_PROPERTY(bool live READ live NOTIFY liveChanged)
  Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
  Q_PROPERTY(QString dateText READ dateText NOTIFY clockChanged)
  Q_PROPERTY(QString timeText READ timeText NOTIFY clockChanged)
  Q_PROPERTY(QString newestTicket READ newestTicket NOTIFY newestCallChanged)
  Q_PROPERTY(int newestWindow READ newestWindow NOTIFY newestCallChanged)
  /// 过号: this zone's tickets marked no-show and not yet back in a queue, latest first, at
  /// most maxMissed, separated by spaces (empty when none).
  Q_PROPERTY(QString missedTickets READ missedTickets NOTIFY missedTicketsChanged)
  /// The newest call came in the last few seconds and is highlighted.
  Q_PROPERTY(bool highlightActive READ highlightActive NOTIFY highlightChanged)
  /// Toggles while the highlight is active; the screen blinks on it.
  Q_PROPERTY(bool blinkOn READ blinkOn NOTIFY blinkChanged)
  Q_PROPERTY(QString zone READ zoneText CONSTANT)
  Q_PROPERTY(jiujin::display::CallListModel* calls READ calls CONSTANT)
  Q_PROPERTY(jiujin::display::WindowListModel* windows READ windows CONSTANT)
  Q_PROPERTY(jiujin::display::QueueListModel* queues READ queues CONSTANT)

 public:
  using Clock = std::function<core::TimePoint()>;
  using Sequence = std::uint64_t;

  using Options = DisplayOptions;

  explicit DisplayModel(Options options = Options{}, Clock clock = hallLocalNow, QObject* parent = nullptr);
  ~DisplayModel() override;

  /// Starts over from a snapshot taken at `sequence` (first start, after a gap, after the
  /// dispatcher restarted). Calls in the snapshot are listed but not announced again.
  void resetFromSnapshot(core::HallDefinition definition, core::HallState state, Sequence sequence);
  /// Applies the event numbered `sequence`. A duplicate (≤ last) is ignored; a gap stops the
  /// mirror and requests a resync. Calls and recalls in the zone are announced.
  void onEvent(Sequence sequence, const core::Event& event);
  /// The link to the dispatcher went up or down. While down the screen says so.
  void setConnected(bool connected);

  QString hallName() const { return hallName_; }
  bool connected() const { return connected_; }
  bool resyncNeeded() const { return resyncNeeded_; }
  bool live() const { return connected_ && mirror_ && !resyncNeeded_; }
  QString notice() const { return notice_; }
  QString dateText() const { return dateText_; }
  QString timeText() const { return timeText_; }
  QString newestTicket() const;
  int newestWindow() const;
  QString missedTickets() const { return missedTickets_; }
  bool highlightActive() const { return highlightActive_; }
  bool blinkOn() const { return blinkOn_; }
  QString zoneText() const { return QString::fromStdString(options_.zone.describe()); }
  CallListModel* calls() { return &calls_; }
  WindowListModel* windows() { return &windows_; }
  QueueListModel* queues() { return &queues_; }

  /// The last sequence applied, or nothing before the first snapshot.
  std::optional<Sequence> sequence() const { return sequence_; }
  /// The mirrored hall, or null before the first snapshot.
  const core::Hall* mirror() const { return mirror_.get(); }

  /// Whether ticket `ticketNumber` is called to `window` now: the voice asks before it says a
  /// call, and drops it if the ticket was served, transferred, cancelled, a no-show or called
  /// elsewhere meanwhile. Yes while the mirror is missing or out of step: not knowing is no
  /// reason to stay silent.
  bool isCalledTo(const QString& ticketNumber, int window) const;

  /// Re-reads the clock: date and time texts, and waiting estimates (also run by timers).
  void refreshClock();
  void refreshEstimates();

 signals:
  void hallNameChanged();
  void connectedChanged();
  void resyncNeededChanged();
  void liveChanged();
  void noticeChanged();
  void clockChanged();
  void newestCallChanged();
  void missedTicketsChanged();
  void highlightChanged();
  void blinkChanged();
  /// The mirror missed events after `lastApplied`: fetch a new snapshot.
  void resyncRequested(quint64 lastApplied);
  /// A ticket was called (or recalled) to a window of this display's zone: speak it.
  void callAnnounced(const QString& ticketNumber, int window, bool recall);

 private:
  void applyToMirror(const core::Event& event);
  void requestResync();
  void noteCall(core::TicketId ticket, core::WindowNumber window, bool recall);
  void rebuildCallsFromState();
  void refreshCalls();
  void refreshWindows();
  void refreshMissed();
  void startHighlight();
  void stopHighlight();
  void setLiveFrom(bool wasLive);
  void setNotice(const std::string& text);
  void setHallName(const std::string& name);
  CallRow callRow(core::TicketId ticket, core::WindowNumber window) const;

  Options options_;
  Clock clock_;
  std::unique_ptr<core::Hall> mirror_;
  std::optional<Sequence> sequence_;
  bool connected_ = true;
  bool resyncNeeded_ = false;
  QString hallName_;
  QString notice_;
  QString dateText_;
  QString timeText_;
  QString missedTickets_;
  /// Calls newest first: (ticket, window). Kept beyond the rows so a filtered view stays full.
  std::deque<std::pair<core::TicketId, core::WindowNumber>> recentCalls_;
  bool highlightActive_ = false;
  bool blinkOn_ = false;
  CallListModel calls_;      // child models: members, parented to this for QML ownership
  WindowListModel windows_;
  QueueListModel queues_;
  QTimer clockTimer_;
  QTimer estimateTimer_;
  QTimer blinkTimer_;
  QTimer highlightTimer_;
};

}  // namespace jiujin::display
