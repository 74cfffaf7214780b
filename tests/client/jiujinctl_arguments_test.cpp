// jiujinctl reads its words into typed values before it sends anything: a wrong one is bad
// usage (exit 2) with the word in the message. Run as a process, against an endpoint where no
// dispatcher listens: a request that was sent would end in "no answer" (exit 3) instead.
#include <sys/wait.h>

#include <cstdio>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "jiujin/config/pin.hpp"

namespace {

using ::testing::HasSubstr;

struct Outcome {
  int exitCode = -1;
  std::string output;  ///< stdout and stderr
};

std::string quoted(const std::string& word) {
  std::string q = "'";
  for (char c : word) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// A shell command's standard output and exit code.
Outcome shell(const std::string& command) {
  Outcome run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) run.output += buffer;
  const int status = ::pclose(pipe);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

/// jiujinctl with `args`, pointed at a port nobody answers, patient for one short attempt.
Outcome jiujinctl(const std::vector<std::string>& args) {
  std::string command = quoted(std::string(JIUJIN_BINARY_DIR) + "/client/ctl/jiujinctl") +
                        " --endpoint tcp://127.0.0.1:1 --events tcp://127.0.0.1:1 --timeout 50 --attempts 1";
  for (const auto& a : args) command += " " + quoted(a);
  return shell(command + " 2>&1");
}

TEST(JiujinctlArguments, AWellFormedRequestIsSentAndFindsNoDispatcher) {
  // The reference for every test below: sent, so exit 3 (no answer).
  const Outcome run = jiujinctl({"issue", "T-0001", "--priority", "elderly", "--channel", "appointment"});
  EXPECT_EQ(run.exitCode, 3) << run.output;
  EXPECT_THAT(run.output, HasSubstr("[timeout]"));
}

TEST(JiujinctlArguments, AnUnknownPriorityOrChannelIsBadUsage) {
  Outcome run = jiujinctl({"issue", "T-0001", "--priority", "wizard"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("--priority: \"wizard\" is not one of normal elderly"));
  run = jiujinctl({"issue", "T-0001", "--channel", "phone"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("--channel: \"phone\""));
  run = jiujinctl({"estimate", "T-0001", "--priority", "vip"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
}

TEST(JiujinctlArguments, ADateMustBeWrittenYYYYMMDDAndExist) {
  Outcome run = jiujinctl({"stats", "--from", "2020-2-1"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("--from needs a date YYYY-MM-DD, not \"2020-2-1\""));
  run = jiujinctl({"stats", "--to", "2021-02-29"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("--to: 2021-02-29 is not a day of the calendar"));
  run = jiujinctl({"day", "open", "2026-13-01"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_EQ(jiujinctl({"stats", "--from", "2024-02-29", "--to", "2024-03-01"}).exitCode, 3);
}

TEST(JiujinctlArguments, ATransferNeedsATargetOfAKnownKind) {
  Outcome run = jiujinctl({"transfer", "1"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("--to-queue, --to-window or --to-kind"));
  run = jiujinctl({"transfer", "1", "--to-kind", "upstairs"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_EQ(jiujinctl({"transfer", "1", "--to-kind", "issuing"}).exitCode, 3);
}

TEST(JiujinctlArguments, AWorkProfileAsJsonIsReadWithItsFieldNames) {
  Outcome run = jiujinctl({"profile", "2", "--profile-json", R"({"entries":[{"queue":"general","wieght":3}]})"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("profile.entries[0].wieght is not a field of a work profile"));
  run = jiujinctl({"profile", "2", "--profile-json", "{entries"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_EQ(jiujinctl({"profile", "2", "--profile-json", R"({"entries":[{"queue":"general","weight":2}]})"}).exitCode,
            3);
}

TEST(JiujinctlArguments, ATicketIdTooLargeIsBadUsageNotACrash) {
  const Outcome run = jiujinctl({"ticket", "99999999999999999999999"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("is not a ticket id"));
  EXPECT_EQ(jiujinctl({"ticket", "A001"}).exitCode, 3);
}

TEST(JiujinctlArguments, RawSendsAnyTypeButOnlyAJsonObjectBody) {
  const Outcome run = jiujinctl({"raw", "ping", "[1]"});
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_THAT(run.output, HasSubstr("the body is not a JSON object"));
  EXPECT_EQ(jiujinctl({"raw", "no_such_request", "{}"}).exitCode, 3);
}

/// `jiujinctl pin-hash` with `input` on its standard input (a pipe, as a script gives it).
Outcome pinHash(const std::string& input) {
  const std::string command = "printf %s " + quoted(input) + " | " +
                              quoted(std::string(JIUJIN_BINARY_DIR) + "/client/ctl/jiujinctl") + " pin-hash";
  return shell(command);  // stdout only: the hash
}

TEST(JiujinctlArguments, PinHashPrintsAnArgon2idHashOfThePinReadFromStandardInput) {
  const Outcome run = pinHash("4321\n");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  ASSERT_FALSE(run.output.empty());
  const std::string hash = run.output.substr(0, run.output.find('\n'));
  EXPECT_TRUE(jiujin::config::isPinHash(hash)) << hash;
  EXPECT_TRUE(jiujin::config::verifyPin(hash, "4321"));
  EXPECT_FALSE(jiujin::config::verifyPin(hash, "1234"));
  EXPECT_THAT(run.output, ::testing::Not(HasSubstr("4321"))) << "the PIN itself is never printed";
  // nothing to read, or a PIN longer than the dispatcher takes: refused, no hash
  EXPECT_NE(pinHash("").exitCode, 0);
  EXPECT_NE(pinHash(std::string(65, '7') + "\n").exitCode, 0);
}

}  // namespace
