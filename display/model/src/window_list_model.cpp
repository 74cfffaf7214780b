#include "jiujin/display/window_list_model.hpp"

#include "replace_rows.hpp"

namespace jiujin::display {

WindowListModel::WindowListModel(QObject* parent) : QAbstractListModel(parent) {}

int WindowListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant WindowListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || index.row() >= count()) return {};
  const WindowRow& r = rows_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case NumberRole: return r.number;
    case NameRole: return r.name;
    case TicketNumberRole: return r.ticketNumber;
    case StatusRole: return r.status;
    case StatusTextRole: return r.statusText;
    case HasTicketRole: return !r.ticketNumber.isEmpty();
    case CaptionRole: return r.ticketNumber.isEmpty() ? r.statusText : r.ticketNumber;
    default: return {};
  }
}

QHash<int, QByteArray> WindowListModel::roleNames() const {
  return {
      {NumberRole, "number"},
      {NameRole, "name"},
      {TicketNumberRole, "ticketNumber"},
      {StatusRole, "status"},
      {StatusTextRole, "statusText"},
      {HasTicketRole, "hasTicket"},
      {CaptionRole, "caption"},
  };
}

void WindowListModel::setRows(std::vector<WindowRow> rows) {
  detail::replaceRows(*this, rows_, std::move(rows), [this](auto&& replace) {
    beginResetModel();
    replace();
    endResetModel();
  });
}

}  // namespace jiujin::display
