#pragma once
// What can go wrong with the hall's database, as a value. SQLite's integer codes are
// mapped to these once, in Database; nothing above it sees an sqlite3 return code.
#include <string>
#include <utility>
#include <variant>

#include "jiujin/base/result.hpp"

namespace jiujin::store {

enum class StoreErrorCode {
  NotADatabase,  ///< the file is not SQLite (refused, never overwritten)
  Corrupt,       ///< SQLite says the file is damaged
  NewerSchema,   ///< written by a newer Jiujin
  InUse,         ///< another dispatcher holds the hall's database
  ReadOnly,      ///< the file, its folder or its -wal/-shm cannot be written
  DiskFull,      ///< nothing of the failed transaction was written
  Busy,          ///< locked by another connection
  Io,            ///< the operating system failed a read or write
  BadData,       ///< a stored row cannot be decoded
  Misuse,        ///< a programming error (bad SQL, closed handle)
  Other,
};

struct StoreError {
  StoreErrorCode code = StoreErrorCode::Other;
  std::string message;  ///< for the log and the operator: names the file and the cause
  bool operator==(const StoreError&) const = default;
};

/// The stable name of a code ("disk_full"), for logs and the wire.
const char* toString(StoreErrorCode code);

/// The value of a store call that may fail.
template <typename T>
using StoreResult = base::Result<T, StoreError>;

/// Success without a value.
struct Done {};
using StoreStatus = StoreResult<Done>;

}  // namespace jiujin::store
