// [audit]: the hall's key for signing audit checkpoints, where they go and how often; every
// mistake named at its line.
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hall_fixture.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A key as `jiujinctl keys new --audit` writes it (the halves are checked by the dispatcher).
const std::string kKeyText = std::string(128, 'a') + "\n";

/// The line an appended section's n-th line (1-based) lands on.
std::string lineOf(int n) {
  const auto hall = validHall();
  return std::to_string(std::count(hall.begin(), hall.end(), '\n') + n);
}

LoadResult load(TempDir& dir, const std::string& audit) {
  dir.write("catalog.csv", validCatalog());
  return loadHallConfig(dir.write("hall.toml", validHall() + audit));
}

std::vector<std::string> errorsIn(const LoadResult& result) {
  std::vector<std::string> out;
  for (auto d : result.errors) {
    d.file = d.file.filename();
    out.push_back(toString(d));
  }
  return out;
}

TEST(AuditSettings, WithoutAnAuditTableThereAreNoCheckpoints) {
  TempDir dir;
  const auto result = load(dir, "");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.config->audit.signingKeyFile.empty());
  EXPECT_EQ(result.config->audit.checkpointEveryRows, 500);
  EXPECT_EQ(result.config->audit.checkpointEveryMinutes, 10);
}

TEST(AuditSettings, KeyAndCheckpointFileAreReadFromTheHallFilesFolder) {
  TempDir dir;
  dir.write("hall-audit.key", kKeyText);
  const auto result = load(dir,
                           "\n[audit]\nsigning_key_file = \"hall-audit.key\"\ncheckpoint_file = \"audit/cp.jsonl\"\n"
                           "checkpoint_every_rows = 100\ncheckpoint_every_minutes = 5\n");
  ASSERT_TRUE(result.ok()) << errorsIn(result).front();
  const auto& audit = result.config->audit;
  EXPECT_EQ(audit.signingKeyFile, dir.path() / "hall-audit.key");
  EXPECT_EQ(audit.checkpointFile, dir.path() / "audit" / "cp.jsonl");
  EXPECT_EQ(audit.checkpointEveryRows, 100);
  EXPECT_EQ(audit.checkpointEveryMinutes, 5);
}

TEST(AuditSettings, AMissingKeyFileIsAnErrorAtItsLine) {
  TempDir dir;
  const auto errors = errorsIn(load(dir, "\n[audit]\nsigning_key_file = \"nowhere.key\"\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("hall.toml:" + lineOf(3) + ":20: error: signing_key_file \""));
  EXPECT_THAT(errors[0], HasSubstr("nowhere.key\" does not exist; make a key pair with `jiujinctl keys new --audit"));
}

TEST(AuditSettings, AFileThatHoldsNoSigningKeyIsAnError) {
  TempDir dir;
  dir.write("service.pub", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7\n");  // a CURVE key, not ours
  const auto errors = errorsIn(load(dir, "\n[audit]\nsigning_key_file = \"service.pub\"\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("does not hold an audit signing key; expected 128 hex characters"));
}

TEST(AuditSettings, IntervalsOutsideTheirRangesAreErrors) {
  TempDir dir;
  dir.write("k.key", kKeyText);
  EXPECT_THAT(errorsIn(load(dir, "\n[audit]\nsigning_key_file = \"k.key\"\ncheckpoint_every_rows = 0\n"
                                 "checkpoint_every_minutes = 1441\n")),
              ElementsAre("hall.toml:" + lineOf(4) + ":25: error: \"checkpoint_every_rows\" in [audit] is 0; "
                          "expected 1 to 100000",
                          "hall.toml:" + lineOf(5) + ":28: error: \"checkpoint_every_minutes\" in [audit] is "
                          "1441; expected 1 to 1440"));
}

TEST(AuditSettings, CheckpointSettingsWithoutAKeyAreAnError) {
  TempDir dir;
  EXPECT_THAT(errorsIn(load(dir, "\n[audit]\ncheckpoint_every_rows = 100\n")),
              ElementsAre("hall.toml:" + lineOf(2) + ":1: error: [audit] sets checkpoints up but has no "
                          "signing_key_file; expected the file holding the hall's audit signing key "
                          "(`jiujinctl keys new --audit NAME`)"));
}

TEST(AuditSettings, AMistypedKeyIsNamedWithTheNearestKnownOne) {
  TempDir dir;
  const auto errors = errorsIn(load(dir, "\n[audit]\nsigning_key = \"k.key\"\n"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("signing_key_file"));
}

TEST(AuditSettings, TheDistrictSampleSignsWithItsDemoKeyAndTheOthersDoNot) {
  const auto district = loadHallConfig(samplePath("district.toml"));
  ASSERT_THAT(errorsIn(district), IsEmpty());
  EXPECT_EQ(district.config->audit.signingKeyFile.filename(), "district-audit.key");
  for (const char* sample : {"village.toml", "township.toml"}) {
    const auto result = loadHallConfig(samplePath(sample));
    ASSERT_THAT(errorsIn(result), IsEmpty()) << sample;
    EXPECT_TRUE(result.config->audit.signingKeyFile.empty()) << sample;
  }
}

}  // namespace
}  // namespace jiujin::config::testing
