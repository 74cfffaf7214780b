#include "jiujin/devices/drivers/window_display.hpp"

#include <fmt/format.h>

#include "field_codec.hpp"
#include "jiujin/devices/drivers/call_text.hpp"

namespace jiujin::devices::drivers {

WindowContent callingContent(std::string_view ticket, int window) {
  return WindowContent{callText(ticket, window), Colour::Green, true, {}};
}

WindowContent pausedContent() { return WindowContent{"暂停服务", Colour::Red, false, {}}; }

WindowContent blankContent() { return WindowContent{}; }

Expected<std::vector<RegisterWrite>> encodeWindowContent(const WindowContent& content,
                                                         const WindowDisplayMap& map,
                                                         std::uint16_t contentSeq, TextCuts* cuts) {
  detail::RegisterImage image;
  if (auto error = detail::putText(image, map.text, content.text, "text", TextFit::Shorten, cuts)) return *error;
  auto brightness = detail::brightnessValue(content.brightness, map.brightnessMax);
  if (!brightness) return brightness.error();
  image[map.colour] = detail::codeOf(map.colourValues, content.colour);
  image[map.blink] = content.blink ? 1 : 0;
  image[map.brightness] = brightness.value();
  if (map.contentSeq) image[*map.contentSeq] = contentSeq;
  return coalesceWrites(image, map.contentSeq);
}

Expected<WindowShown> decodeWindowContent(const RegisterBlock& block, const WindowDisplayMap& map) {
  auto text = detail::readText(block, map.text, "text");
  if (!text) return text.error();
  for (const auto& [address, field] : {std::pair{map.colour, "colour"}, {map.blink, "blink"},
                                       {map.brightness, "brightness"}}) {
    if (auto missing = requireRegisters(block, address, 1, field)) return *missing;
  }
  if (map.contentSeq)
    if (auto missing = requireRegisters(block, *map.contentSeq, 1, "content_seq")) return *missing;
  const auto colour = detail::byCode(map.colourValues, block[map.colour]);
  if (!colour) {
    return CodecError{CodecErrorCode::UnknownValue,
                      fmt::format("colour code {} is not in the profile", block[map.colour])};
  }
  WindowShown shown;
  shown.content = WindowContent{std::move(text).value(), *colour, block[map.blink] != 0,
                                static_cast<int>(block[map.brightness])};
  shown.contentSeq = map.contentSeq ? block[*map.contentSeq] : 0;
  return shown;
}

RegisterRead windowContentSeqRead(const WindowDisplayMap& map) {
  return {map.contentSeq.value_or(map.text.address), 1};
}

}  // namespace jiujin::devices::drivers
