#pragma once
// What can go wrong with the hall's database, as a value. SQLite's integer codes are
// mapped to these once, in Database; nothing above it sees an sqlite3 return code.
#include <string>
#include <utility>
#include <variant>

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
class StoreResult {
 public:
  StoreResult(T value) : v_(std::move(value)) {}             // NOLINT(google-explicit-constructor)
  StoreResult(StoreError error) : v_(std::move(error)) {}    // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const StoreError& error() const { return std::get<StoreError>(v_); }

 private:
  std::variant<T, StoreError> v_;
};

/// Success without a value.
struct Done {};
using StoreStatus = StoreResult<Done>;

}  // namespace jiujin::store
