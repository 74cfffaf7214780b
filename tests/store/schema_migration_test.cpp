// Upgrades: a hall database of every earlier schema (schema_fixtures/schema-N.sql, made by
// make_fixtures.sh from a real morning of a village hall) opens with today's store, migrates
// to today's schema and recovers the same hall; a database of a newer schema is refused with
// the message the store gives today, and left as it was.
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "jiujin/store/backup.hpp"
#include "jiujin/store/database.hpp"
#include "store_fixtures.hpp"

namespace jiujin::testing {
namespace {

std::filesystem::path fixture(int version) {
  return std::filesystem::path(JIUJIN_SOURCE_DIR) / "tests/store/schema_fixtures" / fmt::format("schema-{}.sql", version);
}

/// Writes the fixture's SQL into a new database file, as that version left it on disk.
void databaseFromFixture(const std::filesystem::path& sql, const std::filesystem::path& db) {
  std::ifstream in(sql);
  ASSERT_TRUE(in) << sql;
  std::stringstream text;
  text << in.rdbuf();
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle, text.str().c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(handle);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::int64_t userVersion(const std::filesystem::path& db) {
  auto open = store::Database::open(db, store::Database::Mode::OpenExisting);
  return open.ok() ? open.value().queryInteger("PRAGMA user_version").value() : -1;
}

class EarlierSchema : public ::testing::TestWithParam<int> {};

TEST_P(EarlierSchema, OpensMigratesToTodaysSchemaAndRecoversTheSameHall) {
  const int version = GetParam();
  TempFolder dir;
  const auto db = dir / "hall.db";
  databaseFromFixture(fixture(version), db);
  ASSERT_EQ(userVersion(db), version);
  const auto before = store::readDatabaseFacts(db);
  ASSERT_TRUE(before.ok()) << before.error().message;

  // when today's store opens it
  {
    auto opened = store::HallStore::open(db);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    auto recovered = opened.value()->recover(townshipHall());
    ASSERT_TRUE(recovered.ok()) << recovered.error().message;
    // then the hall of the fixture comes back: its journal, its two tickets, the one served
    EXPECT_EQ(recovered.value().lastSeq, before.value().lastSeq);
    const auto& tickets = recovered.value().hall.state().tickets;
    ASSERT_EQ(tickets.size(), 2u);
    EXPECT_EQ(std::count_if(tickets.begin(), tickets.end(),
                            [](const auto& t) { return t.second.state == core::TicketState::Completed; }),
              1);
    EXPECT_EQ(recovered.value().hall.definition().name, "和平村便民服务站");
  }
  // and the file is at today's schema with every table of it (the open checks pass again)
  EXPECT_EQ(userVersion(db), store::HallStore::schemaVersion());
  auto again = store::HallStore::open(db);
  EXPECT_TRUE(again.ok()) << again.error().message;
}

INSTANTIATE_TEST_SUITE_P(EveryEarlierVersion, EarlierSchema, ::testing::Values(1, 2, 3, 4, 5),
                         [](const auto& version) { return fmt::format("Schema{}", version.param); });

TEST(Upgrade, EveryEarlierSchemaHasAFixture) {
  for (int version = 1; version < store::HallStore::schemaVersion(); ++version)
    EXPECT_TRUE(std::filesystem::exists(fixture(version))) << "no fixture for schema " << version
                                                           << ": run tests/store/schema_fixtures/make_fixtures.sh";
}

TEST(Upgrade, ANewerSchemaIsRefusedWithTodaysMessageAndLeftAsItWas) {
  TempFolder dir;
  const auto db = dir / "hall.db";
  databaseFromFixture(fixture(1), db);
  const int newer = store::HallStore::schemaVersion() + 1;
  {
    auto open = store::Database::open(db, store::Database::Mode::OpenExisting);
    ASSERT_TRUE(open.ok());
    ASSERT_TRUE(open.value().exec(fmt::format("PRAGMA user_version = {}", newer)).ok());
  }
  auto opened = store::HallStore::open(db);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, store::StoreErrorCode::NewerSchema);
  EXPECT_EQ(opened.error().message, fmt::format("hall.db was written by a newer Jiujin (schema {}), this build knows up to {}",
                                                newer, store::HallStore::schemaVersion()));
  EXPECT_EQ(userVersion(db), newer);
}

}  // namespace
}  // namespace jiujin::testing
