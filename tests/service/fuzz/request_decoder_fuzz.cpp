// libFuzzer target: every byte string a client could send goes through the same decoding
// the dispatcher does before it touches the hall — envelope, command body, device reports.
// Nothing may crash, hang or leak; everything must end in a value or a ServiceError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/service/wire.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view frame(reinterpret_cast<const char*>(data), size);
  (void)jiujin::service::requestIdOf(frame);
  auto request = jiujin::service::decodeRequest(frame);
  if (!request) return 0;
  nlohmann::json command = request.value().body;
  command["type"] = request.value().type;
  auto decoded = jiujin::protocol::commandFromJson(command);
  if (decoded) {
    // What decodes must encode again and decode to the same command.
    auto again = jiujin::protocol::commandFromJson(jiujin::protocol::toJson(decoded.value()));
    if (!again || jiujin::protocol::toJson(again.value()) != jiujin::protocol::toJson(decoded.value())) __builtin_trap();
  }
  (void)jiujin::service::deviceReportFromJson(request.value().body);
  (void)jiujin::service::printerStatusFromJson(request.value().body);
  return 0;
}
