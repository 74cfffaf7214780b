#pragma once
// Free space on the filesystem of the hall's database, watched from the command loop so that
// the manager is told (an alarm, `disk_space_low`) while commits still succeed — a full disk
// fails a whole batch (docs/storage.md) — and the alarm is cleared when space returns.
// The probe is injected: statvfs of the database's folder in the daemon, any number in tests.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace jiujin::service {

/// Bytes an unprivileged writer may still use there, or nothing when it cannot be read.
using FreeSpaceProbe = std::function<std::optional<std::uint64_t>()>;

/// statvfs(2) of `folder`: f_bavail × f_frsize (what the jiujin user may write).
FreeSpaceProbe freeSpaceOf(std::filesystem::path folder);

/// The alarm threshold in MB (the dispatcher's --disk-alarm-mb): below it the alarm is raised.
inline constexpr std::uint64_t kMinDiskAlarmMb = 16;
inline constexpr std::uint64_t kMaxDiskAlarmMb = 1024 * 1024;  // 1 TB
inline constexpr std::uint64_t kDefaultDiskAlarmMb = 1024;

class DiskWatch {
 public:
  enum class Change { None, Low, Returned, Unreadable };
  struct Step {
    Change change = Change::None;
    std::uint64_t freeBytes = 0;  ///< when read
  };

  /// No probe: never anything to say.
  DiskWatch(FreeSpaceProbe probe, std::uint64_t alarmBelowBytes);

  /// Low once when free space falls below the threshold; Returned once when it is back above
  /// the threshold plus a margin (a tenth of it, at least 16 MB), so a disk hovering at the
  /// line does not raise an alarm a second; Unreadable once while the probe fails.
  Step check();

  std::uint64_t alarmBelowBytes() const { return alarmBelow_; }
  /// The level at which a low disk counts as returned.
  std::uint64_t clearAboveBytes() const { return clearAbove_; }
  bool low() const { return low_; }

 private:
  FreeSpaceProbe probe_;
  std::uint64_t alarmBelow_;
  std::uint64_t clearAbove_;
  bool low_ = false;
  bool unreadable_ = false;
};

}  // namespace jiujin::service
