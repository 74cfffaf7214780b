#pragma once
// A small valid hall (two windows, three queues, one bus) written to a fresh temporary
// folder; each rule test breaks one thing in it and reads the diagnostics back.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/config/loader.hpp"

namespace jiujin::config::testing {

/// A temporary folder removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(std::string_view name, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

/// A real argon2id hash of the PIN "1234", made once per test run.
const std::string& demoPinHash();

/// hall.toml of the small hall; `{PIN_HASH}` is replaced by demoPinHash().
std::string validHall();
/// catalog.csv of the small hall: items T-001 (general), T-002 (social), T-003 (hukou).
std::string validCatalog();

/// `text` with the one occurrence of `from` replaced by `to`; fails the test if absent.
std::string replaced(std::string text, std::string_view from, std::string_view to);

/// Writes the hall and catalog, loads them, and gives each error as
/// "hall.toml:12:3: error: …" (file names without their folder).
std::vector<std::string> errorsOf(const std::string& hall, const std::string& catalog);
std::vector<std::string> errorsOf(const std::string& hall);

/// Where a sample hall lives in the source tree.
std::filesystem::path samplePath(std::string_view name);

}  // namespace jiujin::config::testing
