#include "jiujin/kiosk/booking_check_in.hpp"

#include <algorithm>
#include <array>

namespace jiujin::kiosk {

namespace {

/// The refusals after which the resident is pointed to an ordinary ticket: the booking cannot
/// be used now, but a walk-in is never refused.
constexpr std::array kWalkInInstead{"too_early", "late", "cancelled", "not_found", "other_day"};

/// What was scanned or typed is no booking code (said by the kiosk, not the dispatcher).
constexpr const char* kNotACode = "not_a_code";

}  // namespace

QString groupedCode(const QString& digits) {
  if (digits.size() <= 4) return digits;
  return digits.left(4) + QLatin1Char(' ') + digits.mid(4);
}

BookingCheckIn::BookingCheckIn(QObject* parent) : QObject(parent) {}

void BookingCheckIn::startOverIfDone() {
  if (state_ == State::Refused || complete()) {
    code_.clear();
    refusal_ = {};
    spoiled_ = false;
    state_ = State::Entering;
  }
}

void BookingCheckIn::typeDigit(const QString& digit) {
  if (state_ == State::CheckingIn || digit.size() != 1 || !digit.front().isDigit()) return;
  if (state_ == State::Refused) startOverIfDone();
  if (complete()) return;  // the pad's 9th digit
  code_ += digit;
  emit changed();
}

void BookingCheckIn::eraseDigit() {
  if (state_ == State::CheckingIn || code_.isEmpty()) return;
  if (state_ == State::Refused) {
    refusal_ = {};
    state_ = State::Entering;
  }
  code_.chop(1);
  spoiled_ = false;
  emit changed();
}

void BookingCheckIn::clearCode() {
  if (state_ == State::CheckingIn) return;
  clear();
}

void BookingCheckIn::submit() {
  if (state_ == State::CheckingIn) return;  // a double tap, the scanner's second Enter
  if (spoiled_ || (!complete() && !code_.isEmpty())) {
    spoiled_ = false;
    code_.clear();  // what is shown is no code: the next try starts empty
    refusal_ = client::Failure{kNotACode, {}, {}, {}};
    setState(State::Refused);
    return;
  }
  if (!complete()) return;
  // After a refusal the same code may be tried again (too early a while ago, now on time).
  emit checkInWanted(code_);
}

bool BookingCheckIn::keyed(const QString& text) {
  if (text.isEmpty()) return false;  // a modifier, an arrow: not ours
  if (state_ == State::CheckingIn) return true;  // swallowed: the check-in is on its way
  for (const QChar c : text) {
    if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
      submit();
      if (state_ == State::CheckingIn) return true;
    } else if (c == QLatin1Char('\b')) {
      eraseDigit();
    } else if (c.isDigit() && c.unicode() < 0x80) {
      startOverIfDone();  // a 9th digit starts over: Enter then finds no whole code
      code_ += c;
      emit changed();
    } else if (!c.isSpace()) {
      startOverIfDone();
      spoiled_ = true;
      emit changed();
    }
  }
  return true;
}

void BookingCheckIn::scanned(const QString& text) { keyed(text); }

void BookingCheckIn::clear() {
  code_.clear();
  refusal_ = {};
  spoiled_ = false;
  state_ = State::Entering;
  emit changed();
}

void BookingCheckIn::setCheckingIn() { setState(State::CheckingIn); }

void BookingCheckIn::setNotSent() {
  if (state_ == State::CheckingIn) setState(State::Entering);
}

void BookingCheckIn::setRefused(const client::Failure& failure) {
  refusal_ = failure;
  setState(State::Refused);
}

void BookingCheckIn::setAnswered() {
  // The ticket page takes over; coming back here starts a new code.
  code_.clear();
  refusal_ = {};
  setState(State::Entering);
}

void BookingCheckIn::setEnglish(bool english) {
  english_ = english;
  emit changed();
}

QString BookingCheckIn::message() const {
  switch (state_) {
    case State::Entering: return tr("请输入8位预约码，或将预约二维码对准扫码口");
    case State::CheckingIn: return tr("正在签到，请稍候…");
    case State::Refused: break;
  }
  if (refusal_.code == kNotACode) return tr("这不是预约码。预约码是8位数字，请核对后重新输入或扫描");
  QString reason = QString::fromStdString(english_ ? refusal_.en : refusal_.zh);
  if (reason.isEmpty()) reason = QString::fromStdString(refusal_.zh);
  if (reason.isEmpty()) return tr("暂时无法签到，请稍后再试或到咨询台询问");
  // The dispatcher's English reasons are phrases ("the slot begins at 09:00; …"): a sentence here.
  if (english_ && reason.front().isLower()) reason.front() = reason.front().toUpper();
  return reason;
}

bool BookingCheckIn::suggestTicket() const {
  if (state_ != State::Refused) return false;
  return std::find(kWalkInInstead.begin(), kWalkInInstead.end(), refusal_.code) != kWalkInInstead.end();
}

void BookingCheckIn::setState(State state) {
  state_ = state;
  emit changed();
}

}  // namespace jiujin::kiosk
