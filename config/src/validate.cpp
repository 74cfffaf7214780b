// The cross-checks: each entry read fine on its own; here entries must agree with
// each other (no duplicates, no dangling references) and with the catalog.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "csv.hpp"
#include "jiujin/core/names.hpp"
#include "reading.hpp"

namespace jiujin::config {
namespace {

// Reports the second and later uses of a name, pointing back to the first.
template <typename Key>
class FirstSeen {
 public:
  /// The line of the first entry with `key`, or nothing if this is the first.
  std::optional<int> add(const Key& key, Position at) {
    const auto [it, fresh] = lines_.emplace(key, at.line);
    if (!fresh) return it->second;
    order_.push_back(key);
    return std::nullopt;
  }
  /// An entry whose name could not be read: references to this kind of thing are then
  /// not checked, since a reference to the unreadable one would be reported wrongly.
  void addUnreadable() { complete_ = false; }
  /// Whether `key` names an entry, or might (some entries were unreadable).
  bool mayContain(const Key& key) const { return !complete_ || lines_.contains(key); }
  bool contains(const Key& key) const { return lines_.contains(key); }
  /// In the order they were written, as a manager reads them in the file.
  const std::vector<Key>& keys() const { return order_; }

 private:
  std::map<Key, int> lines_;
  std::vector<Key> order_;
  bool complete_ = true;
};

std::string listOf(const std::vector<std::string>& names) {
  return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
}

std::string listOf(const std::vector<int>& numbers) {
  return numbers.empty() ? std::string("none") : fmt::format("{}", fmt::join(numbers, ", "));
}

void checkQueues(const HallConfig& c, const Sources& s, Report& r, FirstSeen<std::string>& ids) {
  const auto& queues = c.definition.queues;
  for (std::size_t i = 0; i < queues.size(); ++i) {
    if (queues[i].id.empty()) {
      ids.addUnreadable();
      continue;
    }
    if (auto first = ids.add(queues[i].id, s.queues[i].id)) {
      r.error(s.queues[i].id, fmt::format("queue id \"{}\" is defined twice (first on line {})",
                                          queues[i].id, *first));
    }
  }
  for (std::size_t j = 0; j < queues.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const auto& a = queues[i].prefix;
      const auto& b = queues[j].prefix;
      if (a.empty() || b.empty()) continue;
      if (a == b) {
        r.error(s.queues[j].prefix,
                fmt::format("queue \"{}\" has prefix \"{}\", already used by queue \"{}\" "
                            "(line {})",
                            queues[j].id, b, queues[i].id, s.queues[i].prefix.line));
      } else if (a.starts_with(b) || b.starts_with(a)) {
        r.error(s.queues[j].prefix,
                fmt::format("queue \"{}\" has prefix \"{}\", which overlaps prefix \"{}\" of "
                            "queue \"{}\" (line {}); no prefix may begin another",
                            queues[j].id, b, a, queues[i].id, s.queues[i].prefix.line));
      }
    }
  }
}

void checkWindows(const HallConfig& c, const Sources& s, Report& r,
                  const FirstSeen<std::string>& queueIds, FirstSeen<int>& numbers) {
  const auto& windows = c.definition.windows;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    const auto& w = windows[i];
    if (w.number == 0) {
      numbers.addUnreadable();
    } else if (auto first = numbers.add(w.number, s.windows[i].number)) {
      r.error(s.windows[i].number,
              fmt::format("window number {} is used twice (first on line {})", w.number, *first));
    }
    std::vector<std::string> seen;
    for (std::size_t e = 0; e < w.profile.entries.size(); ++e) {
      const auto& queue = w.profile.entries[e].queue;
      const auto at = s.windows[i].profileQueues[e];
      if (queue.empty()) continue;
      if (!queueIds.mayContain(queue)) {
        r.error(at, fmt::format("window {} profile names queue \"{}\", which is not defined "
                                "(defined queues: {})",
                                w.number, queue, listOf(queueIds.keys())));
      } else if (std::find(seen.begin(), seen.end(), queue) != seen.end()) {
        r.error(at, fmt::format("window {} profile names queue \"{}\" twice", w.number, queue));
      }
      seen.push_back(queue);
    }
  }
}

void checkClerks(const HallConfig& c, const Sources& s, Report& r, const FirstSeen<int>& windows) {
  FirstSeen<std::string> ids;
  for (std::size_t i = 0; i < c.clerks.size(); ++i) {
    const auto& clerk = c.clerks[i];
    if (!clerk.id.empty()) {
      if (auto first = ids.add(clerk.id, s.clerks[i].id)) {
        r.error(s.clerks[i].id,
                fmt::format("clerk id \"{}\" is used twice (first on line {})", clerk.id, *first));
      }
    }
    for (std::size_t k = 0; k < clerk.allowedWindows.size(); ++k) {
      const int number = clerk.allowedWindows[k];
      if (!windows.mayContain(number)) {
        r.error(s.clerks[i].windows[k],
                fmt::format("clerk \"{}\" is allowed at window {}, which is not defined "
                            "(defined windows: {})",
                            clerk.id, number, listOf(windows.keys())));
      }
    }
  }
}

/// A keypad's transfer_to must name a window, a queue or a kind of window the hall has.
void checkTransferTarget(const HallConfig& c, const DeviceConfig& d, Position at, Report& r,
                         const FirstSeen<int>& windows, const FirstSeen<std::string>& queueIds) {
  if (const auto* window = std::get_if<core::WindowNumber>(&d.transferTo)) {
    if (!windows.mayContain(*window))
      r.error(at, fmt::format("the transfer key of device \"{}\" sends tickets to window {}, which is not "
                              "defined (defined windows: {})",
                              d.id, *window, listOf(windows.keys())));
  } else if (const auto* queue = std::get_if<core::QueueId>(&d.transferTo)) {
    if (!queueIds.mayContain(*queue))
      r.error(at, fmt::format("the transfer key of device \"{}\" sends tickets to queue \"{}\", which is not "
                              "defined (defined queues: {})",
                              d.id, *queue, listOf(queueIds.keys())));
  } else if (const auto* kind = std::get_if<core::WindowKind>(&d.transferTo)) {
    const auto& all = c.definition.windows;
    if (std::none_of(all.begin(), all.end(), [&](const core::WindowDef& w) { return w.kind == *kind; }))
      r.error(at, fmt::format("the transfer key of device \"{}\" sends tickets to the {} windows, but no "
                              "window has kind = \"{}\"",
                              d.id, core::toString(*kind), core::toString(*kind)));
  }
}

void checkDevices(const HallConfig& c, const Sources& s, Report& r, const FirstSeen<int>& windows,
                  const FirstSeen<std::string>& queueIds, FirstSeen<std::string>& busIds) {
  for (std::size_t i = 0; i < c.buses.size(); ++i) {
    if (c.buses[i].id.empty()) {
      busIds.addUnreadable();
      continue;
    }
    if (auto first = busIds.add(c.buses[i].id, s.buses[i].id)) {
      r.error(s.buses[i].id,
              fmt::format("bus id \"{}\" is used twice (first on line {})", c.buses[i].id, *first));
    }
  }
  FirstSeen<std::string> ids;
  std::map<std::pair<std::string, int>, std::size_t> addresses;
  for (std::size_t i = 0; i < c.devices.size(); ++i) {
    const auto& d = c.devices[i];
    const auto& at = s.devices[i];
    if (!d.id.empty()) {
      if (auto first = ids.add(d.id, at.id)) {
        r.error(at.id,
                fmt::format("device id \"{}\" is used twice (first on line {})", d.id, *first));
      }
    }
    if (!d.bus.empty() && !busIds.mayContain(d.bus)) {
      r.error(at.bus, fmt::format("device \"{}\" is on bus \"{}\", which is not defined "
                                  "(defined buses: {})",
                                  d.id, d.bus, listOf(busIds.keys())));
    }
    if (d.window && !windows.mayContain(*d.window)) {
      r.error(at.window, fmt::format("device \"{}\" belongs to window {}, which is not defined "
                                     "(defined windows: {})",
                                     d.id, *d.window, listOf(windows.keys())));
    }
    // Only a target the hall file writes: the default (issuing) is the keypad's behaviour in a
    // hall without an issuing window too, refused by the dispatcher when pressed.
    if (at.transferTo) checkTransferTarget(c, d, *at.transferTo, r, windows, queueIds);
    if (d.address == 0 || d.bus.empty()) continue;
    const auto [it, fresh] = addresses.emplace(std::pair(d.bus, d.address), i);
    if (!fresh) {
      const auto& other = c.devices[it->second];
      r.error(at.address,
              fmt::format("device \"{}\" has address {} on bus \"{}\", already used "
                          "by device \"{}\" (line {})",
                          d.id, d.address, d.bus, other.id, s.devices[it->second].address.line));
    }
  }
}

void checkClients(const HallConfig& c, const Sources& s, Report& r, const FirstSeen<int>& windows,
                  const FirstSeen<std::string>& busIds) {
  FirstSeen<std::string> names;
  FirstSeen<std::string> keys;
  for (std::size_t i = 0; i < c.clients.size(); ++i) {
    const auto& client = c.clients[i];
    const auto& at = s.clients[i];
    if (!client.name.empty()) {
      if (auto first = names.add(client.name, at.name)) {
        r.error(at.name, fmt::format("client name \"{}\" is used twice (first on line {})",
                                     client.name, *first));
      }
    }
    if (!client.publicKey.empty()) {
      if (auto first = keys.add(client.publicKey, at.publicKey)) {
        r.error(at.publicKey, fmt::format("client \"{}\" has the same public_key as the client "
                                          "on line {}; each program needs its own key pair",
                                          client.name, *first));
      }
    }
    if (client.window && !windows.mayContain(*client.window)) {
      r.error(at.window, fmt::format("client \"{}\" sits at window {}, which is not defined "
                                     "(defined windows: {})",
                                     client.name, *client.window, listOf(windows.keys())));
    }
    for (std::size_t b = 0; b < client.buses.size(); ++b) {
      if (!busIds.mayContain(client.buses[b])) {
        r.error(at.buses[b], fmt::format("client \"{}\" drives bus \"{}\", which is not defined "
                                         "(defined buses: {})",
                                         client.name, client.buses[b], listOf(busIds.keys())));
      }
    }
  }
}

void checkItems(const HallConfig& c, const CatalogResult& catalog, Report& r,
                const FirstSeen<std::string>& queueIds) {
  std::vector<std::string> served;
  for (const auto& w : c.definition.windows) {
    for (const auto& e : w.profile.entries) served.push_back(e.queue);
  }
  for (std::size_t i = 0; i < catalog.items.size(); ++i) {
    const auto& item = catalog.items[i];
    const auto at = catalog.queueCells[i];
    const auto where = fmt::format("所属队列 (column {}): item {} ({})",
                                   csv::columnLetters(at.column), item.code, item.name);
    if (!queueIds.mayContain(item.queue)) {
      r.error({at.line, at.column},
              fmt::format("{} goes to queue \"{}\", which is not defined in the hall file "
                          "(defined queues: {})",
                          where, item.queue, listOf(queueIds.keys())));
    } else if (queueIds.contains(item.queue) &&
               std::find(served.begin(), served.end(), item.queue) == served.end()) {
      r.error({at.line, at.column},
              fmt::format("{} goes to queue \"{}\", which no window serves; add it to the "
                          "profile of a window",
                          where, item.queue));
    }
  }
}

/// 预约 sessions take the items of a defined queue, or items of the catalog.
void checkBookings(const HallConfig& c, const Sources& s, const CatalogResult& catalog, Report& r,
                   const FirstSeen<std::string>& queueIds) {
  for (std::size_t i = 0; i < c.booking.sessions.size() && i < s.bookingSessions.size(); ++i) {
    const auto& session = c.booking.sessions[i];
    const auto& source = s.bookingSessions[i];
    if (!session.queue.empty() && !queueIds.mayContain(session.queue)) {
      r.error(source.queue, fmt::format("[[booking.session]] names queue \"{}\", which is not defined (defined "
                                        "queues: {})",
                                        session.queue, listOf(queueIds.keys())));
    }
    for (std::size_t k = 0; k < session.items.size() && k < source.items.size(); ++k) {
      const auto& code = session.items[k];
      const bool known = std::any_of(catalog.items.begin(), catalog.items.end(),
                                     [&](const core::ServiceItem& item) { return item.code == code; });
      if (!known && !catalog.items.empty())
        r.error(source.items[k], fmt::format("[[booking.session]] names item \"{}\", which is not in the catalog",
                                             code));
    }
  }
}

}  // namespace

void crossCheck(const HallConfig& config, const Sources& sources, const CatalogResult& catalog,
                Report& hallFile, Report& catalogFile) {
  FirstSeen<std::string> queueIds;
  FirstSeen<int> windowNumbers;
  FirstSeen<std::string> busIds;
  checkQueues(config, sources, hallFile, queueIds);
  checkWindows(config, sources, hallFile, queueIds, windowNumbers);
  checkClerks(config, sources, hallFile, windowNumbers);
  checkDevices(config, sources, hallFile, windowNumbers, queueIds, busIds);
  checkClients(config, sources, hallFile, windowNumbers, busIds);
  checkItems(config, catalog, catalogFile, queueIds);
  checkBookings(config, sources, catalog, hallFile, queueIds);
}

}  // namespace jiujin::config
