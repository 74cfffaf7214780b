#pragma once
// One resident's intent "give me a ticket for this item", carried through to paper.
//
// Each intent gets ONE idempotency key: a second tap while it is under way is ignored, and
// every automatic retry after a timeout sends the same key, so the dispatcher can never
// issue two tickets for it. Then the ticket is printed (on the print station's thread); if
// it cannot be printed the ticket is shown on screen in large type — it still counts — and
// the hall manager is told through printer_status (the dispatcher raises the alarm).
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/devices/printer/ticket_printer.hpp"
#include "jiujin/kiosk/booking_check_in.hpp"
#include "jiujin/kiosk/printer_health.hpp"

namespace jiujin::kiosk {

/// What a printed ticket's QR code holds: `ticketUrl` with "{token}" replaced when both are
/// set (the resident's phone page, docs/web.md), else "jiujin:ticket:<id>:<number>".
std::string ticketQrPayload(const std::string& ticketUrl, const std::string& token, core::TicketId id,
                            const std::string& number);

class TicketIssuer : public QObject {
  Q_OBJECT
  Q_PROPERTY(State state READ state NOTIFY stateChanged)
  Q_PROPERTY(PrintState printState READ printState NOTIFY printStateChanged)
  Q_PROPERTY(QString printProblem READ printProblem NOTIFY printStateChanged)
  Q_PROPERTY(bool printFailed READ printFailed NOTIFY printStateChanged)
  Q_PROPERTY(QString printNotice READ printNotice NOTIFY printStateChanged)
  Q_PROPERTY(QString number READ number NOTIFY ticketChanged)
  Q_PROPERTY(QString itemName READ itemName NOTIFY ticketChanged)
  Q_PROPERTY(QString queueName READ queueName NOTIFY ticketChanged)
  Q_PROPERTY(bool priority READ priority NOTIFY ticketChanged)
  Q_PROPERTY(int peopleAhead READ peopleAhead NOTIFY ticketChanged)
  Q_PROPERTY(int waitMinutes READ waitMinutes NOTIFY ticketChanged)
  Q_PROPERTY(QDateTime issuedAt READ issuedAt NOTIFY ticketChanged)
  Q_PROPERTY(QString refusal READ refusal NOTIFY stateChanged)
  Q_PROPERTY(int attempts READ attempts NOTIFY stateChanged)
  Q_PROPERTY(bool checkingIn READ checkingIn NOTIFY stateChanged)
  Q_PROPERTY(QString appointment READ appointment NOTIFY ticketChanged)
  Q_PROPERTY(bool late READ late NOTIFY ticketChanged)
  Q_PROPERTY(bool repeated READ repeated NOTIFY ticketChanged)
  Q_PROPERTY(QString checkInNotice READ checkInNotice NOTIFY ticketChanged)

 public:
  enum class State {
    Idle,         ///< no intent
    Issuing,      ///< request sent, waiting for the dispatcher
    Unreachable,  ///< the dispatcher did not answer: shown to the resident, retrying by itself
    Refused,      ///< the dispatcher said no (refusal says why)
    Issued,       ///< the ticket exists
  };
  Q_ENUM(State)
  enum class PrintState { NotStarted, Printing, Printed, Failed, NoPrinter };
  Q_ENUM(PrintState)

  using ReplyHandler = std::function<void(const client::Reply&)>;
  /// Sends a request to the dispatcher; the handler runs later on this object's thread.
  using Send = std::function<void(client::Request request, ReplyHandler done)>;
  using PrintDone = std::function<void(const devices::printer::PrintOutcome&)>;
  /// Prints a ticket somewhere else; `done` runs later on this object's thread. Empty: no printer.
  using Print = std::function<void(const devices::printer::TicketPrint& ticket, PrintDone done)>;

  struct Settings {
    std::string kioskName = "kiosk";  ///< key prefix, and the printer's device id "<name>/printer"
    std::string hallName;
    std::chrono::milliseconds retryInterval{3000};
    bool english = false;  ///< refusal text language
    /// [web] ticket_url: the printed QR code's URL, "{token}" replaced by the ticket's token.
    std::string ticketUrl;
    /// Queue id → name (a check-in learns its item and queue from the dispatcher's answer).
    std::map<std::string, std::string> queueNames;
  };

  TicketIssuer(Settings settings, Send sender, Print printer, QObject* parent = nullptr);

  /// Starts an intent, unless one is under way (a double tap). Returns whether it started.
  bool issue(const core::ServiceItem& item, const QString& queueName, core::PriorityClass priority);
  /// The same for collecting a case's result (统一出件): the ticket names the case, and the
  /// dispatcher refuses it unless the result is ready.
  bool issueForCase(const core::ServiceItem& item, const QString& queueName, const std::string& caseNumber);
  /// 预约签到: a ticket for the booking with this 8-digit code (check_in). A retry after a
  /// timeout asks again with the same code; the dispatcher answers a booking checked in before
  /// with its ticket (`repeated`), so a check-in never gives two tickets.
  bool checkIn(const std::string& code);
  /// Forgets the ticket and stops retrying: the resident has gone (back to the home screen).
  void clear();
  /// The language of refusals; the model's own words are re-read (printStateChanged).
  void setEnglish(bool english);

  State state() const { return state_; }
  PrintState printState() const { return printState_; }
  QString printProblem() const { return printProblem_; }
  /// The ticket is not on paper (failed, or no printer here): the screen is the ticket.
  bool printFailed() const { return printState_ == PrintState::Failed || printState_ == PrintState::NoPrinter; }
  /// What the resident reads about the paper ticket, in the interface language.
  QString printNotice() const;
  QString number() const { return number_; }
  QString itemName() const { return itemName_; }
  QString queueName() const { return queueName_; }
  bool priority() const { return priority_ != core::PriorityClass::Normal; }
  int peopleAhead() const { return peopleAhead_; }
  int waitMinutes() const { return waitMinutes_; }
  QDateTime issuedAt() const { return issuedAt_; }
  QString refusal() const;
  /// Why the dispatcher refused, as its error code ("too_early", "slot_full" …).
  const client::Failure& refusalFailure() const { return failure_; }
  /// The intent is a check-in (预约签到), not a ticket for an item.
  bool checkingIn() const { return checkIn_.has_value(); }
  /// A check-in's slot as printed and shown, "09:00–09:30"; empty unless the ticket has its slot
  /// (a late check-in's ordinary ticket has none).
  QString appointment() const;
  /// The check-in was late: an ordinary ticket (the booking time has passed).
  bool late() const { return late_; }
  /// The booking had been checked in before: the same ticket again.
  bool repeated() const { return repeated_; }
  /// What the resident reads about a check-in's ticket: the booking time has passed (an
  /// ordinary ticket), or it was checked in before (the same number again); empty otherwise.
  QString checkInNotice() const;
  /// Requests sent for the current intent (1 + retries).
  int attempts() const { return attempts_; }
  /// The idempotency key of the current intent; empty when idle.
  const std::string& requestKey() const { return requestKey_; }
  bool busy() const { return state_ == State::Issuing || state_ == State::Unreachable; }
  /// A ticket is on its way to paper (the print itself reads the printer's status).
  bool printing() const { return printState_ == PrintState::Printing; }
  /// Tells the dispatcher the printer's health when it differs from what it last heard
  /// (after a print, or from the watch between tickets).
  void reportPrinterHealth(const PrinterHealth& health);

 signals:
  void stateChanged();
  void printStateChanged();
  void ticketChanged();

 private:
  bool start(const core::ServiceItem& item, const QString& queueName, core::PriorityClass priority,
             std::optional<std::string> caseNumber);
  /// Starts an intent with its request (one key, one request retried as it is).
  void begin(client::Request request);
  void send();
  void answered(quint64 intent, const client::Reply& reply);
  /// The ticket an answer gives (issue_ticket's, or check_in's: its booking kept on the way).
  client::Answer<client::IssuedTicket> readAnswer(const client::Reply& reply);
  void accept(const client::IssuedTicket& issued);
  void refuse(const client::Failure& failure);
  void printTicket();
  void printed(quint64 intent, const devices::printer::PrintOutcome& outcome);
  void setState(State state);
  void setPrintState(PrintState state, QString problem = {});

  Settings settings_;
  Send send_;
  Print print_;
  QTimer retry_;

  quint64 intent_ = 0;  // which intent a late reply belongs to
  std::string requestKey_;
  std::optional<client::Request> request_;  ///< issue_ticket of the intent, retried as it is
  State state_ = State::Idle;
  PrintState printState_ = PrintState::NotStarted;
  QString printProblem_;
  int attempts_ = 0;
  client::Failure failure_;  ///< the refusal, both languages
  std::optional<std::string> checkIn_;  ///< the booking code of a check-in intent

  core::TicketId ticketId_ = 0;
  std::string token_;  ///< the resident's QR token from the dispatcher
  QString number_;
  QString itemName_;
  QString queueName_;
  core::PriorityClass priority_ = core::PriorityClass::Normal;
  int peopleAhead_ = 0;
  int waitMinutes_ = 0;
  QDateTime issuedAt_;
  std::optional<client::CheckedInBooking> booking_;  ///< what a check-in's answer said of the booking
  bool appointmentSlot_ = false;             ///< the ticket has its slot (on time)
  bool late_ = false;
  bool repeated_ = false;
  std::optional<PrinterHealth> reported_;  // what the dispatcher last heard about the printer
};

}  // namespace jiujin::kiosk
