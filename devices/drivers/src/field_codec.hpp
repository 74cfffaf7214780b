#pragma once
// Helpers the device codecs share: fields in and out of a register image.
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>

#include "jiujin/devices/drivers/call_text.hpp"
#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"
#include "jiujin/devices/drivers/text_codec.hpp"

namespace jiujin::devices::drivers::detail {

using RegisterImage = std::map<std::uint16_t, std::uint16_t>;

/// `text` into `area` by the fitting rule (call_text.hpp); a cut is added to `cuts` as `field`.
inline std::optional<CodecError> putText(RegisterImage& image, const TextArea& area, std::string_view text,
                                         const char* field, TextFit fit = TextFit::Shorten,
                                         TextCuts* cuts = nullptr) {
  auto fitted = fitText(text, area, fit);
  if (!fitted) {
    auto error = fitted.error();
    error.message = std::string(field) + ": " + error.message;
    return error;
  }
  if (fitted->cut && cuts) cuts->push_back(TextCut{field, std::string(text), fitted->text});
  auto registers = encodeText(fitted->text, area.encoding, area.registers, area.byteOrder);
  if (!registers) return registers.error();
  for (std::uint16_t i = 0; i < area.registers; ++i) {
    image[static_cast<std::uint16_t>(area.address + i)] = registers.value()[i];
  }
  return std::nullopt;
}

inline Expected<std::string> readText(const RegisterBlock& block, const TextArea& area,
                                      const char* field) {
  if (auto missing = requireRegisters(block, area.address, area.registers, field)) return *missing;
  return decodeText(block.slice(area.address, area.registers), area.encoding, area.byteOrder);
}

template <typename E>
std::optional<E> byCode(const std::map<E, std::uint16_t>& codes, std::uint16_t code) {
  for (const auto& [value, c] : codes) {
    if (c == code) return value;
  }
  return std::nullopt;
}

template <typename E>
std::uint16_t codeOf(const std::map<E, std::uint16_t>& codes, E value) {
  const auto it = codes.find(value);
  return it == codes.end() ? 0 : it->second;
}

/// Brightness 0..max, or max when unset.
inline Expected<std::uint16_t> brightnessValue(std::optional<int> brightness, std::uint16_t max) {
  const int b = brightness.value_or(max);
  if (b < 0 || b > max) {
    return CodecError{CodecErrorCode::ValueOutOfRange, "brightness must be 0.." + std::to_string(max)};
  }
  return static_cast<std::uint16_t>(b);
}

}  // namespace jiujin::devices::drivers::detail
