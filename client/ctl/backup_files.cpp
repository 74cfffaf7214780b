#include "backup_files.hpp"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

namespace jiujin::ctl {

std::string backupFileName(std::time_t at) {
  std::tm local{};
  localtime_r(&at, &local);
  return fmt::format("hall-{:04}{:02}{:02}-{:02}{:02}{:02}.db", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                     local.tm_hour, local.tm_min, local.tm_sec);
}

std::vector<BackupFile> listBackups(const std::filesystem::path& folder) {
  static const std::regex kName(R"(hall-\d{8}-\d{6}\.db)");
  std::vector<BackupFile> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file() || !std::regex_match(entry.path().filename().string(), kName)) continue;
    found.push_back({entry.path(), entry.last_write_time(ec)});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.path.filename() > b.path.filename(); });
  return found;
}

}  // namespace jiujin::ctl
