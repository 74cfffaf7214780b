#pragma once
// How the row models take new rows: same count → only changed rows are signalled (views
// keep their state, nothing flickers); a different count → a reset.
#include <QAbstractListModel>
#include <vector>

namespace jiujin::display::detail {

template <typename Model, typename Row, typename Reset>
void replaceRows(Model& model, std::vector<Row>& current, std::vector<Row>&& next, Reset&& reset) {
  if (current.size() != next.size()) {
    reset([&] { current = std::move(next); });
    emit model.countChanged();
    return;
  }
  for (std::size_t i = 0; i < next.size(); ++i) {
    if (current[i] == next[i]) continue;
    current[i] = std::move(next[i]);
    const auto at = model.index(static_cast<int>(i));
    emit model.dataChanged(at, at);
  }
}

}  // namespace jiujin::display::detail
