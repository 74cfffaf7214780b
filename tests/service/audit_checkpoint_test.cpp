// Signed checkpoints of the audit chain: signing, the checkpoint file, when the dispatcher
// takes one, and every way of cutting or rewriting the chain held against them.
#include <fstream>
#include <functional>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "jiujin/service/audit_chain_check.hpp"
#include "jiujin/service/audit_checkpoint.hpp"
#include "jiujin/service/audit_checkpointer.hpp"
#include "jiujin/service/audit_log.hpp"
#include "support/open_store.hpp"
#include "support/test_hall.hpp"

namespace jiujin::service {
namespace {

using namespace std::chrono_literals;

const core::TimePoint kNine = core::TimePoint(core::Milliseconds(1700038800000));  // a morning, 09:00 local

AuditRecord record(int n) {
  return AuditRecord{kNine + std::chrono::seconds(n), "kiosk-1", "kiosk", "", "issue_ticket",
                     nlohmann::json{{"item", "T-0001"}, {"n", n}}, true, "ok"};
}

/// Rows 1…count of an untampered chain.
std::vector<AuditRow> chain(int count) {
  std::vector<AuditRow> rows;
  std::string previous = kAuditGenesisHash;
  for (int n = 1; n <= count; ++n) {
    AuditRow row{n, record(n), ""};
    row.hash = auditRowHash(previous, n, row.record);
    previous = row.hash;
    rows.push_back(row);
  }
  return rows;
}

/// What was done to a chain whose rows were changed and every hash recomputed with the
/// documented formula, as someone who read docs/protocol.md could.
std::vector<AuditRow> recomputed(std::vector<AuditRow> rows) {
  std::string previous = kAuditGenesisHash;
  for (AuditRow& row : rows) {
    row.hash = auditRowHash(previous, row.row, row.record);
    previous = row.hash;
  }
  return rows;
}

AuditCheckpoint checkpointOf(const std::vector<AuditRow>& rows, std::int64_t row, const AuditSecretKey& key) {
  return signCheckpoint("370199101", row, rows.at(static_cast<std::size_t>(row - 1)).hash, kNine + 1h, key);
}

AuditCheckReport check(const std::vector<AuditRow>& rows, const std::vector<AuditCheckpoint>& checkpoints,
                       const AuditPublicKey& key, std::int64_t after = 0,
                       const std::string& previous = kAuditGenesisHash) {
  AuditChainCheck check(after, previous, checkpoints, key);
  for (const AuditRow& row : rows)
    if (row.row > after) check.add(row);
  return check.finish();
}

class AuditCheckpoints : public ::testing::Test {
 protected:
  AuditKeyPair hall = newAuditKeyPair();
  AuditKeyPair stranger = newAuditKeyPair();
};

TEST_F(AuditCheckpoints, ASignatureHoldsForTheHallsKeyAndNothingElse) {
  const auto c = signCheckpoint("370199101", 500, std::string(64, 'a'), kNine, hall.secretKey);
  EXPECT_TRUE(signatureValid(c, hall.publicKey));
  EXPECT_FALSE(signatureValid(c, stranger.publicKey));
  const auto stillValid = [&](const std::function<void(AuditCheckpoint&)>& change) {
    AuditCheckpoint changed = c;
    change(changed);
    return signatureValid(changed, hall.publicKey);
  };
  EXPECT_FALSE(stillValid([](AuditCheckpoint& x) { x.row = 499; }));
  EXPECT_FALSE(stillValid([](AuditCheckpoint& x) { x.hash[0] = 'b'; }));
  EXPECT_FALSE(stillValid([](AuditCheckpoint& x) { x.at += 1ms; }));
  EXPECT_FALSE(stillValid([](AuditCheckpoint& x) { x.hall = "370199102"; }));
  EXPECT_FALSE(stillValid([](AuditCheckpoint& x) { x.signature[0] = x.signature[0] == '0' ? '1' : '0'; }));
  EXPECT_EQ(checkpointText(c), "jiujin-audit-checkpoint/1\n500\n" + std::string(64, 'a') + "\n1700038800000\n370199101");
}

TEST_F(AuditCheckpoints, KeysReadBackFromHexAndAPublicKeyIsNotTakenForASecretOne) {
  EXPECT_EQ(auditSecretKeyFromHex(toHex(hall.secretKey)).value(), hall.secretKey);
  EXPECT_EQ(auditPublicKeyFromHex(toHex(hall.publicKey)).value(), hall.publicKey);
  EXPECT_EQ(publicKeyOf(hall.secretKey), hall.publicKey);
  // The last hex digit of the public half changed: the key was damaged in copying.
  std::string damaged = toHex(hall.secretKey);
  damaged.back() = damaged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(auditSecretKeyFromHex(damaged).ok());
  const auto secretGivenAsPublic = auditPublicKeyFromHex(toHex(hall.secretKey));
  ASSERT_FALSE(secretGivenAsPublic.ok());
  EXPECT_NE(secretGivenAsPublic.error().en.find("SIGNING"), std::string::npos);
  EXPECT_FALSE(auditPublicKeyFromHex("not hex at all").ok());
}

TEST_F(AuditCheckpoints, ACheckpointReadsBackFromItsLineTheEventAndAWatchLine) {
  const auto c = signCheckpoint("和平村", 7, std::string(64, 'c'), kNine, hall.secretKey);
  const nlohmann::json line = toJson(c);
  EXPECT_EQ(auditCheckpointFromJson(line).value(), c);
  EXPECT_EQ(auditCheckpointFromJson({{"v", 1}, {"seq", 3}, {"checkpoint", line}}).value(), c);
  EXPECT_EQ(auditCheckpointFromJson({{"topic", "audit.checkpoint"}, {"message", {{"checkpoint", line}}}}).value(), c);
  auto wrongType = line;
  wrongType["row"] = "7";
  EXPECT_FALSE(auditCheckpointFromJson(wrongType).ok());
}

TEST_F(AuditCheckpoints, TheFileSkipsLinesCutShortButNamesAJsonLineThatIsNoCheckpoint) {
  const auto a = signCheckpoint("h", 1, std::string(64, 'a'), kNine, hall.secretKey);
  const auto b = signCheckpoint("h", 2, std::string(64, 'b'), kNine, hall.secretKey);
  const std::string lineA = toJson(a).dump() + "\n";
  const std::string lineB = toJson(b).dump() + "\n";
  const auto torn = parseCheckpoints(lineA + lineB.substr(0, 20) + "\n" + lineB + lineB.substr(0, 20), "cp");
  ASSERT_TRUE(torn.ok()) << torn.error().en;
  EXPECT_EQ(torn.value().checkpoints, (std::vector<AuditCheckpoint>{a, b}));
  EXPECT_EQ(torn.value().tornLines, (std::vector<int>{2, 4}));
  const auto broken = parseCheckpoints(lineA + "{\"v\":1}\n" + lineB, "cp");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().en.find("cp:2:"), std::string::npos) << broken.error().en;
}

TEST_F(AuditCheckpoints, AppendingAfterALineCutShortStartsOnANewLine) {
  testing::TempDir dir;
  const auto file = dir.path() / "hall.db.checkpoints";
  const auto a = signCheckpoint("h", 1, std::string(64, 'a'), kNine, hall.secretKey);
  ASSERT_TRUE(appendCheckpoint(file, a).ok());
  std::ofstream(file, std::ios::app) << "{\"v\":1,\"hall\":\"h\",\"ro";  // a crash mid-write
  const auto b = signCheckpoint("h", 2, std::string(64, 'b'), kNine, hall.secretKey);
  ASSERT_TRUE(appendCheckpoint(file, b).ok());
  const auto read = readCheckpointFile(file);
  ASSERT_TRUE(read.ok()) << read.error().en;
  EXPECT_EQ(read.value().checkpoints, (std::vector<AuditCheckpoint>{a, b}));
  EXPECT_EQ(read.value().tornLines, std::vector<int>{2});
}

// --- the chain held against checkpoints ----------------------------------------------------

TEST_F(AuditCheckpoints, AnUntamperedChainIsIntactUpToItsLastCheckpoint) {
  const auto rows = chain(12);
  const auto report = check(rows, {checkpointOf(rows, 5, hall.secretKey), checkpointOf(rows, 10, hall.secretKey)},
                            hall.publicKey);
  EXPECT_TRUE(report.intact());
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(report.rowsChecked, 12);
  ASSERT_TRUE(report.anchor.has_value());
  EXPECT_EQ(report.anchor->row, 10);
  EXPECT_EQ(report.checkpointsMatched, 2u);
}

TEST_F(AuditCheckpoints, CuttingTheNewestRowsIsReportedAsTruncated) {
  auto rows = chain(12);
  const auto checkpoint = checkpointOf(rows, 12, hall.secretKey);
  rows.resize(9);
  const auto report = check(rows, {checkpoint}, hall.publicKey);
  EXPECT_EQ(report.verdict(), AuditVerdict::Truncated);
  EXPECT_EQ(report.gravest()->row, 12);
  EXPECT_NE(report.gravest()->text.find("end at row 9"), std::string::npos) << report.gravest()->text;
}

TEST_F(AuditCheckpoints, DeletingEveryRowIsReportedAsTruncated) {
  const auto rows = chain(12);
  const auto report = check({}, {checkpointOf(rows, 12, hall.secretKey)}, hall.publicKey);
  EXPECT_EQ(report.verdict(), AuditVerdict::Truncated);
  EXPECT_NE(report.gravest()->text.find("empty"), std::string::npos) << report.gravest()->text;
}

TEST_F(AuditCheckpoints, RecomputingTheChainWithTheFormulaIsReportedAsRewritten) {
  auto rows = chain(12);
  const auto checkpoint = checkpointOf(rows, 10, hall.secretKey);
  rows[2].record.ok = false;  // row 3: a refusal turned into success
  rows[2].record.result = "forbidden";
  rows = recomputed(rows);
  // The chain alone is fooled…
  EXPECT_TRUE(check(rows, {}, hall.publicKey).intact());
  // …the checkpoint is not.
  const auto report = check(rows, {checkpoint}, hall.publicKey);
  EXPECT_EQ(report.verdict(), AuditVerdict::Rewritten);
  EXPECT_EQ(report.gravest()->row, 10);
  EXPECT_FALSE(report.anchor.has_value());
}

TEST_F(AuditCheckpoints, RecomputingTheWholeChainAfterCuttingItIsReportedToo) {
  auto rows = chain(12);
  const auto checkpoint = checkpointOf(rows, 12, hall.secretKey);
  rows.erase(rows.begin() + 4);  // row 5 removed, the rest renumbered and rehashed
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].row = static_cast<std::int64_t>(i) + 1;
  rows = recomputed(rows);
  EXPECT_EQ(check(rows, {checkpoint}, hall.publicKey).verdict(), AuditVerdict::Truncated);
  rows.push_back(rows.back());  // and one row made up to reach the signed row number
  rows.back().row = 12;
  rows = recomputed(rows);
  EXPECT_EQ(check(rows, {checkpoint}, hall.publicKey).verdict(), AuditVerdict::Rewritten);
}

TEST_F(AuditCheckpoints, ChangingOneRowBreaksTheChainThere) {
  auto rows = chain(12);
  const auto checkpoint = checkpointOf(rows, 10, hall.secretKey);
  rows[2].record.clerk = "c02";
  const auto report = check(rows, {checkpoint}, hall.publicKey);
  EXPECT_EQ(report.verdict(), AuditVerdict::ChainBroken);
  EXPECT_EQ(report.gravest()->row, 3);
  EXPECT_FALSE(report.anchor.has_value()) << "nothing after a break is vouched for";
}

TEST_F(AuditCheckpoints, ACheckpointSignedWithAnotherKeyIsReported) {
  auto rows = chain(12);
  const auto genuine = checkpointOf(rows, 5, hall.secretKey);
  const auto forged = checkpointOf(rows, 12, stranger.secretKey);
  const auto report = check(rows, {genuine, forged}, hall.publicKey);
  EXPECT_EQ(report.verdict(), AuditVerdict::BadSignature);
  EXPECT_EQ(report.gravest()->row, 12);
  ASSERT_TRUE(report.anchor.has_value());
  EXPECT_EQ(report.anchor->row, 5);
  // A genuine checkpoint whose signed hash was edited is no better than a forged one.
  auto edited = genuine;
  edited.hash = rows[6].hash;
  edited.row = 7;
  EXPECT_EQ(check(rows, {edited}, hall.publicKey).verdict(), AuditVerdict::BadSignature);
}

TEST_F(AuditCheckpoints, APartialExportVerifiesFromThePreviousHashItCarries) {
  const auto rows = chain(12);
  const auto& previous = rows[7].hash;  // the export is of rows after 8
  const auto report = check(rows, {checkpointOf(rows, 10, hall.secretKey)}, hall.publicKey, 8, previous);
  EXPECT_TRUE(report.intact());
  EXPECT_EQ(report.rowsChecked, 4);
  EXPECT_EQ(report.anchor->row, 10);
  // Without it, its first row cannot follow anything.
  EXPECT_EQ(check(rows, {}, hall.publicKey, 8, kAuditGenesisHash).verdict(), AuditVerdict::ChainBroken);
}

TEST_F(AuditCheckpoints, ACheckpointOfTheRowBeforeAPartialExportChecksItsPreviousHash) {
  auto rows = recomputed([] {
    auto r = chain(12);
    r[1].record.result = "changed";
    return r;
  }());
  const auto checkpoint = signCheckpoint("h", 8, chain(12)[7].hash, kNine, hall.secretKey);
  const auto report = check(rows, {checkpoint}, hall.publicKey, 8, rows[7].hash);
  EXPECT_EQ(report.verdict(), AuditVerdict::Rewritten);
  EXPECT_EQ(report.gravest()->row, 8);
  EXPECT_EQ(check(rows, {signCheckpoint("h", 3, rows[2].hash, kNine, hall.secretKey)}, hall.publicKey, 8,
                  rows[7].hash)
                .checkpointsBefore,
            1u);
}

TEST_F(AuditCheckpoints, ASignedRowDeletedFromTheMiddleIsReported) {
  auto rows = chain(12);
  const auto checkpoint = checkpointOf(rows, 6, hall.secretKey);
  rows.erase(rows.begin() + 5);
  const auto report = check(rows, {checkpoint}, hall.publicKey);
  EXPECT_EQ(report.verdict(), AuditVerdict::ChainBroken);
  bool missingReported = false;
  for (const auto& f : report.findings) missingReported |= f.kind == AuditVerdict::Rewritten && f.row == 6;
  EXPECT_TRUE(missingReported);
}

TEST_F(AuditCheckpoints, RowsInADatabaseFileVerifyAgainstTheCheckpointOfTheirHead) {
  testing::TempDir dir;
  const auto db = dir.path() / "hall.db";
  jiujin::testing::OpenStore opened(db);
  store::BatchRecords first;
  first.audit = {record(1), record(2), record(3)};
  opened.commit(first);
  const auto& trail = opened.store().audit();
  const auto checkpoint = signCheckpoint("h", trail.lastRow(), trail.lastHash(), kNine, hall.secretKey);
  store::BatchRecords second;
  second.audit = {record(4)};
  opened.commit(second);
  auto log = AuditLog::open(db);
  ASSERT_TRUE(log.ok()) << log.error().en;
  EXPECT_EQ(log.value()->lastRow(), 4);
  const auto rows = log.value()->read(0, 100).value();
  const auto report = check(rows, {checkpoint}, hall.publicKey);
  EXPECT_TRUE(report.intact());
  EXPECT_EQ(report.anchor->row, 3);
  EXPECT_EQ(report.lastRow, 4);
}

// --- when the dispatcher takes one -----------------------------------------------------------

class Checkpointer : public AuditCheckpoints {
 protected:
  AuditCheckpointSettings settings(std::int64_t everyRows = 3, std::chrono::minutes every = 10min) const {
    return AuditCheckpointSettings{hall.secretKey, dir.path() / "hall.db.checkpoints", "370199101", everyRows, every};
  }
  std::vector<AuditCheckpoint> inFile() const {
    return readCheckpointFile(dir.path() / "hall.db.checkpoints").value().checkpoints;
  }
  testing::TempDir dir;
};

TEST_F(Checkpointer, WithoutAKeyNothingIsSignedOrWritten) {
  AuditCheckpointer checkpointer(AuditCheckpointSettings{std::nullopt, dir.path() / "cp", "h", 1, 1min});
  EXPECT_FALSE(checkpointer.enabled());
  EXPECT_FALSE(checkpointer.afterAppend(100, std::string(64, 'a'), kNine).taken);
  EXPECT_FALSE(checkpointer.signHead(100, std::string(64, 'a'), kNine).taken);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "cp"));
}

TEST_F(Checkpointer, SignsTheFirstRowsAtOnceThenEveryNRowsOrMMinutes) {
  const auto rows = chain(10);
  AuditCheckpointer checkpointer(settings(3, 10min));
  const auto at = [&](int n, core::TimePoint t) { return checkpointer.afterAppend(n, rows[n - 1].hash, t).taken; };
  EXPECT_FALSE(checkpointer.afterAppend(0, kAuditGenesisHash, kNine).taken) << "nothing to sign yet";
  ASSERT_TRUE(at(1, kNine));                    // the first row of a new record
  EXPECT_FALSE(at(2, kNine + 1min));            // 1 row, 1 minute since
  EXPECT_FALSE(at(3, kNine + 2min));            // 2 rows
  const auto third = at(4, kNine + 3min);       // 3 rows since row 1
  ASSERT_TRUE(third);
  EXPECT_EQ(third->row, 4);
  EXPECT_FALSE(at(4, kNine + 30min)) << "no new rows: nothing new to sign";
  const auto timed = at(5, kNine + 14min);      // 1 row, 11 minutes since
  ASSERT_TRUE(timed);
  EXPECT_EQ(timed->row, 5);
  EXPECT_EQ(timed->hash, rows[4].hash);
  EXPECT_EQ(timed->hall, "370199101");
  EXPECT_TRUE(signatureValid(*timed, hall.publicKey));
  const auto file = inFile();
  ASSERT_EQ(file.size(), 3u);
  EXPECT_EQ(file.back(), *timed);
}

TEST_F(Checkpointer, ARestartGoesOnFromTheLastCheckpointInTheFile) {
  const auto rows = chain(10);
  {
    AuditCheckpointer first(settings(3));
    ASSERT_TRUE(first.afterAppend(4, rows[3].hash, kNine).taken);
  }
  AuditCheckpointer second(settings(3));
  const auto step = second.afterAppend(5, rows[4].hash, kNine + 1min);
  EXPECT_FALSE(step.taken) << "one row since the checkpoint of row 4";
  EXPECT_TRUE(step.problems.empty());
  EXPECT_TRUE(second.afterAppend(7, rows[6].hash, kNine + 2min).taken);
}

TEST_F(Checkpointer, AChainBehindItsCheckpointsAtStartIsSaidOnceAndSignedAfresh) {
  const auto rows = chain(10);
  {
    AuditCheckpointer first(settings(3));
    ASSERT_TRUE(first.afterAppend(9, rows[8].hash, kNine).taken);
  }
  AuditCheckpointer second(settings(3));
  const auto step = second.afterAppend(6, rows[5].hash, kNine + 1min);
  ASSERT_EQ(step.problems.size(), 1u);
  EXPECT_NE(step.problems[0].find("rows were removed"), std::string::npos) << step.problems[0];
  ASSERT_TRUE(step.taken);
  EXPECT_EQ(step.taken->row, 6);
  EXPECT_TRUE(second.afterAppend(7, rows[6].hash, kNine + 2min).problems.empty());
  // The file keeps the evidence: held against it, the shorter chain is truncated.
  EXPECT_EQ(check(std::vector<AuditRow>(rows.begin(), rows.begin() + 7), inFile(), hall.publicKey).verdict(),
            AuditVerdict::Truncated);
}

TEST_F(Checkpointer, AtStopTheHeadIsSignedIfRowsCameSince) {
  const auto rows = chain(10);
  AuditCheckpointer checkpointer(settings(100));
  ASSERT_TRUE(checkpointer.afterAppend(1, rows[0].hash, kNine).taken);
  EXPECT_FALSE(checkpointer.afterAppend(2, rows[1].hash, kNine + 1min).taken);
  const auto last = checkpointer.signHead(2, rows[1].hash, kNine + 2min).taken;
  ASSERT_TRUE(last);
  EXPECT_EQ(last->row, 2);
  EXPECT_FALSE(checkpointer.signHead(2, rows[1].hash, kNine + 3min).taken) << "already signed";
  EXPECT_EQ(inFile().size(), 2u);
}

TEST_F(Checkpointer, AFileThatCannotBeWrittenIsAProblemButTheCheckpointIsStillPublished) {
  const auto rows = chain(2);
  auto s = settings(1);
  s.file = dir.path() / "no-such-folder" / "cp";
  AuditCheckpointer checkpointer(s);
  const auto step = checkpointer.afterAppend(1, rows[0].hash, kNine);
  ASSERT_TRUE(step.taken);
  ASSERT_EQ(step.problems.size(), 1u);
  EXPECT_NE(step.problems[0].find("not in the file"), std::string::npos) << step.problems[0];
}

}  // namespace
}  // namespace jiujin::service
