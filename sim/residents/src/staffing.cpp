#include "jiujin/sim/staffing.hpp"

#include <algorithm>
#include <set>

namespace jiujin::sim {

namespace {

bool mayStaff(const config::ClerkConfig& clerk, core::WindowNumber window) {
  return clerk.allowedWindows.empty() ||
         std::find(clerk.allowedWindows.begin(), clerk.allowedWindows.end(), window) != clerk.allowedWindows.end();
}

}  // namespace

std::map<core::WindowNumber, core::ClerkId> staffWindows(const std::vector<core::WindowDef>& windows,
                                                         const std::vector<config::ClerkConfig>& clerks) {
  const auto candidates = [&](core::WindowNumber w) {
    return std::count_if(clerks.begin(), clerks.end(), [&](const auto& c) { return mayStaff(c, w); });
  };
  std::vector<core::WindowNumber> order;
  for (const auto& w : windows) order.push_back(w.number);
  // Specialist windows (one or two possible clerks) are staffed before 综合受理 windows that
  // anyone may take; equal counts keep window order.
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return candidates(a) < candidates(b); });
  std::map<core::WindowNumber, core::ClerkId> staffed;
  std::set<core::ClerkId> busy;
  for (const auto w : order) {
    // Clerks with the fewest possible windows go first, keeping flexible ones for later.
    const config::ClerkConfig* best = nullptr;
    for (const auto& c : clerks) {
      if (busy.contains(c.id) || !mayStaff(c, w)) continue;
      const auto reach = [](const config::ClerkConfig& k) {
        return k.allowedWindows.empty() ? std::size_t{1000} : k.allowedWindows.size();
      };
      if (!best || reach(c) < reach(*best)) best = &c;
    }
    if (!best) continue;
    staffed[w] = best->id;
    busy.insert(best->id);
  }
  return staffed;
}

}  // namespace jiujin::sim
