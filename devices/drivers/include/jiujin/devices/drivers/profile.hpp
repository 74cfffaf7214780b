#pragma once
// Register-map profiles: where a device kind keeps its holding registers and which codes it
// uses. Profiles are data (devices/profiles/*.toml), so a vendor's variant is a new file.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "jiujin/devices/drivers/expected.hpp"
#include "jiujin/devices/drivers/text_codec.hpp"

namespace jiujin::devices::drivers {

enum class DeviceKind { WindowDisplay, MainStrip, Keypad, EvalPad };  // 窗口屏 综合屏 呼叫器 评价器

/// A run of registers holding text.
struct TextArea {
  std::uint16_t address = 0;
  std::uint16_t registers = 0;
  TextEncoding encoding = TextEncoding::Gb18030;
  ByteOrder byteOrder = ByteOrder::HighFirst;  ///< the profile's [protocol] byte_order
  bool operator==(const TextArea&) const = default;
};

enum class Colour { Red, Green, Yellow };

/// LED window display (窗口屏) over one window.
struct WindowDisplayMap {
  TextArea text;
  std::uint16_t colour = 0;
  std::uint16_t blink = 0;
  std::uint16_t brightness = 0;
  /// Written last (in the same frame when the layout allows): the display shows the new
  /// content when it changes, and a health probe reads it back to see whether the display
  /// still holds what was sent (it reads 0 after a power cycle). Unset for a display without
  /// a commit register: it shows what is written as it arrives.
  std::optional<std::uint16_t> contentSeq;
  std::uint16_t brightnessMax = 15;
  std::map<Colour, std::uint16_t> colourValues;
  bool operator==(const WindowDisplayMap&) const = default;
};

enum class ScrollMode { Still, Scrolling };

/// Main LED strip (综合屏): several lines and a scrolling notice line.
struct MainStripMap {
  std::vector<TextArea> lines;
  TextArea notice;
  std::uint16_t scroll = 0;
  std::uint16_t scrollSpeed = 0;  ///< characters per second, 1..10
  std::uint16_t brightness = 0;
  std::optional<std::uint16_t> contentSeq;  ///< unset: no commit register (see WindowDisplayMap)
  std::uint16_t brightnessMax = 15;
  std::map<ScrollMode, std::uint16_t> scrollValues;
  bool operator==(const MainStripMap&) const = default;
};

/// The keys of a caller keypad (呼叫器).
enum class Key {
  CallNext,           ///< 呼叫下一位
  Recall,             ///< 重呼
  Start,              ///< 开始办理
  Complete,           ///< 办结
  NoShow,             ///< 过号
  Transfer,           ///< 转移
  PauseResume,        ///< 暂停/恢复
  RequestEvaluation,  ///< 请评价
  Unknown,            ///< a code the profile does not name; still acknowledged
};

struct KeypadMap {
  std::uint16_t fifoCount = 0;       ///< events waiting, 0..fifoDepth
  std::uint16_t fifoFirstEntry = 0;  ///< entries of two registers: {sequence, key code}
  std::uint16_t fifoDepth = 4;
  /// The master writes the sequence number of the last event it handled; the keypad drops
  /// that event and every older one. Writing a sequence (not a count) makes a repeated
  /// acknowledgement harmless.
  std::uint16_t ack = 0;
  TextArea currentNumber;
  std::uint16_t waitingCount = 0;
  std::map<Key, std::uint16_t> keyCodes;
  bool operator==(const KeypadMap&) const = default;
};

enum class PadState { Idle, Prompting, Rated, TimedOut };
/// The national five-level scale; the pad's keys are 1 (非常满意) … 5 (非常不满意).
enum class Rating { VerySatisfied, Satisfied, Basic, Dissatisfied, VeryDissatisfied };
enum class PadCommand { Prompt, Cancel };

/// Evaluation pad (评价器).
struct EvalPadMap {
  TextArea ticket;
  TextArea clerkNumber;
  TextArea clerkName;
  std::uint16_t timeoutSeconds = 0;
  std::uint16_t command = 0;  ///< written last: the pad acts on it
  std::uint16_t state = 0;
  std::uint16_t rating = 0;
  std::uint16_t ratingSeq = 0;  ///< grows by one per accepted rating: one press counts once
  std::map<PadCommand, std::uint16_t> commandValues;
  std::map<PadState, std::uint16_t> stateValues;
  std::map<Rating, std::uint16_t> ratingValues;
  bool operator==(const EvalPadMap&) const = default;
};

using RegisterMap = std::variant<WindowDisplayMap, MainStripMap, KeypadMap, EvalPadMap>;

/// How a vendor's device takes its frames ([protocol] of a profile; every key optional).
struct WireProtocol {
  /// 0x10 (write multiple registers, the default) or 0x06: one register per write frame, for
  /// vendors that do not implement 0x10.
  std::uint8_t writeFunction = 0x10;
  /// Most registers one frame carries, reads and writes (1..123): longer writes are split.
  std::uint16_t maxFrameRegisters = 123;
  /// How long the device may take to answer; 0: the bus default (50 ms).
  std::chrono::milliseconds turnaround{0};
  /// Silence the line keeps after each exchange with this device before the next frame.
  std::chrono::milliseconds interFrameDelay{0};
  bool operator==(const WireProtocol&) const = default;
};

struct Profile {
  std::string name;  ///< e.g. "jiujin-window-display-v1"
  std::string description;
  WireProtocol protocol;
  RegisterMap map;
  DeviceKind kind() const { return static_cast<DeviceKind>(map.index()); }
};

/// One field of a register map, for documentation, validation and the simulator's listing.
struct FieldSpan {
  std::string name;
  std::uint16_t address = 0;
  std::uint16_t count = 1;
  std::string encoding;  ///< "u16", "enum", "gb18030", "utf16"
};
std::vector<FieldSpan> describeRegisters(const Profile& profile);
/// One past the highest register address the profile uses.
std::uint32_t registerSpan(const Profile& profile);

/// Parses a profile from TOML text; `source` names it in error messages. Checks that fields
/// do not overlap and that every text area and FIFO fits one Modbus frame.
Expected<Profile> parseProfile(std::string_view toml, std::string_view source);
Expected<Profile> loadProfile(const std::filesystem::path& file);

/// A profile file that cannot be used: where, and why.
struct ProfileProblem {
  std::filesystem::path file;
  std::string name;  ///< the profile's name in the file, or the file's stem when unreadable
  int line = 0;      ///< 0 when not known
  int column = 0;
  std::string message;  ///< "FILE:LINE: [text].registers must be 1..123"
  std::string reason;   ///< the same without the place: "[text].registers must be 1..123"
};

/// Every profile in a set of directories, found by name.
class ProfileLibrary {
 public:
  /// Loads every *.toml file in `dir`. A file that cannot be used is set aside in problems()
  /// — it matters only if a device names it (the gateway and `jiujinctl config check` report
  /// it then as an error, otherwise as a warning). An error only when `dir` cannot be listed.
  std::optional<CodecError> loadDirectory(const std::filesystem::path& dir);
  void add(Profile profile);
  const Profile* find(std::string_view name) const;
  std::vector<std::string> names() const;
  const std::vector<ProfileProblem>& problems() const { return problems_; }
  /// The problem of the file that holds (or would hold) the profile `name`.
  const ProfileProblem* problemFor(std::string_view name) const;

 private:
  static std::string nameInFile(const std::filesystem::path& file);
  std::map<std::string, Profile, std::less<>> byName_;
  std::vector<ProfileProblem> problems_;
};

/// The profiles shipped with Jiujin: the directory named by JIUJIN_PROFILE_DIR when set, else
/// <prefix>/share/jiujin/profiles of an installed program, else devices/profiles in the source tree.
std::filesystem::path builtinProfileDir();

const char* toString(DeviceKind kind);
std::optional<DeviceKind> deviceKindFromString(std::string_view name);
const char* toString(Colour colour);
const char* toString(Key key);
std::optional<Key> keyFromString(std::string_view name);
const char* toString(PadState state);
const char* toString(Rating rating);
/// 1 (非常满意) … 5 (非常不满意).
int ratingNumber(Rating rating);
std::optional<Rating> ratingFromNumber(int number);
const char* ratingLabel(Rating rating);  ///< 非常满意 …

}  // namespace jiujin::devices::drivers
