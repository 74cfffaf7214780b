#pragma once
// What HallStore::open checks before it changes anything in a hall's database file: that the
// file is a hall database (not empty, not another program's, not damaged, not of a newer or
// an unknown schema) and that the hall can save to it. Each refusal names the file, says
// what it is, and leaves it byte-for-byte as it was.
#include <filesystem>
#include <optional>

#include "jiujin/store/database.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::store {

/// Refuses, before SQLite touches it, an existing file that is empty or does not start like
/// an SQLite database.
StoreStatus checkLooksLikeSqlite(const std::filesystem::path& path);

/// Refuses a database the hall could not save to: a read-only file, a read-only folder (where
/// SQLite creates the -wal and -shm files), or -wal/-shm files someone else owns. Writes
/// nothing: it takes the write lock and gives it back.
StoreStatus checkWritable(Database& db);

/// Reads the stored schema and refuses what this build must not write to.
StoreStatus checkSchema(Database& db, const StoreOptions& options);

/// The ReadOnly error for a hall database at `path` when the file or its folder cannot be
/// written by this process, else nothing.
std::optional<StoreError> readOnlyError(const std::filesystem::path& path);

}  // namespace jiujin::store
