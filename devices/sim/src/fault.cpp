#include "jiujin/devices/sim/fault.hpp"

namespace jiujin::devices::sim {
namespace {
constexpr std::pair<Fault, const char*> kFaults[] = {{Fault::Absent, "absent"},
                                                     {Fault::Silent, "silent"},
                                                     {Fault::BadCrc, "bad_crc"},
                                                     {Fault::Garbage, "garbage"},
                                                     {Fault::Slow, "slow"},
                                                     {Fault::RefuseWrites, "refuse_writes"},
                                                     {Fault::LateReply, "late_reply"},
                                                     {Fault::DropNext, "drop_next"}};
}

const char* toString(Fault fault) {
  for (const auto& [f, name] : kFaults) {
    if (f == fault) return name;
  }
  return "unknown";
}

std::optional<Fault> faultFromString(std::string_view name) {
  for (const auto& [f, n] : kFaults) {
    if (name == n) return f;
  }
  return std::nullopt;
}

}  // namespace jiujin::devices::sim
