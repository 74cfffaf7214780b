#pragma once
// One dispatcher per hall database: an flock()ed "<db>.lock" file holding the owner's pid.
// The kernel drops the lock when the process dies, even by SIGKILL, so a crash never
// leaves a stale lock behind.
#include <filesystem>
#include <memory>

#include "jiujin/store/store_error.hpp"

namespace jiujin::store {

class HallLock {
 public:
  static StoreResult<std::unique_ptr<HallLock>> acquire(const std::filesystem::path& database);
  ~HallLock();
  HallLock(const HallLock&) = delete;
  HallLock& operator=(const HallLock&) = delete;

 private:
  explicit HallLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace jiujin::store
