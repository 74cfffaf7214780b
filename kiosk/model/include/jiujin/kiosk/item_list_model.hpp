#pragma once
// The home screen's tiles: the hall's service items, grouped by category in the order the
// catalog lists them, narrowed by the search box, each with the people waiting for it.
// Waiting figures come from the mirrored hall and are -1 ("unknown") whenever the mirror
// is not current, so a tile never shows a stale number as if it were live.
#include <QAbstractListModel>
#include <QString>
#include <vector>

#include "jiujin/core/hall.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::kiosk {

class ItemListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
  Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

 public:
  enum Role {
    CodeRole = Qt::UserRole + 1,
    NameRole,
    CategoryRole,
    ImmediateRole,     ///< 即办件
    PromisedDaysRole,  ///< 承诺时限 in working days, 0 for 即办件
    WaitingRole,       ///< people waiting in its queue, -1 when not known now
  };
  Q_ENUM(Role)

  explicit ItemListModel(QObject* parent = nullptr);

  /// The hall's items; their catalog order decides the order of categories and tiles.
  void setItems(const std::vector<core::ServiceItem>& items);
  /// Waiting figures from `hall` at `now`; null `hall` (or a stale one): all unknown.
  void updateWaiting(const core::Hall* hall, core::TimePoint now);

  QString filter() const { return filter_; }
  /// Keeps items whose name, category or code contains `text` (case-insensitive).
  void setFilter(const QString& text);

  /// The categories of the items shown, in order (for the category strip).
  Q_INVOKABLE QStringList categories() const;
  /// The item by code, or null.
  const core::ServiceItem* item(const QString& code) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

 signals:
  void filterChanged();
  void countChanged();

 private:
  struct Tile {
    core::ServiceItem item;
    int waiting = -1;
  };
  void applyFilter();

  std::vector<Tile> all_;           // grouped by category, catalog order within
  std::vector<std::size_t> shown_;  // indexes into all_
  QString filter_;
};

}  // namespace jiujin::kiosk
