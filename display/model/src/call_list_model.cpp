#include "jiujin/display/call_list_model.hpp"

#include "replace_rows.hpp"

namespace jiujin::display {

CallListModel::CallListModel(QObject* parent) : QAbstractListModel(parent) {}

int CallListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant CallListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || index.row() >= count()) return {};
  const CallRow& r = rows_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case TicketNumberRole: return r.ticketNumber;
    case WindowNumberRole: return r.windowNumber;
    case WindowNameRole: return r.windowName;
    case QueueNameRole: return r.queueName;
    case ShownLargeRole: return &r == shownLarge();
    default: return {};
  }
}

QHash<int, QByteArray> CallListModel::roleNames() const {
  return {
      {TicketNumberRole, "ticketNumber"},
      {WindowNumberRole, "windowNumber"},
      {WindowNameRole, "windowName"},
      {QueueNameRole, "queueName"},
      {ShownLargeRole, "shownLarge"},
  };
}

void CallListModel::setRows(std::vector<CallRow> rows) {
  detail::replaceRows(*this, rows_, std::move(rows), [this](auto&& replace) {
    beginResetModel();
    replace();
    endResetModel();
  });
}

const CallRow* CallListModel::shownLarge() const {
  for (const auto& row : rows_)
    if (row.current) return &row;
  return nullptr;
}

}  // namespace jiujin::display
