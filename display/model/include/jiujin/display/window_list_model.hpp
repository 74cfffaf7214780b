#pragma once
// A row per window of the display's zone: its number, name and what it is doing.
#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace jiujin::display {

struct WindowRow {
  int number = 0;
  QString name;
  QString ticketNumber;  ///< the ticket called or being served, or empty
  QString status;        ///< "calling", "serving", "idle", "paused", "closed" (for styling)
  QString statusText;    ///< what the screen says: 正在办理, 暂停服务, 未开放, …
  bool operator==(const WindowRow&) const = default;
};

class WindowListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ count NOTIFY countChanged)
 public:
  /// HasTicketRole and CaptionRole follow from the row: whether a number is up, and what the
  /// tile says on its right (the number, else the status text).
  enum Role { NumberRole = Qt::UserRole + 1, NameRole, TicketNumberRole, StatusRole, StatusTextRole, HasTicketRole, CaptionRole };

  explicit WindowListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int count() const { return static_cast<int>(rows_.size()); }
  const std::vector<WindowRow>& rows() const { return rows_; }
  /// Replaces the rows, telling views only about the rows that changed.
  void setRows(std::vector<WindowRow> rows);

 signals:
  void countChanged();

 private:
  std::vector<WindowRow> rows_;
};

}  // namespace jiujin::display
