#pragma once
// One device on a simulated bus: its holding registers and how it reads them. Subclasses
// give each kind its behaviour (a display shows text, a keypad queues presses, a pad rates).
// Not thread-safe: the owning SimBus serialises access.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/sim/device_profile.hpp"
#include "jiujin/devices/sim/modbus_rtu.hpp"

namespace jiujin::devices::sim {

using SimClock = std::chrono::steady_clock;

/// A device's answer to one request: an exception, or the registers read (empty for a write,
/// whose reply echoes the request).
struct DeviceAnswer {
  std::optional<rtu::Exception> refused;
  std::vector<std::uint16_t> values;
};

class EmulatedDevice {
 public:
  EmulatedDevice(std::string id, std::uint8_t address, DeviceProfile profile);
  virtual ~EmulatedDevice() = default;
  EmulatedDevice(const EmulatedDevice&) = delete;
  EmulatedDevice& operator=(const EmulatedDevice&) = delete;

  const std::string& id() const { return id_; }
  std::uint8_t address() const { return address_; }
  const DeviceProfile& profile() const { return profile_; }

  /// Answers one request: registers, or an exception (illegal address, read-only register).
  DeviceAnswer handle(const rtu::Request& request, SimClock::time_point now);
  /// What the device shows or holds now, as one line: key=value pairs, texts quoted.
  virtual std::string describe(SimClock::time_point now) = 0;
  /// What the device shows people, decoded from the content it was sent (a display's text,
  /// the strip's lines, a keypad's number, a pad's prompt): key=value pairs like describe().
  /// It changes only when content arrives over the bus or the device powers up.
  virtual std::string describeShown() const = 0;
  /// Back to the power-on state: every register zero, nothing shown, nothing queued.
  virtual void powerCycle();

 protected:
  /// Whether the master may write `address` (status and FIFO registers are read-only).
  virtual bool writable(std::uint16_t address) const = 0;
  virtual void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) = 0;
  /// Lets a device bring its registers up to date before they are read (timeouts).
  virtual void beforeRead(SimClock::time_point /*now*/) {}

  /// The register at `address`; every field of the profile is inside the register file.
  std::uint16_t registerAt(std::uint16_t address) const { return registers_[address]; }
  /// The device itself sets a register (its status, its FIFO).
  void setRegister(std::uint16_t address, std::uint16_t value) { registers_[address] = value; }
  /// The text a field holds now.
  SimResult<std::string> textIn(const TextField& field) const;
  static bool touches(std::uint16_t first, std::uint16_t count, std::uint16_t address) {
    return address >= first && address < first + count;
  }

 private:
  std::string id_;
  std::uint8_t address_;
  DeviceProfile profile_;
  std::vector<std::uint16_t> registers_;
};

/// An emulated device of the kind `profile` describes.
std::unique_ptr<EmulatedDevice> makeEmulatedDevice(std::string id, std::uint8_t address,
                                                   DeviceProfile profile);

/// Quotes UTF-8 text for a describe() line ("..." with \" and \\ escaped).
std::string quotedText(std::string_view text);

}  // namespace jiujin::devices::sim
