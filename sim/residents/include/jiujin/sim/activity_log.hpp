#pragma once
// What the simulator did that others must be able to check: every ticket the kiosk got an
// acknowledgement for, every key pressed and every rating given on a pad. One JSON object
// per line, flushed at once (the end-to-end tests read it while the day runs, and after a
// crash it still holds everything acknowledged).
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace jiujin::sim {

class ActivityLog {
 public:
  ActivityLog() = default;  ///< records nothing
  explicit ActivityLog(const std::string& path);
  bool open() const { return out_.is_open(); }
  /// Writes {"what": what, …fields}.
  void record(const std::string& what, nlohmann::json fields);

 private:
  std::ofstream out_;
};

}  // namespace jiujin::sim
