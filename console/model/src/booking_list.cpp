#include "jiujin/console/booking_list.hpp"

#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::console {

using nlohmann::json;
namespace requests = client::requests;

namespace {

/// A string field of the dispatcher's answer, or "" (absent, null, another type).
QString text(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

bool flag(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

BookingList::BookingList(Send send, QObject* parent) : QObject(parent), send_(std::move(send)) {
  rows_.setParent(this);
}

void BookingList::setHall(const core::Hall* hall, bool online) {
  const bool cameOnline = online && !online_;
  hall_ = hall;
  online_ = online;
  // Bookings made while the link was down come with no news: ask again once it is back.
  if (cameOnline && hall_) reload();
}

void BookingList::setLanguage(bool english) {
  english_ = english;
  show();
}

QString BookingList::failure(const client::Reply& reply) const {
  const auto answer = client::readResult(reply);
  if (answer) return {};
  const auto& f = answer.error();
  return QString::fromStdString(english_ && !f.en.empty() ? f.en : f.zh.empty() ? f.code : f.zh);
}

void BookingList::reload() {
  if (!online_) return;
  if (asking_) {
    askAgain_ = true;
    return;
  }
  asking_ = true;
  send_(requests::bookings(), [this](const client::Reply& reply) {
    asking_ = false;
    const auto answer = client::readResult(reply);
    if (!answer) {
      askAgain_ = false;
      emit refused(failure(reply));
      return;
    }
    take(answer.value());
    if (askAgain_) {
      askAgain_ = false;
      reload();
    }
  });
}

void BookingList::take(const json& list) {
  const auto bookings = list.find("bookings");
  bookings_ = bookings != list.end() && bookings->is_array() ? *bookings : json::array();
  date_ = text(list, "date");
  booked_ = checkedIn_ = missed_ = cancelled_ = 0;
  if (const auto counts = list.find("counts"); counts != list.end() && counts->is_object()) {
    const auto count = [&](const char* state) { return counts->value(state, 0); };
    booked_ = count("booked");
    checkedIn_ = count("checked_in");
    missed_ = count("missed");
    cancelled_ = count("cancelled");
  }
  if (bookings_.empty()) {
    askOpen();  // shown once the dispatcher has said whether the hall takes bookings
    return;
  }
  open_ = true;
  loaded_ = true;
  show();
}

void BookingList::askOpen() {
  // `booking_slots` says `open` for any item of the hall: the first one will do.
  if (!hall_ || hall_->definition().items.empty()) {
    open_ = false;
    loaded_ = true;
    show();
    return;
  }
  send_(requests::bookingSlots(hall_->definition().items.front().code, std::nullopt),
        [this](const client::Reply& reply) {
          const auto answer = client::readResult(reply);
          // Not known (the item went in a reload): an empty list, said as such.
          open_ = !answer || flag(answer.value(), "open");
          loaded_ = true;
          show();
        });
}

QString BookingList::stateText(const json& booking) const {
  const QString state = text(booking, "state");
  const QString late = flag(booking, "late") ? tr(" · 迟到") : QString();
  if (state == QLatin1String("checked_in")) {
    const QString ticket = text(booking, "ticket");
    return (ticket.isEmpty() ? tr("已签到") : tr("已签到 %1").arg(ticket)) + late;
  }
  if (state == QLatin1String("cancelled")) return tr("已取消");
  if (state == QLatin1String("missed")) return tr("未到");
  return tr("已预约") + late;
}

void BookingList::show() {
  QList<QVariantMap> rows;
  for (const json& b : bookings_) {
    if (!b.is_object()) continue;
    const QString name = text(b, "item_name");
    rows << QVariantMap{{"code", text(b, "code")},
                        {"time", QStringLiteral("%1–%2").arg(text(b, "from"), text(b, "to"))},
                        {"itemName", name.isEmpty() ? text(b, "item") : name},
                        {"state", text(b, "state")},
                        {"stateText", stateText(b)},
                        {"ticket", text(b, "ticket")},
                        {"late", flag(b, "late")},
                        {"phone", text(b, "phone")}};
  }
  rows_.setRows(std::move(rows));
  emit bookingsChanged();
}

QString BookingList::summary() const {
  return tr("预约 %1 · 已签到 %2 · 未到 %3 · 已取消 %4").arg(total()).arg(checkedIn_).arg(missed_).arg(cancelled_);
}

QString BookingList::emptyText() const {
  if (!loaded_) return tr("正在读取预约…");
  if (!open_) return tr("本大厅未开通预约");
  if (total() == 0) return tr("今天还没有预约");
  return {};
}

}  // namespace jiujin::console
