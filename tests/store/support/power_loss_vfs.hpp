#pragma once
// A power cut for SQLite, in a test. kill -9 keeps whatever the kernel already has; a power
// cut also loses what was written but not yet synced, and may tear the page being written.
//
// PowerLossVfs wraps the operating system's VFS ("unix") and is SQLite's default VFS while it
// exists, so a HallStore opened meanwhile writes through it without knowing. It remembers
// every write and truncation of the database, -wal and -journal files since that file's last
// xSync. At a chosen operation the power goes: that operation and every later write,
// truncation, sync, delete or open fails and changes nothing, as if the machine had stopped.
// Once every connection is closed, settle() leaves the files as the disk would hold them
// after the cut: what was synced is there; what was not is lost, kept or torn, as the
// PowerCut says.
//
// xSync never reaches the disk: durability is modelled here, not by the kernel, so a run
// costs memory copies, not flushes. Not modelled: creating, renaming and deleting files
// (directory entries count as durable at once), and garbage in a file's grown tail (a lost
// write past the end of a file leaves zeros, or nothing). Test-only: nothing in the hall
// ever needs it, and keeping it out of jiujin::store keeps it out of the dispatcher.
#include <cstdint>
#include <memory>

namespace jiujin::testing {

/// What the disk holds after the cut, of what was written since each file's last sync.
enum class PowerCut {
  DropUnsynced,    ///< none of it
  TornLastWrite,   ///< all of it, in order, except the last write, which is torn (a prefix)
  RandomUnsynced,  ///< each write whole, lost or torn, at random: the disk reorders freely
};

const char* toString(PowerCut how);

/// What settle() did to the files.
struct SettledDisk {
  int unsyncedChanges = 0;  ///< writes and truncations not synced when the power went
  int lost = 0;             ///< of those, how many never reached the disk
  int torn = 0;             ///< and how many reached it only in part
};

namespace detail {
struct PowerLossDisk;
}

class PowerLossVfs {
 public:
  /// Registers itself as SQLite's default VFS. `seed` decides what RandomUnsynced keeps and
  /// where writes tear.
  explicit PowerLossVfs(std::uint64_t seed);
  /// Unregisters itself (if settle() has not): the next connection uses the normal VFS.
  ~PowerLossVfs();
  PowerLossVfs(const PowerLossVfs&) = delete;
  PowerLossVfs& operator=(const PowerLossVfs&) = delete;

  /// The power goes at the `operation`-th write, truncation or sync counted from the start
  /// (1 = the first); that operation never happens.
  void cutPowerAt(std::uint64_t operation);
  /// The power goes now, between two operations.
  void cutPowerNow();
  bool powerIsOut() const;
  /// Writes, truncations and syncs of the tracked files so far.
  std::uint64_t operations() const;

  /// Leaves the files as the disk holds them after the cut, and unregisters this VFS so the
  /// next connection uses the normal one. Call once every connection through it is closed.
  SettledDisk settle(PowerCut how);

 private:
  std::unique_ptr<detail::PowerLossDisk> disk_;
};

}  // namespace jiujin::testing
