// The resident's QR token (dispatcher/service/include/jiujin/service/ticket_tokens.hpp).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "jiujin/service/ticket_tokens.hpp"

namespace jiujin::service {
namespace {

using namespace std::chrono;
constexpr core::Date kDay{year{2026}, month{12}, day{3}};
const std::string kKey(TicketTokens::kKeyBytes, 'k');

TEST(TicketTokens, ATokenNamesItsTicketAndMatchesOnlyItsTicketAndDay) {
  const TicketTokens tokens(kKey);
  const std::string token = tokens.token(17, kDay);
  EXPECT_EQ(token.size(), TicketTokens::kTokenChars);
  EXPECT_EQ(TicketTokens::ticketNamed(token), core::TicketId{17});
  EXPECT_TRUE(tokens.matches(token, 17, kDay));
  EXPECT_FALSE(tokens.matches(token, 18, kDay));
  EXPECT_FALSE(tokens.matches(token, 17, core::Date{year{2026}, month{12}, day{4}})) << "it expires with its day";
  EXPECT_NE(tokens.token(18, kDay), token);
}

TEST(TicketTokens, AnotherKeyOrAChangedCharacterDoesNotMatch) {
  const TicketTokens tokens(kKey);
  const TicketTokens other(std::string(TicketTokens::kKeyBytes, 'x'));
  const std::string token = tokens.token(17, kDay);
  EXPECT_FALSE(other.matches(token, 17, kDay));
  for (std::size_t i = 0; i < token.size(); ++i) {
    std::string changed = token;
    changed[i] = changed[i] == 'Q' ? 'R' : 'Q';
    EXPECT_FALSE(tokens.matches(changed, 17, kDay)) << i;
  }
}

TEST(TicketTokens, MalformedTokensNameNoTicket) {
  const std::vector<std::string> bad{"", "short", std::string(28, '!'), std::string(29, 'A'), std::string(28, 'A')};
  for (const std::string& token : bad)
    EXPECT_FALSE(TicketTokens::ticketNamed(token).has_value()) << token;  // 28 'A's name ticket 0
}

TEST(TicketTokens, TheKeyFileIsMadeOncePrivateAndReadAgain) {
  const auto dir = std::filesystem::temp_directory_path() / ("jiujin-tokens-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto db = dir / "hall.db";
  const auto first = TicketTokens::keyForDatabase(db);
  ASSERT_TRUE(first.ok()) << first.error().en;
  EXPECT_EQ(first.value().size(), TicketTokens::kKeyBytes);
  struct stat st {};
  ASSERT_EQ(::stat((db.string() + ".ticket-key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const auto again = TicketTokens::keyForDatabase(db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value(), first.value());
  std::ofstream(db.string() + ".ticket-key", std::ios::trunc) << "short";
  EXPECT_FALSE(TicketTokens::keyForDatabase(db).ok()) << "a damaged key file stops the start, it is not replaced";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jiujin::service
