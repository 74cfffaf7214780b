#include "jiujin/voice/call_announcer.hpp"

#include <algorithm>
#include <ctime>

#include <QCoreApplication>
#include <QStringList>
#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "jiujin/voice/announcement_player.hpp"

namespace jiujin::voice {
namespace {

constexpr std::string_view kLog = "display.voice";

std::string label(const Call& call) {
  return fmt::format("{}→{}{}", call.ticketNumber, call.window, call.recall ? " (recall)" : "");
}

double secondsBetween(WallClock::time_point from, WallClock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

bool QuietHours::contains(const QTime& time) const {
  if (!from.isValid() || !to.isValid() || from == to) return false;
  if (from < to) return time >= from && time < to;
  return time >= from || time < to;  // spans midnight
}

std::optional<QuietHours> parseQuietHours(const QString& text) {
  const QStringList parts = text.trimmed().split('-');
  if (parts.size() != 2) return std::nullopt;
  const QTime from = QTime::fromString(parts[0].trimmed(), "H:mm");
  const QTime to = QTime::fromString(parts[1].trimmed(), "H:mm");
  if (!from.isValid() || !to.isValid()) return std::nullopt;
  return QuietHours{from, to};
}

std::string clockText(WallClock::time_point at) {
  const std::time_t seconds = WallClock::to_time_t(at);
  std::tm local{};
  localtime_r(&seconds, &local);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count() % 1000;
  return fmt::format("{:02}:{:02}:{:02}.{:03}", local.tm_hour, local.tm_min, local.tm_sec, ms < 0 ? ms + 1000 : ms);
}

CallAnnouncer::CallAnnouncer(AnnouncementComposer composer, SegmentLibrary library, AnnouncementPlayer& player,
                             QObject* parent)
    : QObject(parent),
      composer_(std::move(composer)),
      library_(std::move(library)),
      player_(player),
      queue_([this] { return wallClock_(); }) {
  // The player tells when it is free; only then is the next call taken from the queue, so
  // the player never holds more than the call it is saying.
  connect(&player_, &AnnouncementPlayer::idle, this, &CallAnnouncer::startNext);
  connect(&player_, &AnnouncementPlayer::dropped, this, [](const QString& what, const QString& reason) {
    log::warning(kLog, "not played {}: {}", what.toStdString(), reason.toStdString());
  });
}

void CallAnnouncer::setWallClock(AnnouncementQueue::Clock clock) { wallClock_ = std::move(clock); }

void CallAnnouncer::announce(const QString& ticketNumber, int window, bool recall) {
  const QTime now = clock_();
  if (std::any_of(quiet_.begin(), quiet_.end(), [&](const QuietHours& q) { return q.contains(now); })) {
    emit silenced(ticketNumber, window, QCoreApplication::translate("CallAnnouncer", "静音时段"));
    return;
  }
  if (auto replaced = queue_.push(Call{ticketNumber.toStdString(), window, recall})) logDropped(*replaced);
  startNext();
}

void CallAnnouncer::startNext() {
  if (starting_) return;
  starting_ = true;
  while (!player_.isPlaying() && player_.pending() == 0 && !queue_.empty()) {
    auto next = queue_.next();
    for (const auto& d : next.dropped) logDropped(d);
    if (!next.start) break;
    const Call call = next.toSay();
    const auto ticket = QString::fromStdString(call.ticketNumber);
    auto pcm = composer_.compose(call, library_);
    if (!pcm) {
      log::warning(kLog, "cannot say {}: {}", label(call), pcm.error().message);
      emit silenced(ticket, call.window, QString::fromStdString(pcm.error().message));
      continue;
    }
    const double length = std::chrono::duration<double>(pcm.value().duration()).count();
    log::info(kLog, "saying {} (called {}, starts {}, {:.1f} s after the call, {:.1f} s long{}; {} waiting)",
              label(call), clockText(next.start->calledAt), clockText(next.startsAt),
              secondsBetween(next.start->calledAt, next.startsAt), length, call.brief ? ", said once" : "",
              next.stillWaiting);
    player_.enqueue(QStringLiteral("%1→%2%3").arg(ticket).arg(call.window).arg(call.recall ? "*" : ""), pcm.value());
  }
  starting_ = false;
  if (!player_.isPlaying() && player_.pending() == 0 && queue_.empty()) emit idle();
}

void CallAnnouncer::logDropped(const DroppedCall& dropped) {
  const auto& q = dropped.queued;
  log::info(kLog, "dropped {} (called {}, dropped {}, {:.1f} s after the call): {}", label(q.call),
            clockText(q.calledAt), clockText(dropped.droppedAt), secondsBetween(q.calledAt, dropped.droppedAt),
            toString(dropped.reason));
  const auto reason = toString(dropped.reason);
  emit silenced(QString::fromStdString(q.call.ticketNumber), q.call.window,
                QString::fromUtf8(reason.data(), static_cast<qsizetype>(reason.size())));
}

}  // namespace jiujin::voice
