#include "jiujin/devices/printer/gb18030.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <cstring>

namespace jiujin::devices::printer {
namespace {

// One iconv descriptor per conversion: iconv_t carries shift state and is not thread-safe,
// and opening one costs about a microsecond, far below a ticket's print time.
class Converter {
 public:
  Converter(const char* to, const char* from) : handle_(iconv_open(to, from)) {}
  ~Converter() {
    if (valid()) iconv_close(handle_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  bool valid() const { return handle_ != reinterpret_cast<iconv_t>(-1); }

  // Returns an error message, empty on success; the converted bytes are appended to out.
  std::string convert(std::span<const char> in, std::string& out) {
    // iconv's interface takes non-const input pointers but never writes through them.
    char* inPtr = const_cast<char*>(in.data());
    std::size_t inLeft = in.size();
    char buffer[256];
    while (inLeft > 0) {
      char* outPtr = buffer;
      std::size_t outLeft = sizeof buffer;
      const std::size_t rc = iconv(handle_, &inPtr, &inLeft, &outPtr, &outLeft);
      out.append(buffer, static_cast<std::size_t>(outPtr - buffer));
      if (rc != static_cast<std::size_t>(-1)) continue;
      const int err = errno;
      if (err == E2BIG) continue;
      const auto offset = in.size() - inLeft;
      if (err == EILSEQ) return fmt::format("invalid byte sequence at offset {}", offset);
      if (err == EINVAL) return fmt::format("truncated character at offset {}", offset);
      return fmt::format("conversion failed at offset {}: {}", offset, std::strerror(err));
    }
    char* outPtr = buffer;
    std::size_t outLeft = sizeof buffer;
    iconv(handle_, nullptr, nullptr, &outPtr, &outLeft);
    out.append(buffer, static_cast<std::size_t>(outPtr - buffer));
    return {};
  }

 private:
  iconv_t handle_;
};

}  // namespace

Gb18030Text utf8ToGb18030(std::string_view utf8) {
  Converter converter("GB18030", "UTF-8");
  if (!converter.valid()) return {{}, "this system's iconv has no GB18030 converter"};
  std::string out;
  auto error = converter.convert(std::span<const char>(utf8.data(), utf8.size()), out);
  if (!error.empty()) return {{}, "text is not valid UTF-8: " + error};
  return {std::vector<std::uint8_t>(out.begin(), out.end()), {}};
}

Utf8Text gb18030ToUtf8(std::span<const std::uint8_t> gb18030) {
  Converter converter("UTF-8", "GB18030");
  if (!converter.valid()) return {{}, "this system's iconv has no GB18030 converter"};
  std::string out;
  const std::span<const char> in(reinterpret_cast<const char*>(gb18030.data()), gb18030.size());
  auto error = converter.convert(in, out);
  if (!error.empty()) return {{}, "bytes are not valid GB18030: " + error};
  return {std::move(out), {}};
}

}  // namespace jiujin::devices::printer
