// The power-loss VFS itself: what was synced survives the cut, what was not is lost or torn,
// and nothing happens after the cut.
#include <gtest/gtest.h>

#include "jiujin/store/database.hpp"
#include "store_fixtures.hpp"
#include "support/power_loss_vfs.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

/// The rows of t, in order, read through the normal VFS.
std::string rowsOf(const std::filesystem::path& path) {
  auto db = Database::open(path, Database::Mode::OpenExisting);
  EXPECT_TRUE(db.ok());
  auto q = db.value().prepare("SELECT coalesce(group_concat(x, ','), '') FROM (SELECT x FROM t ORDER BY rowid)");
  EXPECT_TRUE(q.ok());
  EXPECT_TRUE(q.value().step().value());
  return q.value().text(0);
}

/// A WAL database with one synced row, then one written but never synced.
SettledDisk syncedThenUnsynced(const std::filesystem::path& path, PowerCut how) {
  PowerLossVfs vfs(42);
  {
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    EXPECT_TRUE(db.ok());
    EXPECT_TRUE(db.value()
                    .exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t(x TEXT); "
                          "INSERT INTO t VALUES ('synced')")
                    .ok());
    EXPECT_TRUE(db.value().exec("PRAGMA synchronous = OFF; INSERT INTO t VALUES ('never synced')").ok());
    vfs.cutPowerNow();
  }
  return vfs.settle(how);
}

TEST(PowerLossVfs, WhatWasNotSyncedIsLostWithThePower) {
  TempFolder dir;
  const auto settled = syncedThenUnsynced(dir / "t.db", PowerCut::DropUnsynced);
  EXPECT_GT(settled.lost, 0);
  EXPECT_EQ(rowsOf(dir / "t.db"), "synced");
}

TEST(PowerLossVfs, ATornLastWriteTakesItsTransactionWithIt) {
  // Every unsynced write reached the disk except the tail of the last one: the commit frame
  // is torn, its checksum fails, and SQLite drops that transaction — and only that one.
  TempFolder dir;
  const auto settled = syncedThenUnsynced(dir / "t.db", PowerCut::TornLastWrite);
  EXPECT_EQ(settled.torn, 1);
  EXPECT_EQ(settled.lost, 0);
  EXPECT_EQ(rowsOf(dir / "t.db"), "synced");
}

TEST(PowerLossVfs, WithoutACutEverythingSyncedIsThere) {
  TempFolder dir;
  const auto path = dir / "t.db";
  {
    PowerLossVfs vfs(1);
    {
      auto db = Database::open(path, Database::Mode::CreateIfMissing);
      ASSERT_TRUE(db.ok());
      ASSERT_TRUE(db.value()
                      .exec("PRAGMA journal_mode = WAL; CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('a'); "
                            "INSERT INTO t VALUES ('b')")
                      .ok());
    }
    const auto settled = vfs.settle(PowerCut::DropUnsynced);
    EXPECT_EQ(settled.lost, 0);
  }
  EXPECT_EQ(rowsOf(path), "a,b");
}

TEST(PowerLossVfs, NothingIsWrittenOnceThePowerIsOut) {
  TempFolder dir;
  const auto path = dir / "t.db";
  PowerLossVfs vfs(7);
  {
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value().exec("PRAGMA journal_mode = WAL; CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('a')").ok());
    vfs.cutPowerAt(vfs.operations() + 1);
    EXPECT_FALSE(db.value().exec("INSERT INTO t VALUES ('b')").ok());
    EXPECT_TRUE(vfs.powerIsOut());
  }
  vfs.settle(PowerCut::RandomUnsynced);
  EXPECT_EQ(rowsOf(path), "a");
}

}  // namespace
}  // namespace jiujin::store
