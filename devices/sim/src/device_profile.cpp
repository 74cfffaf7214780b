#include "jiujin/devices/sim/device_profile.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <sstream>
#include <toml++/toml.h>

#include "jiujin/base/installed_data.hpp"

namespace jiujin::devices::sim {
namespace {

using Node = toml::node_view<const toml::node>;

constexpr std::pair<PadState, const char*> kPadStates[] = {{PadState::Idle, "idle"},
                                                           {PadState::Prompting, "prompting"},
                                                           {PadState::Rated, "rated"},
                                                           {PadState::TimedOut, "timed_out"}};
constexpr std::pair<Rating, const char*> kRatings[] = {{Rating::VerySatisfied, "very_satisfied"},
                                                       {Rating::Satisfied, "satisfied"},
                                                       {Rating::Basic, "basic"},
                                                       {Rating::Dissatisfied, "dissatisfied"},
                                                       {Rating::VeryDissatisfied, "very_dissatisfied"}};
constexpr std::pair<DeviceKind, const char*> kKinds[] = {{DeviceKind::WindowDisplay, "window_display"},
                                                         {DeviceKind::MainStrip, "main_strip"},
                                                         {DeviceKind::Keypad, "keypad"},
                                                         {DeviceKind::EvalPad, "eval_pad"}};

// Reads the fields of one profile, keeping the first problem and where it was found, so a
// hall manager's mistake is reported as "file: [section].key why".
class ProfileReader {
 public:
  ProfileReader(const toml::table& root, std::string_view source) : root_(root), source_(source) {}

  const std::optional<SimError>& error() const { return error_; }

  void fail(const std::string& where, const std::string& why) {
    if (!error_) error_ = SimError{fmt::format("{}: {} {}", source_, where, why)};
  }

  /// A register address or a count: an integer 0..65535.
  std::uint16_t number(std::string_view section, std::string_view key) {
    return number(root_[section][key], fmt::format("[{}].{}", section, key));
  }

  std::uint16_t number(Node node, const std::string& where) {
    const auto value = node.value<std::int64_t>();
    if (!value) {
      fail(where, "is missing or not an integer");
      return 0;
    }
    if (*value < 0 || *value > 0xFFFF) {
      fail(where, fmt::format("{} is outside 0..65535", *value));
      return 0;
    }
    return static_cast<std::uint16_t>(*value);
  }

  /// `{ address, registers, encoding }`, or those keys directly in a section.
  TextField text(Node node, const std::string& where) {
    TextField field;
    field.address = number(node["address"], where + ".address");
    field.registers = number(node["registers"], where + ".registers");
    if (!error_ && field.registers == 0) fail(where + ".registers", "must be at least 1");
    const auto encoding = node["encoding"].value<std::string>();
    bool known = false;
    for (const auto e : {TextEncoding::Gb18030, TextEncoding::Utf16Be, TextEncoding::Utf16Le, TextEncoding::Ascii}) {
      if (encoding == toString(e)) {
        field.encoding = e;
        known = true;
      }
    }
    if (!known) fail(where + ".encoding", "must be \"gb18030\", \"utf16\", \"utf16le\" or \"ascii\"");
    field.byteOrder = byteOrder_;
    return field;
  }

  /// [protocol], every key optional: how the device takes its frames.
  WireProtocol protocol() {
    WireProtocol p;
    const auto section = root_["protocol"];
    if (!section) return p;
    if (section["write_function"]) {
      const auto f = number(section["write_function"], "[protocol].write_function");
      if (f != 0x06 && f != 0x10) fail("[protocol].write_function", "must be 6 or 16");
      p.writeFunction = static_cast<std::uint8_t>(f);
    }
    if (section["max_frame_registers"]) {
      p.maxFrameRegisters = number(section["max_frame_registers"], "[protocol].max_frame_registers");
      if (p.maxFrameRegisters == 0) fail("[protocol].max_frame_registers", "must be at least 1");
    }
    if (section["turnaround_ms"])
      p.turnaround = std::chrono::milliseconds(number(section["turnaround_ms"], "[protocol].turnaround_ms"));
    if (section["inter_frame_delay_ms"])
      p.interFrameDelay = std::chrono::milliseconds(number(section["inter_frame_delay_ms"], "[protocol].inter_frame_delay_ms"));
    if (const auto order = section["byte_order"].value<std::string>()) {
      if (*order == "low_first") {
        byteOrder_ = ByteOrder::LowFirst;
      } else if (*order != "high_first") {
        fail("[protocol].byte_order", "must be \"high_first\" or \"low_first\"");
      }
    }
    return p;
  }

  /// A register a layout may leave out.
  std::optional<std::uint16_t> optionalNumber(std::string_view section, std::string_view key) {
    if (!root_[section][key]) return std::nullopt;
    return number(section, key);
  }

  /// A table of name = code; two names may not share a code.
  std::map<std::string, std::uint16_t, std::less<>> codes(Node node, const std::string& where) {
    std::map<std::string, std::uint16_t, std::less<>> out;
    const auto* table = node.as_table();
    if (!table || table->empty()) {
      fail(where, "must be a table of name = code");
      return out;
    }
    std::vector<std::uint16_t> seen;
    for (const auto& [name, value] : *table) {
      const auto code = number(Node(value), fmt::format("{}.{}", where, name.str()));
      if (std::find(seen.begin(), seen.end(), code) != seen.end()) {
        fail(where, fmt::format("gives code {} to two names", code));
      }
      seen.push_back(code);
      out.emplace(std::string(name.str()), code);
    }
    return out;
  }

  CodeNames codeNames(Node node, const std::string& where) {
    CodeNames out;
    for (const auto& [name, code] : codes(node, where)) out.emplace(code, name);
    return out;
  }

  /// The code of each of `names` in a table that must name them all.
  template <typename E, std::size_t N>
  std::map<E, std::uint16_t> namedCodes(Node node, const std::string& where,
                                        const std::pair<E, const char*> (&names)[N]) {
    const auto table = codes(node, where);
    std::map<E, std::uint16_t> out;
    for (const auto& [value, name] : names) {
      const auto it = table.find(std::string_view(name));
      if (it == table.end()) {
        fail(where, fmt::format("has no code for {}", name));
        continue;
      }
      out.emplace(value, it->second);
    }
    return out;
  }

  Node operator[](std::string_view section) const { return root_[section]; }

 private:
  const toml::table& root_;
  std::string source_;
  std::optional<SimError> error_;
  ByteOrder byteOrder_ = ByteOrder::HighFirst;
};

WindowDisplayLayout readWindowDisplay(ProfileReader& r) {
  WindowDisplayLayout m;
  m.text = r.text(r["text"], "[text]");
  m.colour = r.number("registers", "colour");
  m.blink = r.number("registers", "blink");
  m.brightness = r.number("registers", "brightness");
  m.contentSeq = r.optionalNumber("registers", "content_seq");
  m.colours = r.codeNames(r["values"]["colour"], "[values].colour");
  return m;
}

MainStripLayout readMainStrip(ProfileReader& r) {
  MainStripLayout m;
  // The lines follow one another: line n starts n areas after the first.
  const TextField first = r.text(r["lines"], "[lines]");
  const std::uint16_t count = r.number("lines", "count");
  if (count == 0) r.fail("[lines].count", "must be at least 1");
  for (std::uint32_t i = 0; i < count && !r.error(); ++i) {
    const std::uint32_t address = first.address + i * first.registers;
    if (address + first.registers > 0x10000) {
      r.fail("[lines]", "run past register 0xffff");
      break;
    }
    m.lines.push_back(TextField{static_cast<std::uint16_t>(address), first.registers, first.encoding, first.byteOrder});
  }
  m.notice = r.text(r["notice"], "[notice]");
  m.scroll = r.number("registers", "scroll");
  m.scrollSpeed = r.number("registers", "scroll_speed");
  m.brightness = r.number("registers", "brightness");
  m.contentSeq = r.optionalNumber("registers", "content_seq");
  m.scrollModes = r.codeNames(r["values"]["scroll"], "[values].scroll");
  return m;
}

KeypadLayout readKeypad(ProfileReader& r) {
  KeypadLayout m;
  m.fifoCount = r.number("fifo", "count");
  m.fifoFirstEntry = r.number("fifo", "first_entry");
  m.fifoDepth = r.number("fifo", "depth");
  m.ack = r.number("fifo", "ack");
  if (!r.error() && m.fifoDepth == 0) r.fail("[fifo].depth", "must be at least 1");
  m.currentNumber = r.text(r["display"]["current_number"], "[display].current_number");
  m.waitingCount = r.number("display", "waiting_count");
  m.keys = r.codes(r["keys"], "[keys]");
  return m;
}

EvalPadLayout readEvalPad(ProfileReader& r) {
  EvalPadLayout m;
  m.ticket = r.text(r["prompt"]["ticket"], "[prompt].ticket");
  m.clerkNumber = r.text(r["prompt"]["clerk_number"], "[prompt].clerk_number");
  m.clerkName = r.text(r["prompt"]["clerk_name"], "[prompt].clerk_name");
  m.timeoutSeconds = r.number("prompt", "timeout_seconds");
  m.command = r.number("prompt", "command");
  m.state = r.number("status", "state");
  m.rating = r.number("status", "rating");
  m.ratingSeq = r.number("status", "rating_seq");
  const auto commands = r.codes(r["values"]["command"], "[values].command");
  for (const auto* name : {"prompt", "cancel"}) {
    if (!commands.contains(std::string_view(name))) r.fail("[values].command", fmt::format("has no code for {}", name));
  }
  if (!r.error()) {
    m.promptCode = commands.find(std::string_view("prompt"))->second;
    m.cancelCode = commands.find(std::string_view("cancel"))->second;
  }
  m.stateCodes = r.namedCodes(r["values"]["state"], "[values].state", kPadStates);
  m.ratingCodes = r.namedCodes(r["values"]["rating"], "[values].rating", kRatings);
  if (!r.error() && std::any_of(m.ratingCodes.begin(), m.ratingCodes.end(),
                                [](const auto& rc) { return rc.second == 0; })) {
    r.fail("[values].rating", "uses 0, which the rating register holds until a rating is accepted");
  }
  return m;
}

// One past the last register of each field: the device's register file ends at the largest.
std::uint32_t endOf(const TextField& f) { return std::uint32_t{f.address} + f.registers; }
std::uint32_t endOf(std::uint16_t address) { return std::uint32_t{address} + 1; }
std::uint32_t endOf(std::optional<std::uint16_t> address) { return address ? endOf(*address) : 0; }

std::uint32_t registerCount(const DeviceLayout& layout) {
  std::vector<std::uint32_t> ends;
  if (const auto* d = std::get_if<WindowDisplayLayout>(&layout)) {
    ends = {endOf(d->text), endOf(d->colour), endOf(d->blink), endOf(d->brightness), endOf(d->contentSeq)};
  } else if (const auto* s = std::get_if<MainStripLayout>(&layout)) {
    ends = {endOf(s->notice), endOf(s->scroll), endOf(s->scrollSpeed), endOf(s->brightness), endOf(s->contentSeq)};
    for (const auto& line : s->lines) ends.push_back(endOf(line));
  } else if (const auto* k = std::get_if<KeypadLayout>(&layout)) {
    ends = {endOf(k->fifoCount), std::uint32_t{k->fifoFirstEntry} + 2u * k->fifoDepth, endOf(k->ack),
            endOf(k->currentNumber), endOf(k->waitingCount)};
  } else {
    const auto& p = std::get<EvalPadLayout>(layout);
    ends = {endOf(p.ticket), endOf(p.clerkNumber), endOf(p.clerkName), endOf(p.timeoutSeconds),
            endOf(p.command), endOf(p.state), endOf(p.rating), endOf(p.ratingSeq)};
  }
  return *std::max_element(ends.begin(), ends.end());
}

}  // namespace

SimResult<DeviceProfile> parseDeviceProfile(std::string_view tomlText, std::string_view source) {
  toml::table root;
  try {
    root = toml::parse(tomlText, source);
  } catch (const toml::parse_error& e) {
    return SimError{fmt::format("{}:{}: {}", source, e.source().begin.line, e.description())};
  }
  ProfileReader r(root, source);
  DeviceProfile profile;
  profile.protocol = r.protocol();  // first: its byte order applies to every text field
  profile.name = root["name"].value_or(std::string{});
  if (profile.name.empty()) r.fail("name", "is missing");
  const auto kind = root["kind"].value_or(std::string{});
  if (kind == "window_display") {
    profile.layout = readWindowDisplay(r);
  } else if (kind == "main_strip") {
    profile.layout = readMainStrip(r);
  } else if (kind == "keypad") {
    profile.layout = readKeypad(r);
  } else if (kind == "eval_pad") {
    profile.layout = readEvalPad(r);
  } else {
    r.fail("kind", "must be window_display, main_strip, keypad or eval_pad");
  }
  if (r.error()) return *r.error();
  profile.registerCount = registerCount(profile.layout);
  if (profile.registerCount > 0x10000) return SimError{fmt::format("{}: a field runs past register 0xffff", source)};
  return profile;
}

SimResult<DeviceProfile> loadDeviceProfile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return SimError{fmt::format("{}: cannot be opened", file.string())};
  std::stringstream text;
  text << in.rdbuf();
  return parseDeviceProfile(text.str(), file.string());
}

namespace {

// The `name = "…"` of a file that did not parse as a whole, else its stem: the name a hall
// would use to ask for it.
std::string nameInBrokenFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  static const std::regex nameLine(R"re(^\s*name\s*=\s*"([^"]+)"\s*(#.*)?$)re");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.find('[') != std::string::npos && line.find('=') == std::string::npos) break;
    std::smatch m;
    if (std::regex_match(line, m, nameLine)) return m[1].str();
  }
  return file.stem().string();
}

}  // namespace

std::optional<SimError> DeviceProfiles::loadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) return SimError{fmt::format("{}: cannot list profiles: {}", dir.string(), ec.message())};
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto profile = loadDeviceProfile(file);
    if (!profile) {
      broken_.push_back({file, nameInBrokenFile(file), profile.error().message});
      continue;
    }
    add(std::move(profile).value());
  }
  return std::nullopt;
}

const BrokenProfile* DeviceProfiles::brokenFor(std::string_view name) const {
  const BrokenProfile* last = nullptr;
  for (const auto& b : broken_)
    if (b.name == name) last = &b;
  return last;
}

void DeviceProfiles::add(DeviceProfile profile) {
  auto name = profile.name;
  byName_.insert_or_assign(std::move(name), std::move(profile));
}

const DeviceProfile* DeviceProfiles::find(std::string_view name) const {
  const auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : &it->second;
}

std::filesystem::path builtinProfileDir() {
  if (const char* dir = std::getenv("JIUJIN_PROFILE_DIR"); dir && *dir) return dir;
  if (auto installed = base::installedDataDir()) return *installed / "profiles";
  return JIUJIN_SIM_PROFILE_DIR;
}

const char* toString(DeviceKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "unknown";
}

const char* toString(PadState state) {
  for (const auto& [s, name] : kPadStates) {
    if (s == state) return name;
  }
  return "unknown";
}

std::optional<Rating> ratingFromNumber(int number) {
  if (number < 1 || number > 5) return std::nullopt;
  return static_cast<Rating>(number);
}

int ratingNumber(Rating rating) { return static_cast<int>(rating); }

}  // namespace jiujin::devices::sim
