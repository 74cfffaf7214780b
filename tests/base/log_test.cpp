#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "fake_journald.hpp"
#include "jiujin/base/log.hpp"

namespace jiujin::log {
namespace {

struct Captured {
  Level level;
  std::string category;
  std::string message;
  Context context;
};

class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = threshold();
    setSink([this](Level l, std::string_view c, std::string_view m) {
      lines.push_back({l, std::string(c), std::string(m), context()});
    });
  }
  void TearDown() override {
    setSink({});
    setThreshold(saved_);
  }
  std::vector<Captured> lines;

 private:
  Level saved_ = Level::Info;
};

TEST_F(LogTest, ALineCarriesItsLevelCategoryAndFormattedText) {
  setThreshold(Level::Info);
  warning("devices.bus", "bus {} timed out {} times", "rs485-1", 3);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].level, Level::Warning);
  EXPECT_EQ(lines[0].category, "devices.bus");
  EXPECT_EQ(lines[0].message, "bus rs485-1 timed out 3 times");
}

TEST_F(LogTest, LinesAboveTheThresholdAreDropped) {
  setThreshold(Level::Warning);
  info("dispatcher.service", "client connected");
  debug("dispatcher.service", "frame");
  error("dispatcher.store", "commit failed");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].level, Level::Error);
}

TEST_F(LogTest, ASinkThatThrowsDoesNotReachTheCaller) {
  setSink([](Level, std::string_view, std::string_view) { throw std::runtime_error("disk full"); });
  EXPECT_NO_THROW(error("dispatcher.store", "x"));
}

TEST(LogLevels, NamesAreSyslogs) {
  EXPECT_STREQ(toString(Level::Warning), "warning");
  EXPECT_EQ(static_cast<int>(Level::Error), 3);
  EXPECT_EQ(static_cast<int>(Level::Debug), 7);
}

TEST_F(LogTest, AScopeGivesEveryLineOfItsThreadItsFieldsAndTheOuterOnesComeBackAfter) {
  setThreshold(Level::Info);
  {
    const Scope request({.request = "r-17", .window = 3});
    {
      const Scope ticket({.ticket = "A001"});
      info("dispatcher.service", "called");
    }
    // another thread's lines are not about this request
    std::thread([] { info("dispatcher.service", "elsewhere"); }).join();
    info("dispatcher.service", "after the ticket");
  }
  info("dispatcher.service", "outside");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].context, (Context{.request = "r-17", .window = 3, .ticket = "A001"}));
  EXPECT_EQ(lines[1].context, Context{});
  EXPECT_EQ(lines[2].context, (Context{.request = "r-17", .window = 3}));
  EXPECT_EQ(lines[3].context, Context{});
}

TEST_F(LogTest, AnIdNumberOrMobileNumberThatSlipsIntoAMessageIsMaskedBeforeItIsWritten) {
  setThreshold(Level::Info);
  warning("dispatcher.service", "refused for 370102199001011234 and 37010219900101123X, call 13812345678");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].message, "refused for 3701**********1234 and 3701**********123X, call 138****5678");
}

TEST(LogPersonalData, OnlyRunsOfExactlyAnIdNumbersOrAPhonesLengthAreMasked) {
  // journal positions, millisecond times, ticket and case numbers, hashes and landlines stay
  for (const char* kept : {"seq 1234567", "at 1764756000000", "A001 at window 3", "case BJ-20261203-0001",
                           "hash 9f13812345678ab", "0531-88881234", "x13812345678", "138123456789"}) {
    EXPECT_EQ(withoutPersonalData(kept), kept);
  }
  EXPECT_EQ(withoutPersonalData("13912345678"), "139****5678");
  EXPECT_EQ(withoutPersonalData("电话13912345678。"), "电话139****5678。");
  EXPECT_EQ(withoutPersonalData("id=110101199003071234;"), "id=1101**********1234;");
}

TEST(LogJournal, AnEntryCarriesPriorityCategoryAndTheFieldsKnown) {
  const auto fields = journalFields(Level::Warning, "dispatcher.service", "call_next refused:\nno one",
                                    Context{.request = "r-1", .window = 2, .ticket = "B007", .device = "w2-pad"},
                                    "jiujin-dispatcher");
  EXPECT_EQ(fields, (std::vector<std::string>{"MESSAGE=call_next refused: no one", "PRIORITY=4",
                                              "SYSLOG_IDENTIFIER=jiujin-dispatcher", "CATEGORY=dispatcher.service",
                                              "REQUEST_ID=r-1", "WINDOW=2", "TICKET=B007", "DEVICE=w2-pad"}));
  // fields not known are left out, and a line break never splits an entry's message
  EXPECT_EQ(journalFields(Level::Error, "devices", "two\nlines", Context{}, "jiujin-devices"),
            (std::vector<std::string>{"MESSAGE=two lines", "PRIORITY=3", "SYSLOG_IDENTIFIER=jiujin-devices",
                                      "CATEGORY=devices"}));
}

TEST(LogText, ALineShowsTheFieldsKnownOnATerminalAndUnderAPlainStream) {
  const Context about{.window = 3, .ticket = "A001"};
  EXPECT_EQ(textLine(Level::Warning, "dispatcher.alarms", "idle", about, true),
            "dispatcher.alarms warning [window=3 ticket=A001]: idle\n");
  EXPECT_EQ(textLine(Level::Warning, "dispatcher.alarms", "idle", about, false),
            "<4>dispatcher.alarms: [window=3 ticket=A001] idle\n");
  EXPECT_EQ(textLine(Level::Notice, "dispatcher", "stopped", Context{}, false), "<5>dispatcher: stopped\n");
}

TEST(LogOutput, TheJournalIsUsedWhenJournalStreamNamesStderrOrWhenAskedFor) {
  // systemd sets JOURNAL_STREAM to the device and inode of the stream it gave stdout/stderr
  EXPECT_EQ(chooseOutput(nullptr, "8:1234", 8, 1234), Output::Journal);
  // a program whose stderr was redirected elsewhere inherits the variable, not the stream
  EXPECT_EQ(chooseOutput(nullptr, "8:1234", 8, 99), Output::Text);
  EXPECT_EQ(chooseOutput(nullptr, nullptr, 8, 1234), Output::Text);
  EXPECT_EQ(chooseOutput(nullptr, "garbage", 0, 0), Output::Text);
  EXPECT_EQ(chooseOutput(nullptr, "8:1234x", 8, 1234), Output::Text);
  // JIUJIN_LOG_OUTPUT overrides either way
  EXPECT_EQ(chooseOutput("journal", nullptr, 0, 0), Output::Journal);
  EXPECT_EQ(chooseOutput("text", "8:1234", 8, 1234), Output::Text);
}

// The sd_journal_send path itself, against a stand-in journald on the socket libsystemd
// writes to. Where a real journald runs (or not root), the stand-in cannot bind: skipped.
TEST(LogJournal, UnderTheJournalOutputEachLineIsOneEntryWithItsFields) {
  testing::FakeJournald journald;
  if (!journald.available()) GTEST_SKIP() << journald.whyNot();
  const Output saved = output();
  const Level savedThreshold = threshold();
  setOutput(Output::Journal);
  setThreshold(Level::Info);
  {
    const Scope about({.request = "r-9", .window = 4, .ticket = "C012", .device = "w4-display"});
    warning("devices.gateway", "w4-display: text too long for 370102199001011234");
  }
  notice("dispatcher", "stopped");
  setOutput(saved);
  setThreshold(savedThreshold);

  const auto first = journald.next(std::chrono::seconds(5));
  ASSERT_TRUE(first) << "sd_journal_send sent nothing to " << testing::FakeJournald::kSocket;
  EXPECT_EQ(first->at("MESSAGE"), "w4-display: text too long for 3701**********1234");
  EXPECT_EQ(first->at("PRIORITY"), "4");
  EXPECT_EQ(first->at("CATEGORY"), "devices.gateway");
  EXPECT_EQ(first->at("REQUEST_ID"), "r-9");
  EXPECT_EQ(first->at("WINDOW"), "4");
  EXPECT_EQ(first->at("TICKET"), "C012");
  EXPECT_EQ(first->at("DEVICE"), "w4-display");
  EXPECT_FALSE(first->at("SYSLOG_IDENTIFIER").empty());
  EXPECT_FALSE(first->contains("CODE_FILE")) << "source locations are not for the hall's IT person";
  const auto second = journald.next(std::chrono::seconds(5));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->at("MESSAGE"), "stopped");
  EXPECT_EQ(second->at("PRIORITY"), "5");
  EXPECT_FALSE(second->contains("WINDOW"));
}

}  // namespace
}  // namespace jiujin::log
