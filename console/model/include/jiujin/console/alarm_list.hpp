#pragma once
// The hall's alarms as the dispatcher keeps them (durable, by id): what the monitor lists,
// acknowledges and follows up. Copies of one alarm arrive by several roads — the snapshot,
// "alarm.<kind>" and "alarm.updated" news, the result of the manager's own command — and in
// no guaranteed order, so a copy never undoes what a newer one said: an alarm only moves
// forward (acknowledged; follow-up open → closed).
#include <cstdint>
#include <map>

#include <QList>
#include <QVariantMap>
#include <nlohmann/json.hpp>

#include "jiujin/core/time.hpp"

namespace jiujin::console {

class AlarmList {
 public:
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
  /// Newest first: what just happened is what the manager reads. Times of `today` show as
  /// "HH:mm:ss", older ones with their date. "shownText" is the alarm in English when
  /// `english` (and the dispatcher wrote one), else in Chinese.
  QList<QVariantMap> rows(core::Date today, bool english = false) const;

 private:
  std::map<std::int64_t, nlohmann::json> byId_;
  std::int64_t nextLocalId_ = -1;
};

}  // namespace jiujin::console
