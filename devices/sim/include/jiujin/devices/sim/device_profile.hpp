#pragma once
// The simulator's own reading of the register-map profiles (devices/profiles/*.toml, described
// in docs/devices.md): where an emulated device finds each field and what its codes mean. It
// reads the same data files as the drivers but not through their code, so a device is emulated
// from the specification, and a vendor's layout is emulated as soon as its file exists.
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "jiujin/devices/sim/register_text.hpp"
#include "jiujin/devices/sim/sim_result.hpp"

namespace jiujin::devices::sim {

enum class DeviceKind { WindowDisplay, MainStrip, Keypad, EvalPad };  // 窗口屏 综合屏 呼叫器 评价器

/// A run of registers holding text.
struct TextField {
  std::uint16_t address = 0;
  std::uint16_t registers = 0;
  TextEncoding encoding = TextEncoding::Gb18030;
  ByteOrder byteOrder = ByteOrder::HighFirst;
};

/// The names of a register's codes, as the profile gives them (colour: 1 → "red").
using CodeNames = std::map<std::uint16_t, std::string>;

struct WindowDisplayLayout {
  TextField text;
  std::uint16_t colour = 0;
  std::uint16_t blink = 0;
  std::uint16_t brightness = 0;
  /// Writing it commits the content; unset: the display shows every write as it arrives.
  std::optional<std::uint16_t> contentSeq;
  CodeNames colours;
};

struct MainStripLayout {
  std::vector<TextField> lines;  ///< line n at lines.address + n * lines.registers
  TextField notice;
  std::uint16_t scroll = 0;
  std::uint16_t scrollSpeed = 0;
  std::uint16_t brightness = 0;
  std::optional<std::uint16_t> contentSeq;  ///< unset: no commit register
  CodeNames scrollModes;
};

struct KeypadLayout {
  std::uint16_t fifoCount = 0;
  std::uint16_t fifoFirstEntry = 0;  ///< `fifoDepth` entries of {sequence, key code}
  std::uint16_t fifoDepth = 0;
  std::uint16_t ack = 0;
  TextField currentNumber;
  std::uint16_t waitingCount = 0;
  std::map<std::string, std::uint16_t, std::less<>> keys;  ///< key name → code
};

/// What an evaluation pad reports in its state register.
enum class PadState { Idle, Prompting, Rated, TimedOut };
const char* toString(PadState state);

/// The national five-level scale (好差评): the pad's keys 1 (非常满意) … 5 (非常不满意).
enum class Rating { VerySatisfied = 1, Satisfied, Basic, Dissatisfied, VeryDissatisfied };
std::optional<Rating> ratingFromNumber(int number);
int ratingNumber(Rating rating);

struct EvalPadLayout {
  TextField ticket;
  TextField clerkNumber;
  TextField clerkName;
  std::uint16_t timeoutSeconds = 0;
  std::uint16_t command = 0;  ///< the pad acts when it is written
  std::uint16_t state = 0;
  std::uint16_t rating = 0;
  std::uint16_t ratingSeq = 0;
  std::uint16_t promptCode = 0;
  std::uint16_t cancelCode = 0;
  std::map<PadState, std::uint16_t> stateCodes;
  std::map<Rating, std::uint16_t> ratingCodes;
};

using DeviceLayout = std::variant<WindowDisplayLayout, MainStripLayout, KeypadLayout, EvalPadLayout>;

/// How the device takes frames ([protocol] of its profile), as the device behaves:
struct WireProtocol {
  std::uint8_t writeFunction = 0x10;  ///< 0x06: it refuses 0x10 (exception 01)
  std::uint16_t maxFrameRegisters = 125;  ///< longer reads or writes: exception 03
  std::chrono::milliseconds turnaround{0};  ///< it answers this long after a request
  /// A request to it that starts sooner than this after its last reply is not heard.
  std::chrono::milliseconds interFrameDelay{0};
};

struct DeviceProfile {
  std::string name;  ///< e.g. "jiujin-window-display-v1"
  WireProtocol protocol;
  DeviceLayout layout;
  /// One past the highest register the layout uses: the device's register file.
  std::uint32_t registerCount = 0;
  DeviceKind kind() const { return static_cast<DeviceKind>(layout.index()); }
};

/// Reads one profile from TOML text; `source` names it in error messages. Every field the
/// device kind needs must be there, with addresses and codes in 0..65535.
SimResult<DeviceProfile> parseDeviceProfile(std::string_view toml, std::string_view source);
SimResult<DeviceProfile> loadDeviceProfile(const std::filesystem::path& file);

/// A profile file that cannot be used: set aside, so that a hall whose devices do not name it
/// still runs (as the gateway does).
struct BrokenProfile {
  std::filesystem::path file;
  std::string name;     ///< the file's stem: the name the profile would be found by
  std::string message;  ///< why it cannot be used, with the file and line
};

/// Every profile of some directories, found by name; a later one replaces an earlier one of the
/// same name.
class DeviceProfiles {
 public:
  /// Reads every *.toml file of `dir`. A file that cannot be read is set aside as broken (see
  /// broken()); only a directory that cannot be listed is an error.
  std::optional<SimError> loadDirectory(const std::filesystem::path& dir);
  void add(DeviceProfile profile);
  const DeviceProfile* find(std::string_view name) const;
  /// The files set aside, in the order read.
  const std::vector<BrokenProfile>& broken() const { return broken_; }
  /// The broken file that would have held the profile `name`, if any.
  const BrokenProfile* brokenFor(std::string_view name) const;

 private:
  std::map<std::string, DeviceProfile, std::less<>> byName_;
  std::vector<BrokenProfile> broken_;
};

/// The profiles shipped with Jiujin: $JIUJIN_PROFILE_DIR when set, else
/// <prefix>/share/jiujin/profiles of an installed program, else devices/profiles of the source tree.
std::filesystem::path builtinProfileDir();

const char* toString(DeviceKind kind);

}  // namespace jiujin::devices::sim
