#include "jiujin/protocol/limits.hpp"

#include <fmt/format.h>

namespace jiujin::protocol {

namespace {

std::string lengthEn(std::size_t min, std::size_t max, const char* unit) {
  if (min == 0) return fmt::format("at most {} {}", max, unit);
  if (min == max) return fmt::format("exactly {} {}", max, unit);
  return fmt::format("{} to {} {}", min, max, unit);
}

std::string lengthZh(std::size_t min, std::size_t max) {
  if (min == 0) return fmt::format("不超过 {} 个", max);
  if (min == max) return fmt::format("恰好 {} 个", max);
  return fmt::format("{} 至 {} 个", min, max);
}

}  // namespace

std::string expectedEn(const IntegerRange& range) {
  return fmt::format("an integer from {} to {}", range.min, range.max);
}
std::string expectedZh(const IntegerRange& range) { return fmt::format("{} 至 {} 的整数", range.min, range.max); }

std::string expectedEn(const NumberRange& range) { return fmt::format("a number from {} to {}", range.min, range.max); }
std::string expectedZh(const NumberRange& range) { return fmt::format("{} 至 {} 的数", range.min, range.max); }

std::string expectedEn(const TextLength& length) {
  return fmt::format("a string of {}", lengthEn(length.min, length.max, "characters"));
}
std::string expectedZh(const TextLength& length) { return fmt::format("{}字符的字符串", lengthZh(length.min, length.max)); }

std::string expectedEn(const EntryCount& count) {
  return fmt::format("an array of {}", lengthEn(count.min, count.max, "entries"));
}
std::string expectedZh(const EntryCount& count) { return fmt::format("{}条目的数组", lengthZh(count.min, count.max)); }

std::string expectedEn(const TextList& list) {
  return fmt::format("an array of {}, each {}", lengthEn(list.count.min, list.count.max, "strings"),
                     lengthEn(list.each.min, list.each.max, "characters"));
}
std::string expectedZh(const TextList& list) {
  return fmt::format("{}字符串的数组，每个{}字符", lengthZh(list.count.min, list.count.max),
                     lengthZh(list.each.min, list.each.max));
}

std::size_t characterCount(const std::string& utf8) {
  std::size_t n = 0;
  for (const char c : utf8) {
    // Every byte except UTF-8 continuation bytes (10xxxxxx) starts a character.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace jiujin::protocol
