#pragma once
// The latest calls, newest first: "A001 → 3号窗口".
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
  bool operator==(const CallRow&) const = default;
};

class CallListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ count NOTIFY countChanged)
 public:
  enum Role { TicketNumberRole = Qt::UserRole + 1, WindowNumberRole, WindowNameRole, QueueNameRole, NewestRole };

  explicit CallListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int count() const { return static_cast<int>(rows_.size()); }
  const std::vector<CallRow>& rows() const { return rows_; }
  void setRows(std::vector<CallRow> rows);

 signals:
  void countChanged();

 private:
  std::vector<CallRow> rows_;
};

}  // namespace jiujin::display
