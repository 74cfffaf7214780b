#pragma once
// The manager's case register (办件台账): the dispatcher's `case_list` filtered by state,
// item, accepting clerk and promised date, one row a case (applicants masked, as the
// dispatcher sends them), with which cases are due soon or overdue by the dispatcher's own
// notices (the core's case.due_soon / case.overdue, the same that raise the alarms); and
// the on-time rate (限时办结) per item, window and clerk from the statistics' `cases`.
// A page holds kPage cases; the manager walks the whole register page by page (the
// dispatcher's `after` cursor: each page starts after the last case id of the one before),
// the filters kept; a filter changed starts again at the first page.
#include <QObject>
#include <QVariantList>
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/console/dispatcher_access.hpp"
#include "jiujin/console/row_list_model.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::console {

class CaseLedger : public QObject {
  Q_OBJECT
  /// {label, value} for each filter; value "" means any.
  Q_PROPERTY(QVariantList stateChoices READ stateChoices NOTIFY choicesChanged)
  Q_PROPERTY(QVariantList itemChoices READ itemChoices NOTIFY choicesChanged)
  Q_PROPERTY(QVariantList clerkChoices READ clerkChoices NOTIFY choicesChanged)
  Q_PROPERTY(QString state READ state WRITE setState NOTIFY filterChanged)
  Q_PROPERTY(QString item READ item WRITE setItem NOTIFY filterChanged)
  Q_PROPERTY(QString clerk READ clerk WRITE setClerk NOTIFY filterChanged)
  /// "YYYY-MM-DD": promised before this day; "" for any.
  Q_PROPERTY(QString dueBefore READ dueBefore WRITE setDueBefore NOTIFY filterChanged)
  Q_PROPERTY(int total READ total NOTIFY casesChanged)
  Q_PROPERTY(int dueSoon READ dueSoon NOTIFY casesChanged)
  Q_PROPERTY(int overdue READ overdue NOTIFY casesChanged)
  /// "共 1234 件，第 101–200 件".
  Q_PROPERTY(QString summary READ summary NOTIFY casesChanged)
  /// The page shown (1-based) and how many there are for the filters set.
  Q_PROPERTY(int page READ page NOTIFY casesChanged)
  Q_PROPERTY(int pages READ pages NOTIFY casesChanged)
  Q_PROPERTY(bool canPreviousPage READ canPreviousPage NOTIFY casesChanged)
  Q_PROPERTY(bool canNextPage READ canNextPage NOTIFY casesChanged)
  /// The share decided on time over the loaded statistics period, all cases: "92.3%" or "—".
  Q_PROPERTY(QString onTimeRate READ onTimeRate NOTIFY onTimeChanged)
  Q_PROPERTY(QObject* cases READ cases CONSTANT)
  Q_PROPERTY(QObject* onTime READ onTime CONSTANT)

 public:
  /// Rows asked for at a time (the dispatcher allows up to 500).
  static constexpr int kPage = 100;

  CaseLedger(Send send, std::map<std::string, std::string> clerkNames, Clock clock, QObject* parent = nullptr);

  /// The mirrored hall: the item names, and a change of any case's state asks again.
  void setHall(const core::Hall* hall, bool online);
  /// The interface's language: a refusal's text, and the filters' words made again.
  void setLanguage(bool english) {
    english_ = english;
    emit choicesChanged();
  }
  /// The statistics' `figures` (its `cases` holds the on-time counts).
  void setFigures(const nlohmann::json& figures);

  QVariantList stateChoices() const;
  QVariantList itemChoices() const;
  QVariantList clerkChoices() const;
  QString state() const { return state_; }
  void setState(const QString& v);
  QString item() const { return item_; }
  void setItem(const QString& v);
  QString clerk() const { return clerk_; }
  void setClerk(const QString& v);
  QString dueBefore() const { return dueBefore_; }
  void setDueBefore(const QString& v);
  int total() const { return total_; }
  int page() const { return static_cast<int>(pageStarts_.size()); }
  int pages() const { return total_ == 0 ? 1 : (total_ + kPage - 1) / kPage; }
  bool canPreviousPage() const { return pageStarts_.size() > 1; }
  bool canNextPage() const { return nextAfter_.has_value(); }
  int dueSoon() const { return dueSoon_; }
  int overdue() const { return overdue_; }
  QString summary() const;
  QString onTimeRate() const { return onTimeRate_; }
  RowListModel* cases() { return &cases_; }
  RowListModel* onTime() { return &onTime_; }

  /// Asks the dispatcher for the page shown, with the filters set now.
  Q_INVOKABLE void reload();
  /// The next page (the cases after the last one shown), the one before, the first.
  Q_INVOKABLE void nextPage();
  Q_INVOKABLE void previousPage();
  Q_INVOKABLE void firstPage();

 signals:
  void choicesChanged();
  void filterChanged();
  void casesChanged();
  void onTimeChanged();
  /// The dispatcher refused the query (its reason in the interface's language).
  void refused(const QString& reason);

 private:
  QString clerkName(const std::string& id) const;
  QString itemName(const std::string& code) const;
  /// A filter changed: back to the first page, asked again.
  void filtered();
  /// The open cases of the mirror that the filters match, due soon and overdue.
  bool matches(const core::Case& c) const;

  Send send_;
  std::map<std::string, std::string> clerkNames_;
  Clock clock_;
  const core::Hall* hall_ = nullptr;
  bool online_ = false;
  bool english_ = false;
  QString state_, item_, clerk_, dueBefore_;
  /// Every case's id and state in the mirror when last asked: a change asks again.
  std::map<core::CaseId, core::CaseState> asOf_;
  bool asked_ = false;
  int total_ = 0;
  /// The `after` of each page walked to, the shown one last; {0} on the first page.
  std::vector<core::CaseId> pageStarts_{0};
  std::optional<core::CaseId> nextAfter_;
  /// Answers to an older query (a page or filter left before it came) are dropped.
  bool asking_ = false;    ///< a list query is out: reload() only marks askAgain_
  bool askAgain_ = false;
  int dueSoon_ = 0;
  int overdue_ = 0;
  QString onTimeRate_ = QStringLiteral("—");
  RowListModel cases_{{"number", "itemName", "applicant", "state", "stateText", "channel", "clerk", "window",
                       "acceptedAt", "dueDate", "dueSoon", "overdue", "alarm"}};
  RowListModel onTime_{{"group", "name", "decided", "onTime", "rate"}};
};

}  // namespace jiujin::console
