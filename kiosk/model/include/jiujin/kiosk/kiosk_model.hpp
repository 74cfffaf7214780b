#pragma once
// The kiosk as QML sees it: the hall's name, the date and time, whether the hall is open
// (and when it next opens), whether the figures are live, the language, which page is up,
// and the intents a resident's touches become. An idle timer takes the screen back home
// (and back to Chinese) for the next resident.
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <functional>
#include <optional>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/kiosk/booking_check_in.hpp"
#include "jiujin/kiosk/case_collection.hpp"
#include "jiujin/kiosk/item_detail.hpp"
#include "jiujin/kiosk/item_list_model.hpp"
#include "jiujin/kiosk/ticket_issuer.hpp"

namespace jiujin::kiosk {

class KioskModel : public QObject {
  Q_OBJECT
  Q_PROPERTY(QString hallName READ hallName CONSTANT)
  Q_PROPERTY(QDateTime now READ now NOTIFY clockChanged)
  Q_PROPERTY(bool open READ open NOTIFY clockChanged)
  Q_PROPERTY(QDateTime nextOpening READ nextOpening NOTIFY clockChanged)
  Q_PROPERTY(bool nextOpeningKnown READ nextOpeningKnown NOTIFY clockChanged)
  Q_PROPERTY(bool connected READ connected NOTIFY connectedChanged)
  Q_PROPERTY(QString language READ language NOTIFY languageChanged)
  Q_PROPERTY(QString otherLanguageName READ otherLanguageName NOTIFY languageChanged)
  Q_PROPERTY(Page page READ page NOTIFY pageChanged)
  Q_PROPERTY(int priorityChoice READ priorityChoice NOTIFY priorityChoiceChanged)
  Q_PROPERTY(QString priorityChoiceName READ priorityChoiceName NOTIFY priorityChoiceChanged)
  Q_PROPERTY(QVariantList priorityChoices READ priorityChoices NOTIFY languageChanged)
  Q_PROPERTY(bool canIssue READ canIssue NOTIFY canIssueChanged)
  Q_PROPERTY(jiujin::kiosk::ItemListModel* items READ items CONSTANT)
  Q_PROPERTY(jiujin::kiosk::ItemDetail* item READ item CONSTANT)
  Q_PROPERTY(jiujin::kiosk::TicketIssuer* issuer READ issuer CONSTANT)
  Q_PROPERTY(jiujin::kiosk::CaseCollection* collection READ collection CONSTANT)
  Q_PROPERTY(bool canCollect READ canCollect CONSTANT)
  Q_PROPERTY(jiujin::kiosk::BookingCheckIn* checkIn READ checkIn CONSTANT)
  Q_PROPERTY(bool canCheckIn READ canCheckIn CONSTANT)

 public:
  enum class Page { Home, Item, Priority, Ticket, Collect, CheckIn };
  Q_ENUM(Page)
  /// 绿色通道 classes, as core::PriorityClass numbers (0 = none chosen).
  enum PriorityChoice { NoPriority = 0, Elderly = 1, Disabled = 2, Pregnant = 3, Serviceman = 4 };
  Q_ENUM(PriorityChoice)

  /// Days of history the most used items are counted over (yesterday and before).
  static constexpr int kUsageDays = 30;

  using Clock = std::function<QDateTime()>;
  /// Installs a translation ("zh" removes it); false when there is none for the language.
  using LanguageSwitch = std::function<bool(const QString& language)>;

  struct Options {
    Clock clock = [] { return QDateTime::currentDateTime(); };
    std::string kioskName = "kiosk";
    std::chrono::milliseconds retryInterval{3000};
    /// Overrides the hall file's idle_seconds (tests).
    std::optional<std::chrono::milliseconds> idleInterval;
  };

  KioskModel(const config::HallConfig& config, TicketIssuer::Send send, TicketIssuer::Print print, Options options,
             QObject* parent = nullptr);

  /// The mirrored hall; `current` false (disconnected, not synced) hides every figure.
  void setHall(const core::Hall* hall, bool current);
  void setLanguageSwitch(LanguageSwitch languageSwitch) { languageSwitch_ = std::move(languageSwitch); }
  /// Re-reads the clock now (the model also does it every second).
  void tick();

  QString hallName() const { return hallName_; }
  QDateTime now() const { return now_; }
  bool open() const { return open_; }
  QDateTime nextOpening() const { return nextOpening_; }
  /// Whether the hall file says when the hall opens next (a closed hall may not).
  bool nextOpeningKnown() const { return nextOpening_.isValid(); }
  bool connected() const { return current_; }
  QString language() const { return language_; }
  /// The language button's label: the language it switches to, in that language.
  QString otherLanguageName() const;
  Page page() const { return page_; }
  int priorityChoice() const { return priorityChoice_; }
  /// The chosen 绿色通道 class as the resident reads it; empty when none is chosen.
  QString priorityChoiceName() const;
  /// The 绿色通道 classes a resident may choose: {"choice": PriorityChoice, "name": text}.
  QVariantList priorityChoices() const;
  bool canIssue() const;
  ItemListModel* items() { return &items_; }
  ItemDetail* item() { return &item_; }
  TicketIssuer* issuer() { return &issuer_; }
  CaseCollection* collection() { return &collection_; }
  /// Whether the hall has an issuing window to collect results at (领取办件结果 is offered).
  bool canCollect() const { return collectionItem_.has_value(); }
  BookingCheckIn* checkIn() { return &checkIn_; }
  /// Whether the hall takes bookings (预约签到 is offered): the hall file has a [[booking.session]].
  bool canCheckIn() const { return canCheckIn_; }
  int idleInterval() const { return idle_.interval(); }

  /// A touch anywhere: the resident is still here.
  Q_INVOKABLE void touched();
  Q_INVOKABLE void openItem(const QString& code);
  Q_INVOKABLE void goHome();
  /// From the item or priority page: one step back.
  Q_INVOKABLE void back();
  /// 取号: a normal ticket for the open item.
  Q_INVOKABLE void takeTicket();
  Q_INVOKABLE void openPriority();
  /// Picks a 绿色通道 class; the page then asks for confirmation.
  Q_INVOKABLE void choosePriority(int choice);
  Q_INVOKABLE void confirmPriority();
  Q_INVOKABLE void cancelPriority();
  /// 领取办件结果: the page that waits for the receipt's QR code or a typed case number.
  Q_INVOKABLE void openCollection();
  /// 预约签到: the page that waits for the 8-digit booking code, keyed or scanned.
  Q_INVOKABLE void openCheckIn();
  /// "zh" or "en".
  Q_INVOKABLE void switchLanguage(const QString& language);
  /// The language button: Chinese ↔ English.
  Q_INVOKABLE void switchToOtherLanguage();

 signals:
  void clockChanged();
  void connectedChanged();
  void languageChanged();
  void pageChanged();
  void priorityChoiceChanged();
  void canIssueChanged();
  /// The idle timer took the screen back home.
  void wentIdle();

 private:
  void setPage(Page page);
  void refreshFigures();
  void issueFor(core::PriorityClass priority);
  void updateCanIssue();
  void issueCollectionTicket(const QString& caseNumber);
  /// The check-in page asked for a check-in: the issuer sends it (once).
  void checkInBooking(const QString& code);
  /// The issuer's check-in moved on: the ticket page, or back to the code with the refusal.
  void followCheckIn();
  /// Asks the dispatcher for the recent days' tickets per item, once a day while connected.
  void askUsage();

  Clock clock_;
  TicketIssuer::Send send_;
  QString hallName_;
  config::OpeningHours hours_;
  std::vector<core::QueueDef> queues_;
  ItemListModel items_;
  ItemDetail item_;
  TicketIssuer issuer_;
  CaseCollection collection_;
  std::optional<core::ServiceItem> collectionItem_;
  BookingCheckIn checkIn_;
  bool canCheckIn_ = false;
  QTimer clockTimer_;
  QTimer idle_;
  LanguageSwitch languageSwitch_;

  const core::Hall* hall_ = nullptr;
  bool current_ = false;
  QDateTime now_;
  bool open_ = false;
  QDateTime nextOpening_;
  QString language_ = QStringLiteral("zh");
  Page page_ = Page::Home;
  int priorityChoice_ = NoPriority;
  bool canIssue_ = false;
  std::optional<core::Date> usageDay_;  // the day the most used items were counted for
  bool usageAsked_ = false;             // a statistics request is on its way
  QDateTime usageAskedAt_;
};

}  // namespace jiujin::kiosk
