#include "jiujin/kiosk/kiosk_model.hpp"

#include <QLoggingCategory>
#include <QVariantMap>

#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"

#include "jiujin/kiosk/hall_time.hpp"
#include "jiujin/kiosk/opening_hours.hpp"

Q_LOGGING_CATEGORY(lcUsage, "kiosk.usage")

namespace jiujin::kiosk {

namespace {

TicketIssuer::Settings issuerSettings(const config::HallConfig& config, const KioskModel::Options& options) {
  TicketIssuer::Settings s;
  s.kioskName = options.kioskName;
  s.hallName = config.hall.name;
  s.ticketUrl = config.web.ticketUrl;
  s.retryInterval = options.retryInterval;
  for (const auto& queue : config.definition.queues) s.queueNames[queue.id] = queue.name;
  return s;
}

}  // namespace

KioskModel::KioskModel(const config::HallConfig& config, TicketIssuer::Send send, TicketIssuer::Print print,
                       Options options, QObject* parent)
    : QObject(parent),
      clock_(std::move(options.clock)),
      send_(send),
      hallName_(QString::fromStdString(config.hall.name)),
      hours_(config.hours),
      queues_(config.definition.queues),
      issuer_(issuerSettings(config, options), send, std::move(print)),
      collection_(send),
      collectionItem_(collectionItemOf(config.definition)),
      canCheckIn_(!config.booking.sessions.empty()) {
  connect(&collection_, &CaseCollection::caseReady, this, &KioskModel::issueCollectionTicket);
  connect(&checkIn_, &BookingCheckIn::checkInWanted, this, &KioskModel::checkInBooking);
  connect(&issuer_, &TicketIssuer::stateChanged, this, &KioskModel::followCheckIn);
  items_.setItems(config.definition.items, config.guides);
  connect(&issuer_, &TicketIssuer::stateChanged, this, &KioskModel::updateCanIssue);
  connect(&item_, &ItemDetail::itemChanged, this, &KioskModel::updateCanIssue);

  clockTimer_.setInterval(1000);
  connect(&clockTimer_, &QTimer::timeout, this, &KioskModel::tick);
  clockTimer_.start();

  idle_.setSingleShot(true);
  idle_.setInterval(options.idleInterval ? *options.idleInterval
                                         : std::chrono::milliseconds(std::chrono::seconds(std::max(5, config.kiosk.idleSeconds))));
  connect(&idle_, &QTimer::timeout, this, [this] {
    // A request in flight finishes first: the resident is waiting for it, not gone.
    if (issuer_.state() == TicketIssuer::State::Issuing || collection_.state() == CaseCollection::State::Looking) {  // a check-in too
      idle_.start();
      return;
    }
    goHome();
    switchLanguage(QStringLiteral("zh"));
    emit wentIdle();
  });
  tick();
}

void KioskModel::setHall(const core::Hall* hall, bool current) {
  hall_ = hall;
  if (current_ != current) {
    current_ = current;
    emit connectedChanged();
  }
  refreshFigures();
  askUsage();
}

void KioskModel::askUsage() {
  if (!current_ || usageAsked_ || !send_) return;
  const core::Date today = core::dateOf(hallTime(now_));
  if (usageDay_ == today) return;
  // After a failed answer, ask again a minute later (with the next tick or update).
  if (usageAskedAt_.isValid() && usageAskedAt_.msecsTo(now_) < 60'000) return;
  usageAsked_ = true;
  usageAskedAt_ = now_;
  const std::chrono::sys_days day{today};
  client::Period period{core::Date{day - std::chrono::days(kUsageDays)}, core::Date{day - std::chrono::days(1)}};
  send_(client::requests::statistics(period), [this, today](const client::Reply& reply) {
    usageAsked_ = false;
    const auto statistics = client::readStatistics(reply);
    if (!statistics) {
      qCInfo(lcUsage) << "recent tickets per item not read:" << statistics.error().code.c_str();
      return;
    }
    usageDay_ = today;
    items_.setUsage(statistics->issuedByItem());
  });
}

void KioskModel::tick() {
  now_ = clock_();
  const auto openness = opennessAt(hours_, hallTime(now_));
  open_ = openness.open;
  nextOpening_ = openness.nextOpening ? localDateTime(*openness.nextOpening) : QDateTime();
  emit clockChanged();
  updateCanIssue();
  item_.updateFigures(current_ ? hall_ : nullptr, hallTime(now_));
  askUsage();  // a new day counts the most used items again
}

void KioskModel::refreshFigures() {
  const core::Hall* live = current_ ? hall_ : nullptr;
  const auto at = hallTime(now_);
  items_.updateWaiting(live, at);
  item_.updateFigures(live, at);
}

bool KioskModel::canIssue() const { return canIssue_; }

void KioskModel::updateCanIssue() {
  const bool can = open_ && item_.valid() && !issuer_.busy();
  if (can == canIssue_) return;
  canIssue_ = can;
  emit canIssueChanged();
}

void KioskModel::touched() {
  if (page_ != Page::Home || language_ != QStringLiteral("zh")) idle_.start();
}

void KioskModel::openItem(const QString& code) {
  const core::ServiceItem* found = items_.item(code);
  if (!found) return;
  item_.show(*found, queues_);
  refreshFigures();
  setPage(Page::Item);
}

void KioskModel::goHome() {
  issuer_.clear();
  collection_.clear();
  checkIn_.clear();
  cancelPriority();
  item_.clear();
  items_.clearSearch();
  setPage(Page::Home);
}

void KioskModel::back() {
  switch (page_) {
    case Page::Priority:
      cancelPriority();
      setPage(Page::Item);
      break;
    case Page::Item:
    case Page::Ticket:
    case Page::Collect:
    case Page::CheckIn:
    case Page::Home:
      goHome();
      break;
  }
}

void KioskModel::takeTicket() { issueFor(core::PriorityClass::Normal); }

void KioskModel::openPriority() {
  if (!item_.valid() || !item_.priorityAllowed()) return;
  cancelPriority();
  setPage(Page::Priority);
}

void KioskModel::choosePriority(int choice) {
  if (choice < Elderly || choice > Serviceman || page_ != Page::Priority) return;
  priorityChoice_ = choice;
  emit priorityChoiceChanged();
}

void KioskModel::confirmPriority() {
  if (priorityChoice_ == NoPriority || page_ != Page::Priority) return;
  issueFor(static_cast<core::PriorityClass>(priorityChoice_));
}

void KioskModel::cancelPriority() {
  if (priorityChoice_ == NoPriority) return;
  priorityChoice_ = NoPriority;
  emit priorityChoiceChanged();
}

void KioskModel::issueFor(core::PriorityClass priority) {
  // A second tap on a ticket being issued is the same intent: nothing new is sent.
  if (page_ == Page::Ticket || !canIssue() || !item_.item()) return;
  if (issuer_.issue(*item_.item(), item_.queueName(), priority)) setPage(Page::Ticket);
}

void KioskModel::switchLanguage(const QString& language) {
  if (language == language_) return;
  if (languageSwitch_ && !languageSwitch_(language)) return;
  language_ = language;
  issuer_.setEnglish(language == QStringLiteral("en"));
  collection_.setEnglish(language == QStringLiteral("en"));
  checkIn_.setEnglish(language == QStringLiteral("en"));
  item_.retranslate();
  items_.retranslate();
  emit languageChanged();
  emit priorityChoiceChanged();  // its name is in the new language
  touched();
}

void KioskModel::openCollection() {
  if (!canCollect()) return;
  issuer_.clear();
  collection_.clear();
  setPage(Page::Collect);
}

void KioskModel::issueCollectionTicket(const QString& caseNumber) {
  // Only from the collection page, and only while the hall issues tickets.
  if (page_ != Page::Collect || !collectionItem_ || !open_) return;
  QString queueName;
  for (const auto& q : queues_)
    if (q.id == collectionItem_->queue) queueName = QString::fromStdString(q.name);
  if (issuer_.issueForCase(*collectionItem_, queueName, caseNumber.toStdString())) setPage(Page::Ticket);
}

void KioskModel::openCheckIn() {
  if (!canCheckIn_) return;
  issuer_.clear();
  checkIn_.clear();
  setPage(Page::CheckIn);
}

void KioskModel::checkInBooking(const QString& code) {
  // Only from the check-in page. Not gated on the opening hours: a booking may be for an
  // appointment-only session (the dispatcher decides whether it is the time).
  if (page_ != Page::CheckIn) return;
  // On its way before it is sent: an answer may come back within the call (followCheckIn).
  checkIn_.setCheckingIn();
  if (!issuer_.checkIn(code.toStdString())) checkIn_.setNotSent();
}

void KioskModel::followCheckIn() {
  if (!issuer_.checkingIn() || (page_ != Page::CheckIn && page_ != Page::Ticket)) return;
  switch (issuer_.state()) {
    case TicketIssuer::State::Issued:
    case TicketIssuer::State::Unreachable:  // the ticket page says it retries by itself
      if (page_ == Page::CheckIn) {
        checkIn_.setAnswered();
        setPage(Page::Ticket);
      }
      break;
    case TicketIssuer::State::Refused:
      // The reason in large type, where the code was keyed, with the way to an ordinary ticket.
      checkIn_.setRefused(issuer_.refusalFailure());
      setPage(Page::CheckIn);
      break;
    case TicketIssuer::State::Idle:
    case TicketIssuer::State::Issuing:
      break;
  }
}

void KioskModel::switchToOtherLanguage() {
  switchLanguage(language_ == QStringLiteral("zh") ? QStringLiteral("en") : QStringLiteral("zh"));
}

QString KioskModel::otherLanguageName() const {
  // Each name in its own language: a resident who cannot read this one can read that one.
  return language_ == QStringLiteral("zh") ? QStringLiteral("English") : QStringLiteral("中文");
}

namespace {

QString priorityName(int choice) {
  switch (choice) {
    case KioskModel::Elderly: return KioskModel::tr("60岁以上老人");
    case KioskModel::Disabled: return KioskModel::tr("残疾人");
    case KioskModel::Pregnant: return KioskModel::tr("孕妇");
    case KioskModel::Serviceman: return KioskModel::tr("军人");
    default: return {};
  }
}

}  // namespace

QString KioskModel::priorityChoiceName() const { return priorityName(priorityChoice_); }

QVariantList KioskModel::priorityChoices() const {
  QVariantList choices;
  for (const int choice : {Elderly, Disabled, Pregnant, Serviceman})
    choices << QVariantMap{{QStringLiteral("choice"), choice}, {QStringLiteral("name"), priorityName(choice)}};
  return choices;
}

void KioskModel::setPage(Page page) {
  if (page != Page::Home) idle_.start();
  else if (language_ == QStringLiteral("zh")) idle_.stop();
  if (page == page_) return;
  page_ = page;
  emit pageChanged();
}

}  // namespace jiujin::kiosk
