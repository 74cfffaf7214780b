#pragma once
// The latest calls, newest first: "A001 → 3号窗口". The newest call whose ticket is still
// current is the one shown large (`shownLarge`); the others are the list under it.
#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace jiujin::display {

struct CallRow {
  QString ticketNumber;
  int windowNumber = 0;
  QString windowName;
  QString queueName;
  quint64 ticketId = 0;
  /// Its ticket is still called or being served at that window (not completed, no-show,
  /// transferred or cancelled since).
  bool current = false;
  bool operator==(const CallRow&) const = default;
};

class CallListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ count NOTIFY countChanged)
 public:
  enum Role { TicketNumberRole = Qt::UserRole + 1, WindowNumberRole, WindowNameRole, QueueNameRole, ShownLargeRole };

  explicit CallListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int count() const { return static_cast<int>(rows_.size()); }
  const std::vector<CallRow>& rows() const { return rows_; }
  void setRows(std::vector<CallRow> rows);
  /// The row shown large: the newest whose ticket is current; nothing when none is.
  const CallRow* shownLarge() const;

 signals:
  void countChanged();

 private:
  std::vector<CallRow> rows_;
};

}  // namespace jiujin::display
