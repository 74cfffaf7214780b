// Seeded random damage to real hall files and catalogs: the loader must answer with
// errors, never crash, hang or hand out a half-checked configuration.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

#include "hall_fixture.hpp"
#include "jiujin/config/catalog.hpp"

namespace jiujin::config::testing {
namespace {

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Characters that matter to TOML and CSV, plus a few bytes that are not text at all.
constexpr std::string_view kSharp = "[]{}=\"',.#\n\r\\-:0123456789 \t;|\xE4\xB8\xAD\xFF\x00";

std::string mutate(std::string text, std::mt19937& rng) {
  const int edits = std::uniform_int_distribution<int>(1, 4)(rng);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
    const std::size_t i = at(rng);
    const char sharp =
        kSharp[std::uniform_int_distribution<std::size_t>(0, kSharp.size() - 1)(rng)];
    switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
      case 0:
        text[i] = sharp;
        break;
      case 1:
        text.insert(i, 1, sharp);
        break;
      case 2:
        text.erase(i, std::uniform_int_distribution<std::size_t>(1, 40)(rng));
        break;
      case 3: {  // copy a stretch elsewhere: duplicates keys, tables and rows
        const std::size_t n = std::min<std::size_t>(text.size() - i, 80);
        text.insert(at(rng), text.substr(i, n));
        break;
      }
      case 4:
        text.resize(i);
        break;
      default:
        text[i] = static_cast<char>(text[i] ^ (1 << (rng() % 8)));
        break;
    }
  }
  return text;
}

int cases() {
  // JIUJIN_FUZZ_CASES raises the count for a long run; the default keeps the suite fast.
  const char* env = std::getenv("JIUJIN_FUZZ_CASES");
  return env ? std::max(1, std::atoi(env)) : 1500;
}

TEST(ConfigFuzz, DamagedHallFilesGiveErrorsNeverACrash) {
  TempDir dir;
  dir.write("village-catalog.csv", readAll(samplePath("village-catalog.csv")));
  const auto original = readAll(samplePath("village.toml"));
  std::mt19937 rng(20240501);
  int rejected = 0;
  for (int n = 0; n < cases(); ++n) {
    const auto file = dir.write("village.toml", mutate(original, rng));
    const auto result = loadHallConfig(file);
    ASSERT_EQ(result.ok(), result.errors.empty()) << "case " << n;
    for (const auto& d : result.errors) {
      ASSERT_FALSE(d.message.empty()) << "case " << n;
      ASSERT_GE(d.line, 0);
      ASSERT_GE(d.column, 0);
    }
    rejected += result.ok() ? 0 : 1;
  }
  EXPECT_GT(rejected, cases() / 2) << "most damage must be caught";
}

TEST(ConfigFuzz, DamagedCatalogsGiveErrorsNeverACrash) {
  const auto original = readAll(samplePath("catalog.csv"));
  std::mt19937 rng(20240502);
  int rejected = 0;
  for (int n = 0; n < cases(); ++n) {
    const auto result = parseCatalog(mutate(original, rng), "catalog.csv");
    for (const auto& d : result.errors) {
      ASSERT_FALSE(d.message.empty()) << "case " << n;
      ASSERT_GE(d.line, 1) << "case " << n << ": " << d.message;
    }
    ASSERT_EQ(result.items.size(), result.queueCells.size());
    rejected += result.errors.empty() ? 0 : 1;
  }
  EXPECT_GT(rejected, 0);
}

}  // namespace
}  // namespace jiujin::config::testing
