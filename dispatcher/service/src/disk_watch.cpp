#include "jiujin/service/disk_watch.hpp"

#include <sys/statvfs.h>

#include <algorithm>

namespace jiujin::service {

FreeSpaceProbe freeSpaceOf(std::filesystem::path folder) {
  return [folder = std::move(folder)]() -> std::optional<std::uint64_t> {
    struct statvfs info {};
    if (::statvfs(folder.c_str(), &info) != 0) return std::nullopt;
    return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
  };
}

DiskWatch::DiskWatch(FreeSpaceProbe probe, std::uint64_t alarmBelowBytes)
    : probe_(std::move(probe)),
      alarmBelow_(alarmBelowBytes),
      clearAbove_(alarmBelowBytes + std::max<std::uint64_t>(alarmBelowBytes / 10, 16ull << 20)) {}

DiskWatch::Step DiskWatch::check() {
  if (!probe_) return {};
  const auto free = probe_();
  if (!free) {
    if (unreadable_) return {};
    unreadable_ = true;
    return {Change::Unreadable, 0};
  }
  unreadable_ = false;
  if (!low_ && *free < alarmBelow_) {
    low_ = true;
    return {Change::Low, *free};
  }
  if (low_ && *free >= clearAbove_) {
    low_ = false;
    return {Change::Returned, *free};
  }
  return {Change::None, *free};
}

}  // namespace jiujin::service
