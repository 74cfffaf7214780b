#pragma once
// The hall's alarms as the dispatcher keeps them (durable, by id): what the monitor lists,
// acknowledges and follows up. Copies of one alarm arrive by several roads — the snapshot,
// "alarm.<kind>" and "alarm.updated" news, the result of the manager's own command — and in
// no guaranteed order, so a copy never undoes what a newer one said: an alarm only moves
// forward (acknowledged; follow-up open → closed).
//
// The list shows episodes, not flaps: the dispatcher raises an alarm each time a condition
// starts again (a device that drops off its bus twenty times raises twenty), so the rows put
// together the alarms of one kind about one thing (a device, a window, a queue) that are still
// unacknowledged — one row, "×20", acknowledged at once — and likewise those already
// acknowledged. A bad rating, a case, a locked clerk and the hall-wide alarms stay one row
// each. The 回访 still to do and the waiting-time alarms stay on top.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QList>
#include <QVariantMap>
#include <nlohmann/json.hpp>

#include "jiujin/core/time.hpp"

namespace jiujin::console {

/// The kinds of alarm a manager filters by: 回访, waiting, devices, cases, the rest.
enum class AlarmFamily { FollowUp, Waiting, Device, Case, Other };

/// The family of an alarm kind ("bad_rating" → FollowUp, "device_offline" → Device, …).
AlarmFamily familyOf(const std::string& kind);
/// "follow_up" "waiting" "device" "case" "other": how a filter names a family.
const char* familyKey(AlarmFamily family);
/// The family a filter key names; nullopt for "" (every alarm) or an unknown key.
std::optional<AlarmFamily> familyFromKey(const std::string& key);

class AlarmList {
 public:
  /// Names an episode in a manager's words from its newest alarm and how many it holds
  /// (HallMonitor knows the devices' kinds and the queues' names); empty: the dispatcher's text.
  using Namer = std::function<QString(const nlohmann::json& newest, int count)>;

  /// The roles of rows(), for the list model QML reads.
  static QList<QByteArray> roles();

  /// One alarm as the dispatcher wrote it (docs/protocol.md). One without an id (an older
  /// dispatcher) is kept under a local negative id and cannot be acted on.
  void put(const nlohmann::json& alarm);
  /// Every alarm of a snapshot's "alarms".
  void putAll(const nlohmann::json& alarms);
  /// Forgets what needs nothing more (acknowledged, no open follow-up) from before `today`:
  /// what is left is what a snapshot holds — today's alarms and the outstanding older ones.
  void forgetSettledBefore(core::Date today);

  int unacknowledged() const;
  int openFollowUps() const;
  /// The alarm with this id, or null.
  const nlohmann::json* find(std::int64_t id) const;
  /// One row per episode: first the bad ratings whose 回访 is open, then unacknowledged
  /// waiting-time alarms, then the other unacknowledged ones, then the settled ones; newest
  /// first within each. Times of `today` show as "HH:mm:ss", older ones with their date.
  /// "shownText" is the newest alarm in English when `english` (and the dispatcher wrote one),
  /// else in Chinese; "title" is what `namer` calls the episode (else shownText); "details"
  /// lists its alarms, newest first, with their times and the dispatcher's words. `family`
  /// keeps only the episodes of that family.
  QList<QVariantMap> rows(core::Date today, bool english = false, const Namer& namer = {},
                          std::optional<AlarmFamily> family = std::nullopt) const;
  /// The ids of the unacknowledged alarms of `family` (all families when nullopt), for
  /// 全部确认.
  std::vector<std::int64_t> unacknowledgedIds(std::optional<AlarmFamily> family = std::nullopt) const;
  /// Unacknowledged alarms of one family.
  int unacknowledged(AlarmFamily family) const;

 private:
  std::map<std::int64_t, nlohmann::json> byId_;
  std::int64_t nextLocalId_ = -1;
};

}  // namespace jiujin::console
