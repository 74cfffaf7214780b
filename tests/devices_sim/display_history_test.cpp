#include "jiujin/devices/sim/display_history.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using jiujin::devices::sim::DisplayHistory;
using jiujin::devices::sim::ShownEntry;

namespace {

std::vector<std::string> shownIn(const DisplayHistory::Page& page) {
  std::vector<std::string> out;
  for (const ShownEntry& e : page.entries) out.push_back(e.device + " " + e.shown);
  return out;
}

}  // namespace

TEST(DisplayHistory, EntriesOfEveryBusAreNumberedInTheOrderTheyCame) {
  DisplayHistory history;
  history.record("rs485-1", "w1-display", "text=\"A001 请到1号窗口\"");
  history.record("rs485-2", "w5-display", "text=\"B001 请到5号窗口\"");
  history.record("rs485-1", "strip", "line1=\"A001 请到1号窗口\"");

  const auto page = history.since(0, 100);
  EXPECT_EQ(shownIn(page), (std::vector<std::string>{"w1-display text=\"A001 请到1号窗口\"",
                                                     "w5-display text=\"B001 请到5号窗口\"",
                                                     "strip line1=\"A001 请到1号窗口\""}));
  EXPECT_EQ(page.entries[1].entry, 2u);
  EXPECT_EQ(page.entries[1].bus, "rs485-2");
  EXPECT_EQ(page.next, 3u);
  EXPECT_FALSE(page.more);
  EXPECT_FALSE(page.gap);
  EXPECT_EQ(history.last(), 3u);
}

TEST(DisplayHistory, ACursorPagesThroughEveryEntryExactlyOnce) {
  DisplayHistory history;
  for (int i = 1; i <= 25; ++i) history.record(i % 2 ? "a" : "b", "d", std::to_string(i));

  std::vector<std::string> seen;
  std::uint64_t cursor = 0;
  for (int pages = 0;; ++pages) {
    ASSERT_LT(pages, 10);
    const auto page = history.since(cursor, 10);
    for (const auto& e : page.entries) seen.push_back(e.shown);
    cursor = page.next;
    if (!page.more) break;
  }
  ASSERT_EQ(seen.size(), 25u);
  for (int i = 1; i <= 25; ++i) EXPECT_EQ(seen[static_cast<std::size_t>(i - 1)], std::to_string(i));
  EXPECT_TRUE(history.since(cursor, 10).entries.empty()) << "nothing new after the last page";
  EXPECT_EQ(history.since(cursor, 10).next, cursor) << "an empty page keeps the cursor";
}

TEST(DisplayHistory, ABusOverItsBoundDropsItsOldestAndAReaderBehindIsToldOfTheGap) {
  // given a bound of 3 entries per bus, one quiet entry on bus "quiet" and five on "busy"
  DisplayHistory history(3);
  history.record("quiet", "w9-display", "q");
  for (int i = 1; i <= 5; ++i) history.record("busy", "w1-display", std::to_string(i));

  // then a reader from the start misses the busy bus's first two, and is told so
  const auto fromStart = history.since(0, 100);
  EXPECT_EQ(shownIn(fromStart), (std::vector<std::string>{"w9-display q", "w1-display 3",
                                                          "w1-display 4", "w1-display 5"}));
  EXPECT_TRUE(fromStart.gap);
  // and the quiet bus's entry is kept: one bus cannot push out another's history
  EXPECT_EQ(fromStart.entries.front().entry, 1u);
  // and a reader that had already read past the dropped entries has no gap
  EXPECT_FALSE(history.since(3, 100).gap);
}
