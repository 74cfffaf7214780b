#include "power_loss_vfs.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <new>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace jiujin::testing {

const char* toString(PowerCut how) {
  switch (how) {
    case PowerCut::DropUnsynced: return "drop unsynced writes";
    case PowerCut::TornLastWrite: return "torn last write";
    case PowerCut::RandomUnsynced: return "random unsynced writes";
  }
  return "?";
}

namespace {

/// One write or truncation of a file since its last sync, with what it replaced, so that it
/// can be undone (back to the synced file) and then redone whole, in part or not at all.
struct Change {
  std::uint64_t order = 0;  // across all files: the last write is the one with the highest
  bool truncation = false;
  std::int64_t offset = 0;  // a write's position; a truncation's new size
  std::string written;      // a write's bytes
  std::int64_t sizeBefore = 0;
  std::string replaced;  // the bytes it overwrote or cut off, within sizeBefore
};

struct FileHistory {
  std::vector<Change> unsynced;
};

}  // namespace

namespace detail {

struct PowerLossDisk {
  sqlite3_vfs vfs{};
  sqlite3_vfs* os = nullptr;
  std::mt19937_64 random;
  mutable std::mutex mutex;
  std::map<std::string, FileHistory> files;  // by the full path SQLite opened
  std::uint64_t operations = 0;
  std::uint64_t cutAt = std::numeric_limits<std::uint64_t>::max();
  bool out = false;
  bool registered = false;

  /// Counts one write, truncation or sync; false once the power is out (it must not happen).
  bool admit() {
    if (out) return false;
    ++operations;
    if (operations >= cutAt) out = true;
    return !out;
  }
};

}  // namespace detail

namespace {

using detail::PowerLossDisk;

/// SQLite allocates vfs.szOsFile bytes per open file: this header, then the unix file.
struct WrappedFile {
  sqlite3_file base;
  PowerLossDisk* disk;
  FileHistory* history;  // nullptr: not tracked (temporary files)
};
constexpr std::size_t kHeaderSize = (sizeof(WrappedFile) + 15) / 16 * 16;

WrappedFile* wrapped(sqlite3_file* file) { return reinterpret_cast<WrappedFile*>(file); }
sqlite3_file* osFile(sqlite3_file* file) {
  return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kHeaderSize);
}
PowerLossDisk& diskOf(sqlite3_vfs* vfs) { return *static_cast<PowerLossDisk*>(vfs->pAppData); }

/// The file's bytes in [offset, offset + length) that exist (a read past the end is short).
std::string readExisting(sqlite3_file* os, std::int64_t offset, std::int64_t length, std::int64_t size) {
  const std::int64_t n = std::max<std::int64_t>(0, std::min(length, size - offset));
  std::string bytes(static_cast<std::size_t>(n), '\0');
  if (n > 0) os->pMethods->xRead(os, bytes.data(), static_cast<int>(n), offset);
  return bytes;
}

std::int64_t sizeOf(sqlite3_file* os) {
  sqlite3_int64 size = 0;
  os->pMethods->xFileSize(os, &size);
  return size;
}

// --- the file's methods: writes, truncations and syncs are tracked; the rest passes -------

int fileClose(sqlite3_file* file) { return osFile(file)->pMethods->xClose(osFile(file)); }

int fileRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return osFile(file)->pMethods->xRead(osFile(file), buffer, amount, offset);
}

int fileWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  WrappedFile* w = wrapped(file);
  sqlite3_file* os = osFile(file);
  if (w->history == nullptr) return os->pMethods->xWrite(os, buffer, amount, offset);
  std::lock_guard lock(w->disk->mutex);
  if (!w->disk->admit()) return SQLITE_IOERR_WRITE;
  Change change;
  change.order = w->disk->operations;
  change.offset = offset;
  change.written.assign(static_cast<const char*>(buffer), static_cast<std::size_t>(amount));
  change.sizeBefore = sizeOf(os);
  change.replaced = readExisting(os, offset, amount, change.sizeBefore);
  const int rc = os->pMethods->xWrite(os, buffer, amount, offset);
  if (rc == SQLITE_OK) w->history->unsynced.push_back(std::move(change));
  return rc;
}

int fileTruncate(sqlite3_file* file, sqlite3_int64 size) {
  WrappedFile* w = wrapped(file);
  sqlite3_file* os = osFile(file);
  if (w->history == nullptr) return os->pMethods->xTruncate(os, size);
  std::lock_guard lock(w->disk->mutex);
  if (!w->disk->admit()) return SQLITE_IOERR_TRUNCATE;
  Change change;
  change.order = w->disk->operations;
  change.truncation = true;
  change.offset = size;
  change.sizeBefore = sizeOf(os);
  change.replaced = readExisting(os, size, change.sizeBefore - size, change.sizeBefore);
  const int rc = os->pMethods->xTruncate(os, size);
  if (rc == SQLITE_OK) w->history->unsynced.push_back(std::move(change));
  return rc;
}

int fileSync(sqlite3_file* file, int /*flags*/) {
  WrappedFile* w = wrapped(file);
  if (w->history == nullptr) return SQLITE_OK;  // a temporary file never needs to survive
  std::lock_guard lock(w->disk->mutex);
  if (!w->disk->admit()) return SQLITE_IOERR_FSYNC;
  // Everything written to this file (through any connection) is now on the disk.
  w->history->unsynced.clear();
  return SQLITE_OK;
}

int fileSize(sqlite3_file* file, sqlite3_int64* size) {
  return osFile(file)->pMethods->xFileSize(osFile(file), size);
}
int fileLock(sqlite3_file* file, int level) { return osFile(file)->pMethods->xLock(osFile(file), level); }
int fileUnlock(sqlite3_file* file, int level) { return osFile(file)->pMethods->xUnlock(osFile(file), level); }
int fileCheckReservedLock(sqlite3_file* file, int* reserved) {
  return osFile(file)->pMethods->xCheckReservedLock(osFile(file), reserved);
}
int fileControl(sqlite3_file* file, int op, void* argument) {
  // A size hint may make the unix VFS grow the file by writing behind our back; it is only
  // a hint, so it is dropped and every change of content goes through fileWrite.
  if (op == SQLITE_FCNTL_SIZE_HINT) return SQLITE_OK;
  return osFile(file)->pMethods->xFileControl(osFile(file), op, argument);
}
int fileSectorSize(sqlite3_file* file) { return osFile(file)->pMethods->xSectorSize(osFile(file)); }
int fileDeviceCharacteristics(sqlite3_file* file) {
  return osFile(file)->pMethods->xDeviceCharacteristics(osFile(file));
}
// The -shm file is shared memory, not durable state: SQLite rebuilds it from the WAL when
// the first connection opens the database after the cut.
int fileShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** memory) {
  return osFile(file)->pMethods->xShmMap(osFile(file), page, pageSize, extend, memory);
}
int fileShmLock(sqlite3_file* file, int offset, int n, int flags) {
  return osFile(file)->pMethods->xShmLock(osFile(file), offset, n, flags);
}
void fileShmBarrier(sqlite3_file* file) { osFile(file)->pMethods->xShmBarrier(osFile(file)); }
int fileShmUnmap(sqlite3_file* file, int deleteFlag) {
  return osFile(file)->pMethods->xShmUnmap(osFile(file), deleteFlag);
}
int fileFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** page) {
  return osFile(file)->pMethods->xFetch(osFile(file), offset, amount, page);
}
int fileUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
  return osFile(file)->pMethods->xUnfetch(osFile(file), offset, page);
}

const sqlite3_io_methods kFileMethods{
    3,           fileClose,       fileRead,        fileWrite,          fileTruncate,
    fileSync,    fileSize,        fileLock,        fileUnlock,         fileCheckReservedLock,
    fileControl, fileSectorSize,  fileDeviceCharacteristics,           fileShmMap,
    fileShmLock, fileShmBarrier,  fileShmUnmap,    fileFetch,          fileUnfetch,
};

// --- the VFS: opens wrap the unix files; everything else is the unix VFS's ---------------

constexpr int kDurableFiles =
    SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL;

int vfsOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* outFlags) {
  PowerLossDisk& disk = diskOf(vfs);
  auto* w = new (file) WrappedFile{};
  w->base.pMethods = nullptr;
  w->disk = &disk;
  {
    std::lock_guard lock(disk.mutex);
    if (disk.out) return SQLITE_CANTOPEN;
    if (name != nullptr && (flags & kDurableFiles) != 0) w->history = &disk.files[name];
  }
  sqlite3_file* os = osFile(file);
  os->pMethods = nullptr;
  const int rc = disk.os->xOpen(disk.os, name, os, flags, outFlags);
  // SQLite calls xClose whenever pMethods is set, even after a failed open.
  if (os->pMethods != nullptr) {
    if (os->pMethods->iVersion < 3) {
      os->pMethods->xClose(os);
      return SQLITE_CANTOPEN;
    }
    w->base.pMethods = &kFileMethods;
  }
  return rc;
}

int vfsDelete(sqlite3_vfs* vfs, const char* name, int syncFolder) {
  PowerLossDisk& disk = diskOf(vfs);
  {
    std::lock_guard lock(disk.mutex);
    if (disk.out) return SQLITE_IOERR_DELETE;
    // A deleted file has nothing left to lose (directory entries count as durable at once).
    if (auto it = disk.files.find(name); it != disk.files.end()) it->second.unsynced.clear();
  }
  return disk.os->xDelete(disk.os, name, syncFolder);
}

int vfsAccess(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
  return diskOf(vfs).os->xAccess(diskOf(vfs).os, name, flags, result);
}
int vfsFullPathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
  return diskOf(vfs).os->xFullPathname(diskOf(vfs).os, name, size, out);
}
void* vfsDlOpen(sqlite3_vfs* vfs, const char* name) { return diskOf(vfs).os->xDlOpen(diskOf(vfs).os, name); }
void vfsDlError(sqlite3_vfs* vfs, int size, char* message) {
  diskOf(vfs).os->xDlError(diskOf(vfs).os, size, message);
}
void (*vfsDlSym(sqlite3_vfs* vfs, void* library, const char* symbol))(void) {
  return diskOf(vfs).os->xDlSym(diskOf(vfs).os, library, symbol);
}
void vfsDlClose(sqlite3_vfs* vfs, void* library) { diskOf(vfs).os->xDlClose(diskOf(vfs).os, library); }
int vfsRandomness(sqlite3_vfs* vfs, int size, char* out) {
  return diskOf(vfs).os->xRandomness(diskOf(vfs).os, size, out);
}
int vfsSleep(sqlite3_vfs* vfs, int microseconds) { return diskOf(vfs).os->xSleep(diskOf(vfs).os, microseconds); }
int vfsCurrentTime(sqlite3_vfs* vfs, double* now) { return diskOf(vfs).os->xCurrentTime(diskOf(vfs).os, now); }
int vfsGetLastError(sqlite3_vfs* vfs, int size, char* message) {
  return diskOf(vfs).os->xGetLastError(diskOf(vfs).os, size, message);
}
int vfsCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* now) {
  return diskOf(vfs).os->xCurrentTimeInt64(diskOf(vfs).os, now);
}

// --- after the cut -------------------------------------------------------------------------

void writeAt(int fd, const std::string& bytes, std::size_t length, std::int64_t offset) {
  if (length > 0 && ::pwrite(fd, bytes.data(), length, offset) != static_cast<ssize_t>(length)) {
    throw std::runtime_error("power-loss VFS: cannot restore a file");
  }
}
void resize(int fd, std::int64_t size) {
  if (::ftruncate(fd, size) != 0) throw std::runtime_error("power-loss VFS: cannot restore a file's size");
}

}  // namespace

PowerLossVfs::PowerLossVfs(std::uint64_t seed) : disk_(std::make_unique<detail::PowerLossDisk>()) {
  sqlite3_initialize();
  detail::PowerLossDisk& d = *disk_;
  d.os = sqlite3_vfs_find("unix");
  if (d.os == nullptr) throw std::runtime_error("power-loss VFS: SQLite has no unix VFS");
  d.random.seed(seed);
  d.vfs.iVersion = 2;
  d.vfs.szOsFile = static_cast<int>(kHeaderSize) + d.os->szOsFile;
  d.vfs.mxPathname = d.os->mxPathname;
  d.vfs.zName = "jiujin-power-loss";
  d.vfs.pAppData = &d;
  d.vfs.xOpen = vfsOpen;
  d.vfs.xDelete = vfsDelete;
  d.vfs.xAccess = vfsAccess;
  d.vfs.xFullPathname = vfsFullPathname;
  d.vfs.xDlOpen = vfsDlOpen;
  d.vfs.xDlError = vfsDlError;
  d.vfs.xDlSym = vfsDlSym;
  d.vfs.xDlClose = vfsDlClose;
  d.vfs.xRandomness = vfsRandomness;
  d.vfs.xSleep = vfsSleep;
  d.vfs.xCurrentTime = vfsCurrentTime;
  d.vfs.xGetLastError = vfsGetLastError;
  d.vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
  if (sqlite3_vfs_register(&d.vfs, 1) != SQLITE_OK) throw std::runtime_error("power-loss VFS: cannot register");
  d.registered = true;
}

PowerLossVfs::~PowerLossVfs() {
  if (disk_->registered) {
    sqlite3_vfs_unregister(&disk_->vfs);
    sqlite3_vfs_register(disk_->os, 1);  // "unix" is the default again, not an arbitrary one
  }
}

void PowerLossVfs::cutPowerAt(std::uint64_t operation) {
  std::lock_guard lock(disk_->mutex);
  disk_->cutAt = operation;
  if (disk_->operations >= operation) disk_->out = true;
}

void PowerLossVfs::cutPowerNow() {
  std::lock_guard lock(disk_->mutex);
  disk_->out = true;
}

bool PowerLossVfs::powerIsOut() const {
  std::lock_guard lock(disk_->mutex);
  return disk_->out;
}

std::uint64_t PowerLossVfs::operations() const {
  std::lock_guard lock(disk_->mutex);
  return disk_->operations;
}

SettledDisk PowerLossVfs::settle(PowerCut how) {
  std::lock_guard lock(disk_->mutex);
  detail::PowerLossDisk& d = *disk_;
  d.out = true;
  if (d.registered) {
    sqlite3_vfs_unregister(&d.vfs);
    sqlite3_vfs_register(d.os, 1);
    d.registered = false;
  }
  std::uint64_t lastWrite = 0;
  for (const auto& [path, history] : d.files) {
    for (const Change& c : history.unsynced) {
      if (!c.truncation) lastWrite = std::max(lastWrite, c.order);
    }
  }
  SettledDisk settled;
  for (auto& [path, history] : d.files) {
    if (history.unsynced.empty()) continue;
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) continue;  // deleted since
    // Back to the file as it was at its last sync …
    for (auto c = history.unsynced.rbegin(); c != history.unsynced.rend(); ++c) {
      if (c->truncation) {
        resize(fd, c->sizeBefore);
        writeAt(fd, c->replaced, c->replaced.size(), c->offset);
      } else {
        writeAt(fd, c->replaced, c->replaced.size(), c->offset);
        resize(fd, c->sizeBefore);
      }
    }
    // … then what of the rest reached the disk anyway.
    for (const Change& c : history.unsynced) {
      ++settled.unsyncedChanges;
      enum class Fate { Lost, Whole, Torn } fate = Fate::Lost;
      switch (how) {
        case PowerCut::DropUnsynced: fate = Fate::Lost; break;
        case PowerCut::TornLastWrite: fate = c.order == lastWrite ? Fate::Torn : Fate::Whole; break;
        case PowerCut::RandomUnsynced:
          fate = static_cast<Fate>(std::uniform_int_distribution<int>(0, c.truncation ? 1 : 2)(d.random));
          break;
      }
      if (fate == Fate::Torn && c.written.size() < 2) fate = Fate::Lost;
      if (fate == Fate::Lost) {
        ++settled.lost;
      } else if (c.truncation) {
        resize(fd, c.offset);
      } else if (fate == Fate::Whole) {
        writeAt(fd, c.written, c.written.size(), c.offset);
      } else {
        ++settled.torn;
        const auto kept = std::uniform_int_distribution<std::size_t>(1, c.written.size() - 1)(d.random);
        writeAt(fd, c.written, kept, c.offset);
      }
    }
    ::close(fd);
    history.unsynced.clear();
  }
  return settled;
}

}  // namespace jiujin::testing
