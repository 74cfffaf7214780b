#pragma once
// A new hall's database appears whole or not at all. It is built under a temporary name
// ("HALL.db.creating"), committed with a rollback journal so that everything is in that one
// file, and renamed into place; then the folder is synced so the name survives a power cut.
// A crash or power cut while a hall is created therefore never leaves a 0-byte or half-made
// HALL.db behind — which matters, because an existing file is never taken for a new hall.
#include <filesystem>

#include "jiujin/store/store_error.hpp"

namespace jiujin::store {

/// Creates the hall database `path` (which must not exist) with the current schema.
/// The caller holds the hall's lock, so leftovers of an interrupted creation are its own.
StoreStatus createHallFile(const std::filesystem::path& path);

}  // namespace jiujin::store
