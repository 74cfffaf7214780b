#pragma once
// The manager's 预约 list: today's bookings as the dispatcher's `booking_list` gives them (its
// today, in slot order, phones masked), one row a booking with its state in words (已预约,
// 已签到 A017, 已取消, 未到, 迟到), and the day's counts. Asked again when a `booking.*` news
// message arrives (the monitor's link wiring calls bookingNews) and on the monitor's slow
// tick; never blocking: the request goes through the client library's channel and the
// answer comes back on the caller's thread. A hall that takes no bookings says so: an empty
// list is checked against `booking_slots`' `open`, the dispatcher's own word for it.
#include <QObject>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "jiujin/console/dispatcher_access.hpp"
#include "jiujin/console/row_list_model.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::console {

class BookingList : public QObject {
  Q_OBJECT
  /// An answer has come (until then the page says it is reading).
  Q_PROPERTY(bool loaded READ loaded NOTIFY bookingsChanged)
  /// The hall takes bookings ([booking] has a session).
  Q_PROPERTY(bool open READ open NOTIFY bookingsChanged)
  /// The day listed, "2026-12-07" (the dispatcher's today).
  Q_PROPERTY(QString date READ date NOTIFY bookingsChanged)
  Q_PROPERTY(int total READ total NOTIFY bookingsChanged)
  Q_PROPERTY(int booked READ booked NOTIFY bookingsChanged)
  Q_PROPERTY(int checkedIn READ checkedIn NOTIFY bookingsChanged)
  Q_PROPERTY(int missed READ missed NOTIFY bookingsChanged)
  Q_PROPERTY(int cancelled READ cancelled NOTIFY bookingsChanged)
  /// "预约 12 · 已签到 5 · 未到 1 · 已取消 2" (预约: every booking of the day).
  Q_PROPERTY(QString summary READ summary NOTIFY bookingsChanged)
  /// What an empty list means: "本大厅未开通预约", "今天还没有预约", "正在读取预约…"; "" with rows.
  Q_PROPERTY(QString emptyText READ emptyText NOTIFY bookingsChanged)
  Q_PROPERTY(QObject* rows READ rows CONSTANT)

 public:
  BookingList(Send send, QObject* parent = nullptr);

  /// The mirrored hall (its items: which one to ask `booking_slots` about) and the link's
  /// state: the first time online, the list is asked for.
  void setHall(const core::Hall* hall, bool online);
  /// The interface's language: the rows' words made again.
  void setLanguage(bool english);
  /// A `booking.made`, `booking.cancelled` or `booking.checked_in` news message arrived.
  void bookingNews() { reload(); }

  bool loaded() const { return loaded_; }
  bool open() const { return open_; }
  QString date() const { return date_; }
  int total() const { return rows_.rowCount(); }
  int booked() const { return booked_; }
  int checkedIn() const { return checkedIn_; }
  int missed() const { return missed_; }
  int cancelled() const { return cancelled_; }
  QString summary() const;
  QString emptyText() const;
  RowListModel* rows() { return &rows_; }

  /// Asks the dispatcher for today's list (when online). Asked while an answer is awaited,
  /// it asks once more when that answer has come: a burst of news is one or two requests.
  Q_INVOKABLE void reload();

 signals:
  void bookingsChanged();
  /// The dispatcher refused the query (its reason in the interface's language).
  void refused(const QString& reason);

 private:
  void take(const nlohmann::json& list);
  /// An empty list: does the hall take bookings at all?
  void askOpen();
  void show();
  QString stateText(const nlohmann::json& booking) const;
  QString failure(const client::Reply& reply) const;

  Send send_;
  const core::Hall* hall_ = nullptr;
  bool online_ = false;
  bool english_ = false;
  bool asking_ = false;
  bool askAgain_ = false;
  bool loaded_ = false;
  bool open_ = false;
  QString date_;
  nlohmann::json bookings_ = nlohmann::json::array();
  int booked_ = 0, checkedIn_ = 0, missed_ = 0, cancelled_ = 0;
  RowListModel rows_{{"code", "time", "itemName", "state", "stateText", "ticket", "late", "phone"}};
};

}  // namespace jiujin::console
