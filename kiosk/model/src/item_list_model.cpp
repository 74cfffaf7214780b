#include "jiujin/kiosk/item_list_model.hpp"

#include <algorithm>

namespace jiujin::kiosk {

ItemListModel::ItemListModel(QObject* parent) : QAbstractListModel(parent) {}

void ItemListModel::setItems(const std::vector<core::ServiceItem>& items) {
  // Group by category, categories in the order they first appear, items in catalog order.
  std::vector<std::string> order;
  for (const auto& item : items) {
    if (std::find(order.begin(), order.end(), item.category) == order.end()) order.push_back(item.category);
  }
  beginResetModel();
  all_.clear();
  for (const auto& category : order) {
    for (const auto& item : items) {
      if (item.category == category) all_.push_back({item, -1});
    }
  }
  endResetModel();
  applyFilter();
}

void ItemListModel::updateWaiting(const core::Hall* hall, core::TimePoint now) {
  for (auto& tile : all_) {
    tile.waiting = hall ? hall->estimateForItem(tile.item.code, core::PriorityClass::Normal, now).peopleAhead : -1;
  }
  if (!shown_.empty()) emit dataChanged(index(0), index(static_cast<int>(shown_.size()) - 1), {WaitingRole});
}

void ItemListModel::setFilter(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed == filter_) return;
  filter_ = trimmed;
  applyFilter();
  emit filterChanged();
}

void ItemListModel::applyFilter() {
  const int before = static_cast<int>(shown_.size());
  beginResetModel();
  shown_.clear();
  for (std::size_t i = 0; i < all_.size(); ++i) {
    const auto& item = all_[i].item;
    const bool matches = filter_.isEmpty() ||
                         QString::fromStdString(item.name).contains(filter_, Qt::CaseInsensitive) ||
                         QString::fromStdString(item.category).contains(filter_, Qt::CaseInsensitive) ||
                         QString::fromStdString(item.code).contains(filter_, Qt::CaseInsensitive);
    if (matches) shown_.push_back(i);
  }
  endResetModel();
  if (before != static_cast<int>(shown_.size())) emit countChanged();
}

QStringList ItemListModel::categories() const {
  QStringList list;
  for (const auto i : shown_) {
    const QString category = QString::fromStdString(all_[i].item.category);
    if (!list.contains(category)) list << category;
  }
  return list;
}

const core::ServiceItem* ItemListModel::item(const QString& code) const {
  const std::string wanted = code.toStdString();
  for (const auto& tile : all_) {
    if (tile.item.code == wanted) return &tile.item;
  }
  return nullptr;
}

int ItemListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

QVariant ItemListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || index.row() >= static_cast<int>(shown_.size())) return {};
  const Tile& tile = all_[shown_[static_cast<std::size_t>(index.row())]];
  switch (role) {
    case CodeRole: return QString::fromStdString(tile.item.code);
    case Qt::DisplayRole:
    case NameRole: return QString::fromStdString(tile.item.name);
    case CategoryRole: return QString::fromStdString(tile.item.category);
    case ImmediateRole: return tile.item.kind == core::ItemKind::Immediate;
    case PromisedDaysRole: return tile.item.promisedWorkingDays;
    case WaitingRole: return tile.waiting;
    default: return {};
  }
}

QHash<int, QByteArray> ItemListModel::roleNames() const {
  return {{CodeRole, "code"},         {NameRole, "name"},         {CategoryRole, "category"},
          {ImmediateRole, "immediate"}, {PromisedDaysRole, "promisedDays"}, {WaitingRole, "waiting"}};
}

}  // namespace jiujin::kiosk
