#include <gtest/gtest.h>
#include <sqlite3.h>

#include "jiujin/service/audit_log.hpp"
#include "support/open_store.hpp"
#include "support/test_hall.hpp"

namespace jiujin::service {
namespace {

AuditRecord record(const std::string& type, bool ok) {
  return AuditRecord{core::TimePoint(core::Milliseconds(1700000000000)), "console-w1", "console", "c01", type,
                     nlohmann::json{{"window", 1}}, ok, ok ? "ok" : "forbidden"};
}

/// Appends the records in one batch of a store opened on `db`.
void append(const std::filesystem::path& db, std::vector<AuditRecord> records) {
  jiujin::testing::OpenStore opened(db);
  store::BatchRecords batch;
  batch.audit = std::move(records);
  opened.commit(batch);
}

void exec(const std::filesystem::path& db, const char* sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(handle);
  sqlite3_close(handle);
}

TEST(AuditLog, RowsAppendedInBatchesFormOneIntactChainAcrossReopening) {
  testing::TempDir dir;
  const auto db = dir.path() / "hall.db";
  append(db, {record("call_next", true), record("recall", true)});
  append(db, {record("complete", false)});
  auto log = AuditLog::open(db);
  ASSERT_TRUE(log.ok()) << log.error().en;
  const auto v = log.value()->verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v.value().intact());
  EXPECT_EQ(v.value().rowsChecked, 3);
  const auto rows = log.value()->read(0, 10).value();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].record.type, "complete");
  EXPECT_EQ(auditRowHash(rows[1].hash, 3, rows[2].record), rows[2].hash);
}

TEST(AuditLog, UpdatesAndDeletesAreRefusedByTheDatabase) {
  testing::TempDir dir;
  const auto db = dir.path() / "hall.db";
  append(db, {record("call_next", true)});
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "UPDATE audit_log SET result='ok'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(handle, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(handle);
}

TEST(AuditLog, AChangedRowIsFoundEvenWhenTheTriggersWereDropped) {
  testing::TempDir dir;
  const auto db = dir.path() / "hall.db";
  append(db, {record("call_next", true), record("call_next", false), record("complete", true)});
  exec(db, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET ok=1, result='ok' WHERE row=2;");
  auto log = AuditLog::open(db);
  ASSERT_TRUE(log.ok());
  const auto v = log.value()->verify().value();
  EXPECT_FALSE(v.intact());
  EXPECT_EQ(v.firstBadRow, 2);
}

TEST(AuditLog, ADeletedRowInTheMiddleIsFound) {
  testing::TempDir dir;
  const auto db = dir.path() / "hall.db";
  append(db, {record("a", true), record("b", true), record("c", true)});
  exec(db, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE row=2;");
  const auto v = AuditLog::open(db).value()->verify().value();
  EXPECT_FALSE(v.intact());
  EXPECT_EQ(v.firstBadRow, 3);
}

}  // namespace
}  // namespace jiujin::service
