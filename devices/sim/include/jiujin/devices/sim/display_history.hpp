#pragma once
// Everything the simulated devices were made to show, in order: one entry per content change
// a device received (a display's committed text, the strip's lines, a keypad's number, a
// pad's prompt), decoded as the device shows it. A test reads it with a cursor, so a call
// shown for a moment is seen however late the test looks. Bounded per bus: the oldest entries
// of a bus go first. Thread-safe.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace jiujin::devices::sim {

struct ShownEntry {
  std::uint64_t entry = 0;  ///< 1, 2, … over the whole simulator: the cursor
  std::chrono::system_clock::time_point time;
  std::string bus;
  std::string device;
  std::string shown;  ///< key=value pairs as `show` prints them (texts quoted)
};

class DisplayHistory {
 public:
  explicit DisplayHistory(std::size_t boundPerBus = 100'000) : boundPerBus_(boundPerBus) {}

  void record(const std::string& bus, const std::string& device, std::string shown,
              std::chrono::system_clock::time_point time = std::chrono::system_clock::now());

  struct Page {
    std::vector<ShownEntry> entries;  ///< after the cursor, oldest first
    std::uint64_t next = 0;           ///< the cursor for the next page
    bool more = false;                ///< entries after this page are held already
    bool gap = false;                 ///< entries after the cursor were dropped by the bound
  };
  /// Up to `limit` entries numbered above `since`.
  Page since(std::uint64_t since, std::size_t limit) const;
  /// The newest entry's number (0 before any).
  std::uint64_t last() const;

 private:
  struct BusLog {
    std::deque<ShownEntry> entries;
    std::uint64_t lastDropped = 0;  ///< number of the newest entry dropped by the bound
  };

  std::size_t boundPerBus_;
  mutable std::mutex mutex_;
  std::map<std::string, BusLog> buses_;
  std::uint64_t last_ = 0;
};

}  // namespace jiujin::devices::sim
