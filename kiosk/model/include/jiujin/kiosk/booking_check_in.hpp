#pragma once
// 预约签到 at the kiosk: the resident keys the 8-digit booking code on the page's digit pad, or
// scans the QR code of the booking (a scanner in keyboard mode types the 8 digits and Enter).
// This model holds the code being entered and what the page says; the check-in itself (the
// request, its retries, the ticket, the paper) is the TicketIssuer's, so a check-in is printed
// exactly as any ticket is. A refusal comes back here, with the dispatcher's own reason.
#include <QObject>
#include <QString>
#include <string>

#include "jiujin/client/replies.hpp"

namespace jiujin::kiosk {

/// "12345678" as the resident reads it: "1234 5678" (a partial code as far as it goes).
QString groupedCode(const QString& digits);

class BookingCheckIn : public QObject {
  Q_OBJECT
  Q_PROPERTY(State state READ state NOTIFY changed)
  Q_PROPERTY(QString code READ code NOTIFY changed)
  Q_PROPERTY(QString codeText READ codeText NOTIFY changed)
  Q_PROPERTY(bool complete READ complete NOTIFY changed)
  Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY changed)
  Q_PROPERTY(QString message READ message NOTIFY changed)
  Q_PROPERTY(QString refusalCode READ refusalCode NOTIFY changed)
  Q_PROPERTY(bool suggestTicket READ suggestTicket NOTIFY changed)

 public:
  enum class State {
    Entering,    ///< waiting for the code (keyed or scanned)
    CheckingIn,  ///< the check-in is on its way: nothing more is sent
    Refused,     ///< the dispatcher said no (or what was scanned is no booking code)
  };
  Q_ENUM(State)

  static constexpr int kDigits = 8;

  explicit BookingCheckIn(QObject* parent = nullptr);

  /// A key of the on-screen pad: appends the digit (a 9th is ignored).
  Q_INVOKABLE void typeDigit(const QString& digit);
  Q_INVOKABLE void eraseDigit();
  Q_INVOKABLE void clearCode();
  /// The 签到 button, or Enter: asks for the check-in when 8 digits are there (once).
  Q_INVOKABLE void submit();
  /// A key from a keyboard or a barcode scanner (its text): digits are the code, Enter submits,
  /// Backspace erases; anything else (a scanned ticket URL, a 9th digit) spoils the code so
  /// that Enter says it is no booking code. Returns whether the key was taken.
  Q_INVOKABLE bool keyed(const QString& text);
  /// A whole scan at once ("12345678\r\n"), as keyed() key by key.
  Q_INVOKABLE void scanned(const QString& text);

  /// Back to an empty code (a new resident, or another try).
  void clear();
  /// Set by the kiosk model: the check-in was sent / refused / answered with a ticket.
  void setCheckingIn();
  /// The issuer did not send it (another intent under way): the code waits to be sent again.
  void setNotSent();
  void setRefused(const client::Failure& failure);
  void setAnswered();
  void setEnglish(bool english);

  State state() const { return state_; }
  QString code() const { return code_; }
  QString codeText() const { return groupedCode(code_); }
  bool complete() const { return code_.size() == kDigits; }
  bool canSubmit() const { return complete() && state_ != State::CheckingIn; }
  /// What the page says: the prompt, that it is checking in, or the refusal's reason.
  QString message() const;
  QString refusalCode() const { return QString::fromStdString(refusal_.code); }
  /// Whether the resident is pointed to an ordinary ticket (walk-ins are never refused).
  bool suggestTicket() const;

 signals:
  void changed();
  /// The resident asks to check in with this code (8 digits).
  void checkInWanted(const QString& code);

 private:
  /// A digit after a refusal, or after a whole code, starts a new code.
  void startOverIfDone();
  void setState(State state);

  State state_ = State::Entering;
  QString code_;
  bool spoiled_ = false;  // a key that is no digit, or too many digits, since the last Enter
  client::Failure refusal_;
  bool english_ = false;
};

}  // namespace jiujin::kiosk
