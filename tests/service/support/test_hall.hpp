#pragma once
// A small hall written to a temporary folder for tests: two queues (A 综合受理, B 社保),
// three windows, two clerks (PIN 1234; c02 a 代办员), three devices on one bus (w1-pad, kp-1 at window 1,
// main-strip), and optionally CURVE with generated client keys.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace jiujin::testing {

/// A temporary folder removed with its contents at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct TestClient {
  std::string name;
  std::string role;
  int window = 0;  ///< 0: none
  std::string publicKey;
  std::string secretKey;
};

struct TestHall {
  std::filesystem::path hallFile;
  std::filesystem::path database;
  std::string serverPublicKey;  ///< when curve
  std::map<std::string, TestClient> clients;  ///< by name, when curve
};

struct TestHallOptions {
  bool curve = false;
  std::vector<TestClient> clients;  ///< keys are generated
  int waitingTargetMinutes = 30;
  /// The [hours] table's body; the default is open around the clock, every day.
  std::string hours = "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\nopen = \"00:00-24:00\"\n";
  /// Extra arguments for jiujin-dispatcher (RunningHall), e.g. {"--hours", "ignore"}.
  std::vector<std::string> dispatcherArgs;
  /// Appended to hall.toml as written, e.g. a [booking] table.
  std::string extraToml;
};

/// Writes hall.toml, catalog.csv (and key files) into `dir`.
TestHall writeTestHall(const std::filesystem::path& dir, const TestHallOptions& options = {});

}  // namespace jiujin::testing
