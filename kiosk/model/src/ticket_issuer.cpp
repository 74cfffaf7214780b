#include "jiujin/kiosk/ticket_issuer.hpp"

#include <QLoggingCategory>
#include <QStringList>
#include <QUuid>

#include "jiujin/core/names.hpp"
#include "jiujin/kiosk/hall_time.hpp"

Q_LOGGING_CATEGORY(lcIssue, "kiosk.issue")

namespace jiujin::kiosk {

using nlohmann::json;

namespace {

/// The client's own failures: the request may or may not have reached the dispatcher, so the
/// same request (same key) is sent again.
bool isUnreachable(const client::Failure& failure) {
  return failure.code == "timeout" || failure.code == "bad_reply" || failure.code == "stopped";
}

/// The 绿色通道 class as printed: the paper is in the hall's language whatever the screen's,
/// in the words of the kiosk's buttons.
std::string printedPriority(core::PriorityClass priority) {
  switch (priority) {
    case core::PriorityClass::Elderly: return "60岁以上老人";
    case core::PriorityClass::Disabled: return "残疾人";
    case core::PriorityClass::Pregnant: return "孕妇";
    case core::PriorityClass::Serviceman: return "军人";
    case core::PriorityClass::Normal: break;
  }
  return {};
}

}  // namespace

std::string ticketQrPayload(const std::string& ticketUrl, const std::string& token, core::TicketId id,
                            const std::string& number) {
  const auto at = ticketUrl.find("{token}");
  if (token.empty() || at == std::string::npos) return "jiujin:ticket:" + std::to_string(id) + ":" + number;
  return ticketUrl.substr(0, at) + token + ticketUrl.substr(at + 7);
}

TicketIssuer::TicketIssuer(Settings settings, Send sender, Print printer, QObject* parent)
    : QObject(parent), settings_(std::move(settings)), send_(std::move(sender)), print_(std::move(printer)) {
  retry_.setSingleShot(true);
  retry_.setInterval(settings_.retryInterval);
  connect(&retry_, &QTimer::timeout, this, [this] { send(); });
}

bool TicketIssuer::issue(const core::ServiceItem& item, const QString& queueName, core::PriorityClass priority) {
  return start(item, queueName, priority, std::nullopt);
}

bool TicketIssuer::issueForCase(const core::ServiceItem& item, const QString& queueName, const std::string& caseNumber) {
  return start(item, queueName, core::PriorityClass::Normal, caseNumber);
}

bool TicketIssuer::start(const core::ServiceItem& item, const QString& queueName, core::PriorityClass priority,
                         std::optional<std::string> caseNumber) {
  if (state_ != State::Idle && state_ != State::Refused) return false;  // a double tap: same intent
  if (priority != core::PriorityClass::Normal && !item.priorityAllowed) priority = core::PriorityClass::Normal;
  requestKey_ = settings_.kioskName + ":" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
  core::cmd::IssueTicket ticket;
  ticket.item = item.code;
  ticket.priority = priority;
  ticket.requestKey = requestKey_;
  ticket.caseNumber = std::move(caseNumber);
  checkIn_.reset();
  itemName_ = QString::fromStdString(item.name);
  queueName_ = queueName;
  priority_ = priority;
  begin(client::requests::issueTicket(ticket));
  return true;
}

bool TicketIssuer::checkIn(const std::string& code) {
  // A double tap, the scanner's second Enter: the same check-in, nothing new is sent.
  if (state_ != State::Idle && state_ != State::Refused) return false;
  // The dispatcher keys the check-in's ticket by the booking ("booking:<code>"); the kiosk's own
  // key only names the intent in the logs.
  requestKey_ = "booking:" + code;
  checkIn_ = code;
  itemName_.clear();
  queueName_.clear();
  priority_ = core::PriorityClass::Normal;
  begin(client::requests::checkIn(code));
  return true;
}

void TicketIssuer::begin(client::Request request) {
  ++intent_;
  request_ = std::move(request);
  attempts_ = 0;
  failure_ = {};
  ticketId_ = 0;
  token_.clear();
  number_.clear();
  peopleAhead_ = 0;
  waitMinutes_ = 0;
  issuedAt_ = {};
  booking_.reset();
  appointmentSlot_ = false;
  late_ = false;
  repeated_ = false;
  emit ticketChanged();
  setPrintState(PrintState::NotStarted);
  setState(State::Issuing);
  send();
}

void TicketIssuer::clear() {
  retry_.stop();
  ++intent_;  // replies and print outcomes still on their way are for a resident who left
  requestKey_.clear();
  attempts_ = 0;
  checkIn_.reset();
  booking_.reset();
  number_.clear();
  emit ticketChanged();
  setPrintState(PrintState::NotStarted);
  setState(State::Idle);
}

void TicketIssuer::setEnglish(bool english) {
  settings_.english = english;
  emit printStateChanged();  // printNotice is translated when read
  emit stateChanged();       // and so is the refusal
  emit ticketChanged();      // and the check-in's notice
}

QString TicketIssuer::checkInNotice() const {
  if (!booking_) return {};  // set with the answer's ticket only
  QStringList notice;
  if (repeated_) notice << tr("该预约已经签到过，号码不变");
  if (late_) notice << tr("已过预约时间，本号为普通号，按到达顺序叫号");
  return notice.join(tr("；"));
}

QString TicketIssuer::refusal() const {
  return QString::fromStdString(settings_.english && !failure_.en.empty() ? failure_.en : failure_.zh);
}

QString TicketIssuer::appointment() const {
  if (!booking_ || !appointmentSlot_) return {};
  return QString::fromStdString(booking_->from) + QStringLiteral("–") + QString::fromStdString(booking_->to);
}

namespace {

/// printProblem as the resident reads it.
QString problemText(const QString& problem) {
  if (problem == QStringLiteral("paper_out")) return TicketIssuer::tr("打印机缺纸");
  if (problem == QStringLiteral("cover_open")) return TicketIssuer::tr("打印机盖未合上");
  if (problem == QStringLiteral("no_answer") || problem == QStringLiteral("offline")) return TicketIssuer::tr("打印机无响应");
  if (problem == QStringLiteral("no_printer")) return TicketIssuer::tr("本机不打印号票");
  return TicketIssuer::tr("打印机故障");
}

}  // namespace

QString TicketIssuer::printNotice() const {
  switch (printState_) {
    case PrintState::NotStarted: return {};
    case PrintState::Printing: return tr("正在打印号票…");
    case PrintState::Printed: return tr("请取走号票");
    case PrintState::NoPrinter: return tr("本机不打印号票，请记住屏幕上的号码，号码已有效");
    case PrintState::Failed: break;
  }
  return tr("%1，号票未能打印。请记住屏幕上的号码，号码已有效；工作人员已收到通知。").arg(problemText(printProblem_));
}

void TicketIssuer::send() {
  if (!busy()) return;
  ++attempts_;
  emit stateChanged();
  const quint64 intent = intent_;
  send_(*request_, [this, intent](const client::Reply& reply) { answered(intent, reply); });
}

client::Answer<client::IssuedTicket> TicketIssuer::readAnswer(const client::Reply& reply) {
  if (!checkIn_) return client::readIssuedTicket(reply);
  auto checkedIn = client::readCheckIn(reply);
  if (!checkedIn) return checkedIn.error();
  // A check-in learns its item and queue from the answer.
  booking_ = checkedIn.value().booking;
  itemName_ = QString::fromStdString(booking_->itemName);
  const auto queue = settings_.queueNames.find(checkedIn.value().issued.ticket.queue);
  queueName_ = queue == settings_.queueNames.end() ? QString() : QString::fromStdString(queue->second);
  return std::move(checkedIn).value().issued;
}

void TicketIssuer::answered(quint64 intent, const client::Reply& reply) {
  if (intent != intent_ || !busy()) return;
  const auto issued = readAnswer(reply);
  if (issued) {
    accept(*issued);
    return;
  }
  const client::Failure& failure = issued.error();
  // A reply we cannot read (bad_reply) counts too: the dispatcher may have issued the
  // ticket; asking again with the same key (or the same booking) returns it.
  if (isUnreachable(failure)) {
    qCInfo(lcIssue) << "dispatcher unreachable (" << failure.code.c_str() << "), retrying with the same key";
    setState(State::Unreachable);
    retry_.start();
    return;
  }
  refuse(failure);
}

void TicketIssuer::refuse(const client::Failure& failure) {
  failure_ = failure;
  qCWarning(lcIssue) << (checkIn_ ? "check_in refused:" : "issue_ticket refused:") << failure.code.c_str()
                     << failure.en.c_str();
  setState(State::Refused);
}

void TicketIssuer::accept(const client::IssuedTicket& issued) {
  const core::Ticket& ticket = issued.ticket;
  ticketId_ = ticket.id;
  token_ = issued.token;
  number_ = QString::fromStdString(ticket.number);
  priority_ = ticket.priority;
  peopleAhead_ = static_cast<int>(issued.peopleAhead);
  waitMinutes_ = static_cast<int>((issued.waitSeconds + 59) / 60);
  issuedAt_ = localDateTime(ticket.issuedAt);
  // A check-in's ticket: the slot is its place only when the ticket carries it (on time).
  appointmentSlot_ = booking_.has_value() && ticket.appointmentSlot.has_value();
  late_ = booking_.has_value() && booking_->late;
  repeated_ = issued.repeated;
  emit ticketChanged();
  setState(State::Issued);
  printTicket();
}

void TicketIssuer::printTicket() {
  if (!print_) {
    setPrintState(PrintState::NoPrinter, QStringLiteral("no_printer"));
    return;
  }
  devices::printer::TicketPrint ticket;
  ticket.hallName = settings_.hallName;
  ticket.number = number_.toStdString();
  ticket.itemName = itemName_.toStdString();
  ticket.queueName = queueName_.toStdString();
  ticket.peopleAhead = peopleAhead_;
  ticket.estimatedWaitMinutes = waitMinutes_;
  ticket.issuedAt = issuedAt_.toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString();
  ticket.qrPayload = ticketQrPayload(settings_.ticketUrl, token_, ticketId_, ticket.number);
  ticket.notice = "请留意叫号，过号请到窗口咨询";
  ticket.priority = printedPriority(priority_);
  if (appointmentSlot_) ticket.appointment = booking_->from + "-" + booking_->to;  // ASCII: every printer font has it
  setPrintState(PrintState::Printing);
  const quint64 intent = intent_;
  print_(ticket, [this, intent](const devices::printer::PrintOutcome& outcome) { printed(intent, outcome); });
}

void TicketIssuer::printed(quint64 intent, const devices::printer::PrintOutcome& outcome) {
  // The manager hears about the printer even when the resident has already gone.
  reportPrinterHealth(healthAfter(outcome));
  if (intent != intent_) return;
  if (outcome.printed) {
    setPrintState(PrintState::Printed);
  } else {
    qCWarning(lcIssue) << "ticket" << number_ << "not printed:" << outcome.error.message.c_str();
    setPrintState(PrintState::Failed, QString::fromStdString(kiosk::printProblem(outcome)));
  }
}

void TicketIssuer::reportPrinterHealth(const PrinterHealth& health) {
  if (reported_ && *reported_ == health) return;
  // The first report of a healthy printer tells the manager nothing new.
  if (!reported_ && health.status == "ok") {
    reported_ = health;
    return;
  }
  reported_ = health;
  const client::PrinterHealth printer{settings_.kioskName + "/printer", health.status, std::nullopt, health.detail};
  send_(client::requests::printerStatus(printer), [](const client::Reply& reply) {
    if (!reply.ok) qCWarning(lcIssue) << "printer_status not delivered:" << reply.error.code.c_str();
  });
}

void TicketIssuer::setState(State state) {
  if (state_ == state) return;
  state_ = state;
  emit stateChanged();
}

void TicketIssuer::setPrintState(PrintState state, QString problem) {
  if (printState_ == state && printProblem_ == problem) return;
  printState_ = state;
  printProblem_ = std::move(problem);
  emit printStateChanged();
}

}  // namespace jiujin::kiosk
