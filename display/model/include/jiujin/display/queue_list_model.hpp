#pragma once
// A row per queue: how many wait and for about how long.
#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace jiujin::display {

struct QueueRow {
  QString prefix;
  QString name;
  int waiting = 0;
  int waitMinutes = 0;  ///< Hall::estimateForQueue, rounded up
  QString waitText;     ///< 约12分钟 / 无需等待
  QString figures;      ///< the line under the queue's name: 等候 3 人 · 约12分钟, or 无人等候
  bool operator==(const QueueRow&) const = default;
};

class QueueListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ count NOTIFY countChanged)
 public:
  enum Role { PrefixRole = Qt::UserRole + 1, NameRole, WaitingRole, WaitMinutesRole, WaitTextRole, FiguresRole };

  explicit QueueListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int count() const { return static_cast<int>(rows_.size()); }
  const std::vector<QueueRow>& rows() const { return rows_; }
  void setRows(std::vector<QueueRow> rows);

 signals:
  void countChanged();

 private:
  std::vector<QueueRow> rows_;
};

}  // namespace jiujin::display
