// The store refuses what it must not touch, and a failed commit leaves nothing behind.
#include <unistd.h>

#include <gtest/gtest.h>

#include "jiujin/store/database.hpp"
#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

TEST(StoreFaults, NonSqliteFileIsRefusedAndLeftByteForByteUnchanged) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  const std::string text = "这不是数据库 — a hall manager's notes saved under the wrong name\n";
  writeBytes(path, text);
  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_NE(store.error().message.find("not an SQLite database"), std::string::npos) << store.error().message;
  EXPECT_EQ(bytesOf(path), text);
  EXPECT_FALSE(std::filesystem::exists(dir / "hall.db-wal"));
}

TEST(StoreFaults, DamagedDatabaseIsRefusedAndLeftByteForByteUnchanged) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  std::string bytes = bytesOf(path);
  ASSERT_GT(bytes.size(), 3u * 4096u);
  // Keep the header, scribble over the second and third pages (schema and tables).
  for (std::size_t i = 4096; i < 3 * 4096; ++i) bytes[i] = static_cast<char>(i * 7 + 13);
  writeBytes(path, bytes);

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(store.error().code == StoreErrorCode::Corrupt || store.error().code == StoreErrorCode::NotADatabase)
      << toString(store.error().code) << ": " << store.error().message;
  EXPECT_NE(store.error().message.find("left untouched"), std::string::npos) << store.error().message;
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreFaults, SqliteDatabaseOfAnotherProgramIsRefused) {
  TempFolder dir;
  const auto path = dir / "other.db";
  {
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value().exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('王芳')").ok());
  }
  const std::string bytes = bytesOf(path);
  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreFaults, DatabaseFromANewerJiujinIsRefusedWithBothSchemaNumbers) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  {
    auto db = Database::open(path, Database::Mode::OpenExisting);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value().exec("PRAGMA user_version = 99").ok());
  }
  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NewerSchema);
  EXPECT_EQ(store.error().message, "hall.db was written by a newer Jiujin (schema 99), this build knows up to " +
                                       std::to_string(HallStore::schemaVersion()));
}

TEST(StoreFaults, SecondDispatcherOnTheSameDatabaseIsRefusedWithTheOwnersPid) {
  TempFolder dir;
  auto first = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(first.ok());
  auto second = HallStore::open(dir / "hall.db");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, StoreErrorCode::InUse);
  EXPECT_EQ(second.error().message,
            "another dispatcher is using hall.db (pid " + std::to_string(::getpid()) + ")");
}

TEST(StoreFaults, LockIsReleasedWhenTheStoreCloses) {
  TempFolder dir;
  { ASSERT_TRUE(HallStore::open(dir / "hall.db").ok()); }
  EXPECT_TRUE(HallStore::open(dir / "hall.db").ok());
}

TEST(StoreFaults, FullDiskFailsTheBatchChangesNothingAndTheStoreStaysUsable) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  const auto sizeNow = static_cast<std::int64_t>(std::filesystem::file_size(path));

  StoreOptions options;
  options.maxSizeBytes = sizeNow + 2 * 4096;  // room for a small batch, not a big one
  auto store = HallStore::open(path, options);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
  const HallState before = hall.state();
  const Seq seqBefore = store.value()->lastSeq();

  // A definition with a long catalogue: its journal row and snapshot do not fit.
  HallDefinition big = hall.definition();
  for (int i = 0; i < 400; ++i) {
    ServiceItem item = big.items.front();
    item.code = "ITEM-" + std::to_string(i);
    item.materials.assign(20, "身份证原件及复印件（须本人签字确认）");
    big.items.push_back(item);
  }
  auto events = hall.execute(cmd::UpdateDefinition{big}, morning(2024y / 3 / 15, 300));
  ASSERT_TRUE(events.ok());
  auto appended = store.value()->append(events.value(), hall);
  ASSERT_FALSE(appended.ok());
  EXPECT_EQ(appended.error().code, StoreErrorCode::DiskFull) << appended.error().message;
  EXPECT_EQ(store.value()->lastSeq(), seqBefore);

  // The store holds exactly what it held before.
  auto rebuilt = store.value()->recover(townshipHall());
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().message;
  EXPECT_EQ(rebuilt.value().lastSeq, seqBefore);
  EXPECT_EQ(rebuilt.value().hall.state(), before);
  hall = std::move(rebuilt.value().hall);

  // A small change still fits and is stored with the next number.
  auto small = hall.execute(cmd::BroadcastNotice{"系统恢复"}, morning(2024y / 3 / 15, 301));
  ASSERT_TRUE(small.ok());
  auto ok = store.value()->append(small.value(), hall);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok.value(), seqBefore + 1);
}

}  // namespace
}  // namespace jiujin::store
