#include "jiujin/display/queue_list_model.hpp"

#include "replace_rows.hpp"

namespace jiujin::display {

QueueListModel::QueueListModel(QObject* parent) : QAbstractListModel(parent) {}

int QueueListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant QueueListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || index.row() >= count()) return {};
  const QueueRow& r = rows_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case PrefixRole: return r.prefix;
    case NameRole: return r.name;
    case WaitingRole: return r.waiting;
    case WaitMinutesRole: return r.waitMinutes;
    case WaitTextRole: return r.waitText;
    case FiguresRole: return r.figures;
    default: return {};
  }
}

QHash<int, QByteArray> QueueListModel::roleNames() const {
  return {
      {PrefixRole, "prefix"},
      {NameRole, "name"},
      {WaitingRole, "waiting"},
      {WaitMinutesRole, "waitMinutes"},
      {WaitTextRole, "waitText"},
      {FiguresRole, "figures"},
  };
}

void QueueListModel::setRows(std::vector<QueueRow> rows) {
  detail::replaceRows(*this, rows_, std::move(rows), [this](auto&& replace) {
    beginResetModel();
    replace();
    endResetModel();
  });
}

}  // namespace jiujin::display
