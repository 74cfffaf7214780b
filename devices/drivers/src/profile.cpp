#include "jiujin/devices/drivers/profile.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "jiujin/base/installed_data.hpp"
#include "jiujin/devices/drivers/call_text.hpp"
#include "jiujin/devices/drivers/registers.hpp"

namespace jiujin::devices::drivers {
namespace {

template <typename E>
struct Named {
  E value;
  const char* name;
};

constexpr Named<DeviceKind> kKinds[] = {{DeviceKind::WindowDisplay, "window_display"},
                                        {DeviceKind::MainStrip, "main_strip"},
                                        {DeviceKind::Keypad, "keypad"},
                                        {DeviceKind::EvalPad, "eval_pad"}};
constexpr Named<Colour> kColours[] = {
    {Colour::Red, "red"}, {Colour::Green, "green"}, {Colour::Yellow, "yellow"}};
constexpr Named<ScrollMode> kScrollModes[] = {{ScrollMode::Still, "still"},
                                              {ScrollMode::Scrolling, "scrolling"}};
constexpr Named<Key> kKeys[] = {{Key::CallNext, "call_next"},
                                {Key::Recall, "recall"},
                                {Key::Start, "start"},
                                {Key::Complete, "complete"},
                                {Key::NoShow, "no_show"},
                                {Key::Transfer, "transfer"},
                                {Key::PauseResume, "pause_resume"},
                                {Key::RequestEvaluation, "request_evaluation"}};
constexpr Named<PadState> kPadStates[] = {{PadState::Idle, "idle"},
                                          {PadState::Prompting, "prompting"},
                                          {PadState::Rated, "rated"},
                                          {PadState::TimedOut, "timed_out"}};
constexpr Named<PadCommand> kPadCommands[] = {{PadCommand::Prompt, "prompt"},
                                              {PadCommand::Cancel, "cancel"}};
constexpr Named<Rating> kRatings[] = {{Rating::VerySatisfied, "very_satisfied"},
                                      {Rating::Satisfied, "satisfied"},
                                      {Rating::Basic, "basic"},
                                      {Rating::Dissatisfied, "dissatisfied"},
                                      {Rating::VeryDissatisfied, "very_dissatisfied"}};

template <typename E, std::size_t N>
const char* nameOf(const Named<E> (&table)[N], E value) {
  for (const auto& n : table) {
    if (n.value == value) return n.name;
  }
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const Named<E> (&table)[N], std::string_view name) {
  for (const auto& n : table) {
    if (name == n.name) return n.value;
  }
  return std::nullopt;
}

// Where in the file a problem is: the deepest node of `where` ("[display].current_number.registers",
// "[values].colour.green", "kind") that is written; line 1 when none is.
std::pair<int, int> locate(const toml::table& root, std::string_view where) {
  std::vector<std::string> path;
  std::string part;
  for (const char c : where) {
    if (c == '[' || c == ']' || c == '.') {
      if (!part.empty()) path.push_back(std::move(part));
      part.clear();
    } else {
      part.push_back(c);
    }
  }
  if (!part.empty()) path.push_back(std::move(part));
  const toml::node* found = nullptr;
  const toml::table* table = &root;
  for (const auto& key : path) {
    const toml::node* node = table ? table->get(key) : nullptr;
    if (!node) break;
    found = node;
    table = node->as_table();
  }
  if (!found || found->source().begin.line == 0) return {1, 1};
  return {static_cast<int>(found->source().begin.line), static_cast<int>(found->source().begin.column)};
}

// Where a field of describeRegisters() is written: its own section ([text], [notice]) or the
// key of that name in any section.
std::pair<int, int> locateField(const toml::table& root, std::string_view field) {
  if (field.starts_with("line ")) return locate(root, "[lines]");
  const std::string key = field == "fifo_entries" ? "first_entry" : field == "fifo_count" ? "count" : std::string(field);
  if (root.get(key)) return locate(root, "[" + key + "]");
  for (auto&& [name, node] : root) {
    if (const auto* table = node.as_table(); table && table->get(key))
      return locate(root, fmt::format("[{}].{}", name.str(), key));
  }
  return {1, 1};
}

// Reads a profile table, keeping the first problem with the path where it was found.
class Reader {
 public:
  Reader(const toml::table& root, std::string_view source) : root_(root), source_(source) {}

  const std::optional<CodecError>& error() const { return error_; }

  std::uint16_t reg(std::string_view section, std::string_view key) {
    return u16(root_[section][key], fmt::format("[{}].{}", section, key));
  }

  TextArea text(toml::node_view<const toml::node> node, const std::string& where) {
    TextArea area;
    area.address = u16(node["address"], where + ".address");
    area.registers = u16(node["registers"], where + ".registers");
    area.encoding = encoding(node["encoding"], where + ".encoding");
    area.byteOrder = byteOrder_;
    if (!error_ && (area.registers == 0 || area.registers > kMaxRegistersPerWrite)) {
      fail(where + ".registers", fmt::format("must be 1..{}", kMaxRegistersPerWrite));
    }
    return area;
  }

  TextArea text(std::string_view section) { return text(root_[section], fmt::format("[{}]", section)); }

  /// An area that shows ticket numbers must hold the longest one whole (A9999 with a
  /// two-letter prefix): a number cut short would send a resident to the wrong window.
  void holdsTicketNumber(const TextArea& area, const std::string& where) {
    if (error_) return;
    const auto bytes = textBytes(kLongestTicketNumber, area.encoding);
    if (bytes && bytes.value().size() > byteCapacity(area.encoding, area.registers)) {
      fail(where + ".registers", fmt::format("{} {} registers cannot show the ticket number {} ({} bytes)",
                                             toString(area.encoding), area.registers, kLongestTicketNumber,
                                             bytes.value().size()));
    }
  }

  /// An area that shows calls must hold some wording of the longest call whole: the number
  /// and the window are never cut (call_text.hpp).
  void holdsCall(const TextArea& area, const std::string& where) {
    if (error_) return;
    if (fitText(callText(kLongestTicketNumber, kHighestWindow), area)) return;
    const std::string shortest = callWordings(kLongestTicketNumber, kHighestWindow)[3];
    fail(where + ".registers", fmt::format("{} {} registers cannot show the call \"{}\" (nor \"{}\")",
                                           toString(area.encoding), area.registers, shortest,
                                           callWordings(kLongestTicketNumber, kHighestWindow).back()));
  }

  TextEncoding encoding(toml::node_view<const toml::node> node, const std::string& where) {
    const auto s = node.value<std::string>();
    for (const auto e : {TextEncoding::Gb18030, TextEncoding::Utf16Be, TextEncoding::Utf16Le, TextEncoding::Ascii})
      if (s == toString(e)) return e;
    fail(where, "must be \"gb18030\", \"utf16\", \"utf16le\" or \"ascii\"");
    return TextEncoding::Gb18030;
  }

  template <typename E, std::size_t N>
  std::map<E, std::uint16_t> codes(std::string_view section, std::string_view key,
                                   const Named<E> (&table)[N]) {
    const std::string where = key.empty() ? fmt::format("[{}]", section)
                                          : fmt::format("[{}].{}", section, key);
    auto node = key.empty() ? root_[section] : root_[section][key];
    std::map<E, std::uint16_t> out;
    if (!node.is_table()) {
      fail(where, "missing table of codes");
      return out;
    }
    for (const auto& [name, value] : *node.as_table()) {
      const auto e = valueOf(table, name.str());
      if (!e) {
        fail(fmt::format("{}.{}", where, name.str()), "is not a known name");
        continue;
      }
      out[*e] = u16(toml::node_view<const toml::node>(value), fmt::format("{}.{}", where, name.str()));
    }
    for (const auto& n : table) {
      if (!out.contains(n.value)) fail(where, fmt::format("has no code for {}", n.name));
    }
    std::vector<std::uint16_t> seen;
    for (const auto& [e, code] : out) seen.push_back(code);
    std::sort(seen.begin(), seen.end());
    if (std::adjacent_find(seen.begin(), seen.end()) != seen.end()) {
      fail(where, "gives two names the same code");
    }
    return out;
  }

  /// [protocol]: every key optional (the defaults are the reference devices').
  WireProtocol protocol() {
    WireProtocol p;
    const auto section = root_["protocol"];
    if (!section) return p;
    if (section["write_function"]) {
      const auto f = u16(section["write_function"], "[protocol].write_function");
      if (f != 0x06 && f != 0x10) fail("[protocol].write_function", "must be 0x06 or 0x10 (6 or 16)");
      p.writeFunction = static_cast<std::uint8_t>(f);
    }
    if (section["max_frame_registers"]) {
      p.maxFrameRegisters = u16(section["max_frame_registers"], "[protocol].max_frame_registers");
      if (p.maxFrameRegisters < 1 || p.maxFrameRegisters > kMaxRegistersPerWrite)
        fail("[protocol].max_frame_registers", fmt::format("must be 1..{}", kMaxRegistersPerWrite));
    }
    if (section["turnaround_ms"]) {
      p.turnaround = std::chrono::milliseconds(u16(section["turnaround_ms"], "[protocol].turnaround_ms"));
      if (p.turnaround > std::chrono::milliseconds(5000)) fail("[protocol].turnaround_ms", "must be 0..5000");
    }
    if (section["inter_frame_delay_ms"]) {
      p.interFrameDelay = std::chrono::milliseconds(u16(section["inter_frame_delay_ms"], "[protocol].inter_frame_delay_ms"));
      if (p.interFrameDelay > std::chrono::milliseconds(1000)) fail("[protocol].inter_frame_delay_ms", "must be 0..1000");
    }
    if (section["byte_order"]) {
      const auto order = section["byte_order"].value<std::string>();
      if (order == "high_first") {
        byteOrder_ = ByteOrder::HighFirst;
      } else if (order == "low_first") {
        byteOrder_ = ByteOrder::LowFirst;
      } else {
        fail("[protocol].byte_order", "must be \"high_first\" or \"low_first\"");
      }
    }
    if (const auto* table = section.as_table()) {
      for (auto&& [key, value] : *table) {
        const auto k = key.str();
        if (k != "write_function" && k != "max_frame_registers" && k != "turnaround_ms" &&
            k != "inter_frame_delay_ms" && k != "byte_order")
          fail(fmt::format("[protocol].{}", k), "is not a known key");
      }
    }
    return p;
  }

  /// A register that a layout may leave out (a display without a commit register).
  std::optional<std::uint16_t> optionalReg(std::string_view section, std::string_view key) {
    if (!root_[section][key]) return std::nullopt;
    return reg(section, key);
  }

  std::uint16_t u16(toml::node_view<const toml::node> node, const std::string& where) {
    const auto v = node.value<std::int64_t>();
    if (!v) {
      fail(where, "missing or not an integer");
      return 0;
    }
    if (*v < 0 || *v > 0xFFFF) {
      fail(where, fmt::format("{} is outside 0..65535", *v));
      return 0;
    }
    return static_cast<std::uint16_t>(*v);
  }

  void fail(const std::string& where, const std::string& why) {
    if (error_) return;
    const auto [line, column] = locate(root_, where);
    error_ = CodecError{CodecErrorCode::InvalidProfile, fmt::format("{}:{}: {} {}", source_, line, where, why), line,
                        column};
  }

 private:
  const toml::table& root_;
  std::string source_;
  std::optional<CodecError> error_;
  ByteOrder byteOrder_ = ByteOrder::HighFirst;
};

WindowDisplayMap readWindowDisplay(Reader& r) {
  WindowDisplayMap m;
  m.text = r.text("text");
  r.holdsCall(m.text, "[text]");
  m.colour = r.reg("registers", "colour");
  m.blink = r.reg("registers", "blink");
  m.brightness = r.reg("registers", "brightness");
  m.contentSeq = r.optionalReg("registers", "content_seq");
  m.brightnessMax = r.reg("values", "brightness_max");
  m.colourValues = r.codes("values", "colour", kColours);
  return m;
}

MainStripMap readMainStrip(Reader& r, const toml::table& root) {
  MainStripMap m;
  const TextArea first = r.text(root["lines"], "[lines]");
  r.holdsCall(first, "[lines]");
  const std::uint16_t count = r.reg("lines", "count");
  if (count == 0 || count > 16) r.fail("[lines].count", "must be 1..16");
  for (std::uint16_t i = 0; i < count && !r.error(); ++i) {
    m.lines.push_back(TextArea{static_cast<std::uint16_t>(first.address + i * first.registers),
                               first.registers, first.encoding});
  }
  m.notice = r.text("notice");
  m.scroll = r.reg("registers", "scroll");
  m.scrollSpeed = r.reg("registers", "scroll_speed");
  m.brightness = r.reg("registers", "brightness");
  m.contentSeq = r.optionalReg("registers", "content_seq");
  m.brightnessMax = r.reg("values", "brightness_max");
  m.scrollValues = r.codes("values", "scroll", kScrollModes);
  return m;
}

KeypadMap readKeypad(Reader& r, const toml::table& root) {
  KeypadMap m;
  m.fifoCount = r.reg("fifo", "count");
  m.fifoFirstEntry = r.reg("fifo", "first_entry");
  m.fifoDepth = r.reg("fifo", "depth");
  m.ack = r.reg("fifo", "ack");
  if (m.fifoDepth == 0 || 1 + 2 * m.fifoDepth > kMaxRegistersPerRead) {
    r.fail("[fifo].depth", "must let count and entries fit one read (1..62)");
  }
  m.currentNumber = r.text(root["display"]["current_number"], "[display].current_number");
  r.holdsTicketNumber(m.currentNumber, "[display].current_number");
  m.waitingCount = r.reg("display", "waiting_count");
  auto codes = r.codes("keys", "", kKeys);
  m.keyCodes = std::move(codes);
  return m;
}

EvalPadMap readEvalPad(Reader& r, const toml::table& root) {
  EvalPadMap m;
  m.ticket = r.text(root["prompt"]["ticket"], "[prompt].ticket");
  r.holdsTicketNumber(m.ticket, "[prompt].ticket");
  m.clerkNumber = r.text(root["prompt"]["clerk_number"], "[prompt].clerk_number");
  m.clerkName = r.text(root["prompt"]["clerk_name"], "[prompt].clerk_name");
  m.timeoutSeconds = r.reg("prompt", "timeout_seconds");
  m.command = r.reg("prompt", "command");
  m.state = r.reg("status", "state");
  m.rating = r.reg("status", "rating");
  m.ratingSeq = r.reg("status", "rating_seq");
  m.commandValues = r.codes("values", "command", kPadCommands);
  m.stateValues = r.codes("values", "state", kPadStates);
  m.ratingValues = r.codes("values", "rating", kRatings);
  return m;
}

std::optional<CodecError> checkNoOverlap(const Profile& p, std::string_view source, const toml::table& root) {
  auto fields = describeRegisters(p);
  std::sort(fields.begin(), fields.end(),
            [](const FieldSpan& a, const FieldSpan& b) { return a.address < b.address; });
  for (std::size_t i = 1; i < fields.size(); ++i) {
    const auto& prev = fields[i - 1];
    if (prev.address + prev.count > fields[i].address) {
      const auto at = locateField(root, fields[i].name);
      return CodecError{CodecErrorCode::InvalidProfile,
                        fmt::format("{}:{}: {} (at {:#06x}) overlaps {} (at {:#06x}+{})", source, at.first,
                                    fields[i].name, fields[i].address, prev.name, prev.address, prev.count),
                        at.first, at.second};
    }
    if (fields[i].address + fields[i].count > 0x10000) {
      const auto at = locateField(root, fields[i].name);
      return CodecError{CodecErrorCode::InvalidProfile,
                        fmt::format("{}:{}: {} runs past register 0xffff", source, at.first, fields[i].name), at.first,
                        at.second};
    }
  }
  return std::nullopt;
}

// The reads the gateway makes (a keypad's FIFO, a pad's status) must fit one frame of the
// device; writes are split to fit.
std::optional<CodecError> checkFrameSize(const Profile& p, std::string_view source, const toml::table& root) {
  int read = 1;
  const char* what = "";
  if (const auto* k = std::get_if<KeypadMap>(&p.map)) {
    read = std::max<int>(k->fifoCount + 1, k->fifoFirstEntry + 2 * k->fifoDepth) - std::min(k->fifoCount, k->fifoFirstEntry);
    what = "the keypad's FIFO read";
  } else if (const auto* e = std::get_if<EvalPadMap>(&p.map)) {
    read = std::max({e->state, e->rating, e->ratingSeq}) - std::min({e->state, e->rating, e->ratingSeq}) + 1;
    what = "the pad's status read";
  }
  if (read <= p.protocol.maxFrameRegisters) return std::nullopt;
  const auto at = locate(root, "[protocol].max_frame_registers");
  return CodecError{CodecErrorCode::InvalidProfile,
                    fmt::format("{}:{}: [protocol].max_frame_registers {} is less than {} ({} registers)", source,
                                at.first, p.protocol.maxFrameRegisters, what, read),
                    at.first, at.second};
}

void addText(std::vector<FieldSpan>& out, std::string name, const TextArea& area) {
  out.push_back({std::move(name), area.address, area.registers, toString(area.encoding)});
}

}  // namespace

std::vector<FieldSpan> describeRegisters(const Profile& profile) {
  std::vector<FieldSpan> out;
  if (const auto* m = std::get_if<WindowDisplayMap>(&profile.map)) {
    addText(out, "text", m->text);
    out.push_back({"colour", m->colour, 1, "enum"});
    out.push_back({"blink", m->blink, 1, "u16"});
    out.push_back({"brightness", m->brightness, 1, "u16"});
    if (m->contentSeq) out.push_back({"content_seq", *m->contentSeq, 1, "u16"});
  } else if (const auto* s = std::get_if<MainStripMap>(&profile.map)) {
    for (std::size_t i = 0; i < s->lines.size(); ++i) {
      addText(out, fmt::format("line {}", i + 1), s->lines[i]);
    }
    addText(out, "notice", s->notice);
    out.push_back({"scroll", s->scroll, 1, "enum"});
    out.push_back({"scroll_speed", s->scrollSpeed, 1, "u16"});
    out.push_back({"brightness", s->brightness, 1, "u16"});
    if (s->contentSeq) out.push_back({"content_seq", *s->contentSeq, 1, "u16"});
  } else if (const auto* k = std::get_if<KeypadMap>(&profile.map)) {
    out.push_back({"fifo_count", k->fifoCount, 1, "u16"});
    out.push_back({"fifo_entries", k->fifoFirstEntry, static_cast<std::uint16_t>(2 * k->fifoDepth),
                   "{seq u16, key enum}"});
    out.push_back({"ack", k->ack, 1, "u16"});
    addText(out, "current_number", k->currentNumber);
    out.push_back({"waiting_count", k->waitingCount, 1, "u16"});
  } else {
    const auto& e = std::get<EvalPadMap>(profile.map);
    addText(out, "ticket", e.ticket);
    addText(out, "clerk_number", e.clerkNumber);
    addText(out, "clerk_name", e.clerkName);
    out.push_back({"timeout_seconds", e.timeoutSeconds, 1, "u16"});
    out.push_back({"command", e.command, 1, "enum"});
    out.push_back({"state", e.state, 1, "enum"});
    out.push_back({"rating", e.rating, 1, "enum"});
    out.push_back({"rating_seq", e.ratingSeq, 1, "u16"});
  }
  return out;
}

std::uint32_t registerSpan(const Profile& profile) {
  std::uint32_t span = 0;
  for (const auto& f : describeRegisters(profile)) {
    span = std::max<std::uint32_t>(span, std::uint32_t{f.address} + f.count);
  }
  return span;
}

Expected<Profile> parseProfile(std::string_view tomlText, std::string_view source) {
  toml::table root;
  try {
    root = toml::parse(tomlText, source);
  } catch (const toml::parse_error& e) {
    return CodecError{CodecErrorCode::InvalidProfile,
                      fmt::format("{}:{}: {}", source, e.source().begin.line, e.description()),
                      static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)};
  }
  Reader r(root, source);
  Profile p;
  p.protocol = r.protocol();  // first: its byte order applies to every text area
  p.name = root["name"].value_or(std::string{});
  p.description = root["description"].value_or(std::string{});
  if (p.name.empty()) r.fail("name", "is missing");
  const auto kind = deviceKindFromString(root["kind"].value_or(std::string{}));
  if (!kind) {
    r.fail("kind", "must be window_display, main_strip, keypad or eval_pad");
  } else {
    switch (*kind) {
      case DeviceKind::WindowDisplay: p.map = readWindowDisplay(r); break;
      case DeviceKind::MainStrip: p.map = readMainStrip(r, root); break;
      case DeviceKind::Keypad: p.map = readKeypad(r, root); break;
      case DeviceKind::EvalPad: p.map = readEvalPad(r, root); break;
    }
  }
  if (r.error()) return *r.error();
  if (auto overlap = checkNoOverlap(p, source, root)) return *overlap;
  if (auto frames = checkFrameSize(p, source, root)) return *frames;
  return p;
}

Expected<Profile> loadProfile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return CodecError{CodecErrorCode::InvalidProfile,
                      fmt::format("{}: cannot be opened", file.string())};
  }
  std::stringstream text;
  text << in.rdbuf();
  return parseProfile(text.str(), file.string());
}

std::optional<CodecError> ProfileLibrary::loadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) {
    return CodecError{CodecErrorCode::InvalidProfile,
                      fmt::format("{}: cannot list profiles: {}", dir.string(), ec.message())};
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto profile = loadProfile(file);
    if (profile) {
      add(std::move(profile).value());
      continue;
    }
    // A broken file is set aside, not fatal: it matters only to a hall device that names it.
    const auto& error = profile.error();
    const auto where = fmt::format("{}:{}: ", file.string(), error.line);
    std::string reason = error.message.starts_with(where) ? error.message.substr(where.size()) : error.message;
    problems_.push_back(ProfileProblem{file, nameInFile(file), error.line, error.column, error.message, std::move(reason)});
  }
  return std::nullopt;
}

std::string ProfileLibrary::nameInFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  try {
    const auto root = toml::parse(text.str(), file.string());
    if (const auto name = root["name"].value<std::string>(); name && !name->empty()) return *name;
  } catch (const toml::parse_error&) {
  }
  return file.stem().string();  // profiles are named like their files
}

const ProfileProblem* ProfileLibrary::problemFor(std::string_view name) const {
  for (const auto& problem : problems_)
    if (problem.name == name) return &problem;
  return nullptr;
}

void ProfileLibrary::add(Profile profile) {
  auto name = profile.name;
  byName_.insert_or_assign(std::move(name), std::move(profile));
}

const Profile* ProfileLibrary::find(std::string_view name) const {
  const auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : &it->second;
}

std::vector<std::string> ProfileLibrary::names() const {
  std::vector<std::string> out;
  for (const auto& [name, profile] : byName_) out.push_back(name);
  return out;
}

std::filesystem::path builtinProfileDir() {
  if (const char* dir = std::getenv("JIUJIN_PROFILE_DIR"); dir && *dir) return dir;
  if (auto installed = base::installedDataDir()) return *installed / "profiles";
  return JIUJIN_BUILTIN_PROFILE_DIR;
}

const char* toString(DeviceKind kind) { return nameOf(kKinds, kind); }
std::optional<DeviceKind> deviceKindFromString(std::string_view name) { return valueOf(kKinds, name); }
const char* toString(Colour colour) { return nameOf(kColours, colour); }
const char* toString(Key key) { return key == Key::Unknown ? "unknown" : nameOf(kKeys, key); }
std::optional<Key> keyFromString(std::string_view name) { return valueOf(kKeys, name); }
const char* toString(PadState state) { return nameOf(kPadStates, state); }
const char* toString(Rating rating) { return nameOf(kRatings, rating); }

int ratingNumber(Rating rating) { return static_cast<int>(rating) + 1; }

std::optional<Rating> ratingFromNumber(int number) {
  if (number < 1 || number > 5) return std::nullopt;
  return static_cast<Rating>(number - 1);
}

const char* ratingLabel(Rating rating) {
  switch (rating) {
    case Rating::VerySatisfied: return "非常满意";
    case Rating::Satisfied: return "满意";
    case Rating::Basic: return "基本满意";
    case Rating::Dissatisfied: return "不满意";
    case Rating::VeryDissatisfied: return "非常不满意";
  }
  return "";
}

}  // namespace jiujin::devices::drivers
