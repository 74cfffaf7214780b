#include "new_hall_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "jiujin/store/database.hpp"
#include "open_checks.hpp"
#include "schema.hpp"

namespace jiujin::store {

namespace {

StoreError cannotCreate(const std::filesystem::path& path, const std::string& why) {
  if (auto readOnly = readOnlyError(path)) return *readOnly;
  return StoreError{StoreErrorCode::Io, fmt::format("cannot create the hall database {}: {}", path.string(), why)};
}

/// fsync of a folder, so that a name just created in it is on disk.
bool syncFolder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

}  // namespace

StoreStatus createHallFile(const std::filesystem::path& path) {
  const std::string building = path.string() + ".creating";
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    std::error_code ignored;  // absent is the usual case
    std::filesystem::remove(building + suffix, ignored);
  }
  {
    auto db = Database::open(building, Database::Mode::CreateIfMissing);
    if (!db.ok()) return cannotCreate(path, db.error().message);
    // A rollback journal (not WAL) while building: once the last step has committed, the
    // whole schema is in the one file, synced, with no -wal beside it to lose in the rename.
    if (auto s = db.value().exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL"); !s.ok()) {
      return cannotCreate(path, s.error().message);
    }
    if (auto s = migrate(db.value()); !s.ok()) return cannotCreate(path, s.error().message);
  }
  if (::rename(building.c_str(), path.c_str()) != 0) return cannotCreate(path, std::strerror(errno));
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!syncFolder(folder)) return cannotCreate(path, fmt::format("cannot sync the folder {}", folder.string()));
  return Done{};
}

}  // namespace jiujin::store
