#include "jiujin/devices/printer/gb18030.hpp"

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::devices::printer {

Gb18030Text utf8ToGb18030(std::string_view utf8) {
  auto converted = base::convertText(utf8, base::Encoding::Utf8, base::Encoding::Gb18030);
  if (!converted) return {{}, "text is not valid UTF-8: " + converted.error().message};
  const std::string& out = converted.value();
  return {std::vector<std::uint8_t>(out.begin(), out.end()), {}};
}

Utf8Text gb18030ToUtf8(std::span<const std::uint8_t> gb18030) {
  const std::string_view in(reinterpret_cast<const char*>(gb18030.data()), gb18030.size());
  auto converted = base::convertText(in, base::Encoding::Gb18030, base::Encoding::Utf8);
  if (!converted) return {{}, "bytes are not valid GB18030: " + converted.error().message};
  return {std::move(converted).value(), {}};
}

}  // namespace jiujin::devices::printer
