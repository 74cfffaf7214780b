#pragma once
// The daily backups' folder as backup, restore and health read it: files named
// hall-YYYYMMDD-HHMMSS.db (local time), so that their names sort by age.
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace jiujin::ctl {

/// Where the packages put the hall's database and its daily backups (docs/installation.md).
inline constexpr const char* kInstalledDatabase = "/var/lib/jiujin/hall.db";
inline constexpr const char* kInstalledBackups = "/var/lib/jiujin/backups";
inline constexpr const char* kInstalledHallFile = "/etc/jiujin/hall.toml";

struct BackupFile {
  std::filesystem::path path;
  std::filesystem::file_time_type written;
};

/// "hall-YYYYMMDD-HHMMSS.db" for the moment `at` (local time).
std::string backupFileName(std::time_t at);

/// The folder's backups, newest first (by name: the time they were taken); none if it is missing.
std::vector<BackupFile> listBackups(const std::filesystem::path& folder);

}  // namespace jiujin::ctl
