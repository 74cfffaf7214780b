#pragma once
// The windows one display shows. A large hall hangs several screens, each over a part of
// the hall; `--windows 1-6,9` makes a display show (and announce) those windows only.
#include <set>
#include <string>
#include <string_view>

#include "jiujin/core/error.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::display {

class Zone {
 public:
  /// The whole hall.
  Zone() = default;

  /// Parses a list of window numbers and ranges: "1-6,9", "3", "" or "all" (the whole hall).
  static core::Result<Zone> parse(std::string_view spec);

  bool isWholeHall() const { return windows_.empty(); }
  bool includes(core::WindowNumber window) const { return isWholeHall() || windows_.contains(window); }
  /// The canonical spelling: "1-6,9", or "" for the whole hall.
  std::string describe() const;

  bool operator==(const Zone&) const = default;

 private:
  std::set<core::WindowNumber> windows_;
};

}  // namespace jiujin::display
