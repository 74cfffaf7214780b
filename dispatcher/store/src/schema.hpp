#pragma once
// The database layout, as a list of migration steps. Step N brings user_version from
// N-1 to N; a new build appends steps and never edits a shipped one.
#include "jiujin/store/database.hpp"

namespace jiujin::store {

/// The highest user_version this build knows.
int knownSchemaVersion();

/// Applies every step above the database's user_version, up to `target`, each in its own
/// transaction. (A lower target builds the layout of an older schema, to check a file by.)
StoreStatus migrate(Database& db, int target = knownSchemaVersion());

}  // namespace jiujin::store
