#pragma once
// The township sample hall (config/samples/township.toml) for the gateway's tests, and a
// core::Hall run from it with a clock the test moves.
#include <filesystem>
#include <string>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::testing {

/// The source tree: $JIUJIN_SOURCE_DIR, else the path compiled in.
std::filesystem::path sourceDir();
/// The build tree: $JIUJIN_BINARY_DIR, else the path compiled in.
std::filesystem::path binaryDir();

/// config/samples/township.toml, loaded; fails the test (and throws) if it does not load.
config::HallConfig townshipHall();

/// A core hall of the township with its day open at 09:00 on a Monday.
class SampleHall {
 public:
  SampleHall();
  core::Hall& hall() { return hall_; }
  core::TimePoint now() const { return now_; }
  void advance(std::chrono::milliseconds by) { now_ += by; }
  /// Executes and fails the test if the core refuses; returns the events.
  std::vector<core::Event> run(const core::Command& command);
  /// Logs `clerk` in at `window` and opens it.
  void staff(core::WindowNumber window, const std::string& clerk);
  /// Issues a ticket for the first general item ("A…"); returns its number.
  std::string issueGeneral();

 private:
  core::Hall hall_;
  core::TimePoint now_;
};

}  // namespace jiujin::testing
