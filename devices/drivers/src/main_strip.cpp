#include "jiujin/devices/drivers/main_strip.hpp"

#include <fmt/format.h>

#include "field_codec.hpp"

namespace jiujin::devices::drivers {

Expected<std::vector<RegisterWrite>> encodeStripContent(const StripContent& content,
                                                        const MainStripMap& map,
                                                        std::uint16_t contentSeq, TextCuts* cuts) {
  if (content.lines.size() > map.lines.size()) {
    return CodecError{CodecErrorCode::ValueOutOfRange,
                      fmt::format("{} lines given, the strip has {}", content.lines.size(),
                                  map.lines.size())};
  }
  if (content.scrollSpeed < 1 || content.scrollSpeed > 10) {
    return CodecError{CodecErrorCode::ValueOutOfRange, "scroll speed must be 1..10"};
  }
  detail::RegisterImage image;
  for (std::size_t i = 0; i < map.lines.size(); ++i) {
    const std::string_view text = i < content.lines.size() ? content.lines[i] : std::string_view{};
    const auto field = fmt::format("line {}", i + 1);
    if (auto error = detail::putText(image, map.lines[i], text, field.c_str(), TextFit::Shorten, cuts)) return *error;
  }
  if (auto error = detail::putText(image, map.notice, content.notice, "notice", TextFit::Shorten, cuts)) return *error;
  auto brightness = detail::brightnessValue(content.brightness, map.brightnessMax);
  if (!brightness) return brightness.error();
  image[map.scroll] = detail::codeOf(map.scrollValues, content.scroll);
  image[map.scrollSpeed] = static_cast<std::uint16_t>(content.scrollSpeed);
  image[map.brightness] = brightness.value();
  if (map.contentSeq) image[*map.contentSeq] = contentSeq;
  return coalesceWrites(image, map.contentSeq);
}

Expected<std::vector<RegisterWrite>> encodeStripLine(std::size_t index, std::string_view text,
                                                     const MainStripMap& map,
                                                     std::uint16_t contentSeq, TextCuts* cuts) {
  if (index >= map.lines.size()) {
    return CodecError{CodecErrorCode::ValueOutOfRange,
                      fmt::format("line {} asked, the strip has {}", index + 1, map.lines.size())};
  }
  detail::RegisterImage line;
  const auto field = fmt::format("line {}", index + 1);
  if (auto error = detail::putText(line, map.lines[index], text, field.c_str(), TextFit::Shorten, cuts)) return *error;
  auto writes = coalesceWrites(line);
  if (map.contentSeq) writes.push_back(RegisterWrite{*map.contentSeq, {contentSeq}});
  return writes;
}

Expected<StripShown> decodeStripContent(const RegisterBlock& block, const MainStripMap& map) {
  StripShown shown;
  for (std::size_t i = 0; i < map.lines.size(); ++i) {
    auto text = detail::readText(block, map.lines[i], "line");
    if (!text) return text.error();
    shown.content.lines.push_back(std::move(text).value());
  }
  auto notice = detail::readText(block, map.notice, "notice");
  if (!notice) return notice.error();
  shown.content.notice = std::move(notice).value();
  for (const auto& [address, field] :
       {std::pair{map.scroll, "scroll"}, {map.scrollSpeed, "scroll_speed"}, {map.brightness, "brightness"}}) {
    if (auto missing = requireRegisters(block, address, 1, field)) return *missing;
  }
  if (map.contentSeq)
    if (auto missing = requireRegisters(block, *map.contentSeq, 1, "content_seq")) return *missing;
  const auto scroll = detail::byCode(map.scrollValues, block[map.scroll]);
  if (!scroll) {
    return CodecError{CodecErrorCode::UnknownValue,
                      fmt::format("scroll code {} is not in the profile", block[map.scroll])};
  }
  shown.content.scroll = *scroll;
  shown.content.scrollSpeed = block[map.scrollSpeed];
  shown.content.brightness = block[map.brightness];
  shown.contentSeq = map.contentSeq ? block[*map.contentSeq] : 0;
  return shown;
}

}  // namespace jiujin::devices::drivers
