#include "jiujin/devices/sim/display_history.hpp"

#include <algorithm>

namespace jiujin::devices::sim {

void DisplayHistory::record(const std::string& bus, const std::string& device, std::string shown,
                            std::chrono::system_clock::time_point time) {
  std::lock_guard lock(mutex_);
  BusLog& log = buses_[bus];
  log.entries.push_back(ShownEntry{++last_, time, bus, device, std::move(shown)});
  while (log.entries.size() > boundPerBus_) {
    log.lastDropped = log.entries.front().entry;
    log.entries.pop_front();
  }
}

DisplayHistory::Page DisplayHistory::since(std::uint64_t since, std::size_t limit) const {
  std::lock_guard lock(mutex_);
  Page page;
  page.next = since;
  // Each bus's log is in entry order; merge them from the first entry after the cursor.
  using Iterator = std::deque<ShownEntry>::const_iterator;
  std::vector<std::pair<Iterator, Iterator>> cursors;
  for (const auto& [bus, log] : buses_) {
    if (log.lastDropped > since) page.gap = true;
    const auto first =
        std::upper_bound(log.entries.begin(), log.entries.end(), since,
                         [](std::uint64_t n, const ShownEntry& e) { return n < e.entry; });
    if (first != log.entries.end()) cursors.emplace_back(first, log.entries.end());
  }
  for (;;) {
    auto oldest = cursors.end();
    for (auto c = cursors.begin(); c != cursors.end(); ++c) {
      if (c->first == c->second) continue;
      if (oldest == cursors.end() || c->first->entry < oldest->first->entry) oldest = c;
    }
    if (oldest == cursors.end()) break;
    if (page.entries.size() >= limit) {
      page.more = true;
      break;
    }
    page.entries.push_back(*oldest->first);
    page.next = oldest->first->entry;
    ++oldest->first;
  }
  return page;
}

std::uint64_t DisplayHistory::last() const {
  std::lock_guard lock(mutex_);
  return last_;
}

}  // namespace jiujin::devices::sim
