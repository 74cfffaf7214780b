#pragma once
// Faults that can be injected into an emulated device, by name.
#include <optional>
#include <string_view>

namespace jiujin::devices::sim {

enum class Fault {
  Absent,   ///< not on the bus: never answers, applies nothing; returns powered up blank
  Silent,   ///< hung: stops answering until cleared, keeps what it showed
  BadCrc,   ///< answers with a wrong CRC
  Garbage,  ///< answers with random bytes
  Slow,     ///< answers after SimulatorOptions::slowDelay
  RefuseWrites,  ///< answers every write with exception 01, as a vendor's display that takes
                 ///< only a function it was not sent; reads are answered
  LateReply,     ///< answers each request only when the next frame is on the line (after its
                 ///< master gave up), just before that frame's own reply
  DropNext,      ///< the next request to it is lost on the wire (not applied, not answered);
                 ///< the fault then clears itself
};

const char* toString(Fault fault);
std::optional<Fault> faultFromString(std::string_view name);

}  // namespace jiujin::devices::sim
