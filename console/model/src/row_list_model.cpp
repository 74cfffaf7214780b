#include "jiujin/console/row_list_model.hpp"

namespace jiujin::console {

RowListModel::RowListModel(QList<QByteArray> roles, QObject* parent)
    : QAbstractListModel(parent), roles_(std::move(roles)) {}

int RowListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant RowListModel::data(const QModelIndex& index, int role) const {
  const int column = role - Qt::UserRole;
  if (!index.isValid() || index.row() >= rows_.size() || column < 0 || column >= roles_.size()) return {};
  return rows_[index.row()].value(QString::fromLatin1(roles_[column]));
}

bool RowListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  const int column = role - Qt::UserRole;
  if (!index.isValid() || index.row() >= rows_.size() || column < 0 || column >= roles_.size()) return false;
  rows_[index.row()].insert(QString::fromLatin1(roles_[column]), value);
  emit dataChanged(index, index, {role});
  return true;
}

QHash<int, QByteArray> RowListModel::roleNames() const {
  QHash<int, QByteArray> names;
  for (int i = 0; i < roles_.size(); ++i) names.insert(Qt::UserRole + i, roles_[i]);
  return names;
}

void RowListModel::setRows(QList<QVariantMap> rows) {
  const auto before = rows_.size();
  if (rows.size() == before) {
    rows_ = std::move(rows);
    if (!rows_.isEmpty()) emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1));
    return;
  }
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
  emit countChanged();
}

QVariant RowListModel::field(int row, const QString& name) const {
  if (row < 0 || row >= rows_.size()) return {};
  return rows_[row].value(name);
}

}  // namespace jiujin::console
