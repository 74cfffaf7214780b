#include "jiujin/devices/sim/emulated_displays.hpp"

#include <fmt/format.h>

namespace jiujin::devices::sim {
namespace {

// The name the profile gives a code, or why the device cannot show it.
SimResult<std::string> nameOf(const CodeNames& names, std::uint16_t code, const char* field) {
  const auto it = names.find(code);
  if (it == names.end()) return SimError{fmt::format("{} code {} is not in the profile", field, code)};
  return it->second;
}

}  // namespace

EmulatedWindowDisplay::EmulatedWindowDisplay(std::string id, std::uint8_t address, DeviceProfile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      layout_(std::get<WindowDisplayLayout>(this->profile().layout)) {}

SimResult<WindowShown> EmulatedWindowDisplay::readContent() const {
  auto text = textIn(layout_.text);
  if (!text) return text.error();
  auto colour = nameOf(layout_.colours, registerAt(layout_.colour), "colour");
  if (!colour) return colour.error();
  return WindowShown{WindowContent{std::move(text).value(), std::move(colour).value(),
                                   registerAt(layout_.blink) != 0, registerAt(layout_.brightness)},
                     layout_.contentSeq ? registerAt(*layout_.contentSeq) : std::uint16_t{0}};
}

void EmulatedWindowDisplay::afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point) {
  // With a commit register the content shows when it is written; without one every write
  // shows at once (a text still half written keeps what was shown before).
  if (layout_.contentSeq && !touches(first, count, *layout_.contentSeq)) return;
  auto shown = readContent();
  if (shown) {
    shown_ = std::move(shown).value();
    unreadable_.clear();
  } else if (layout_.contentSeq) {
    unreadable_ = shown.error().message;
  }
}

std::string EmulatedWindowDisplay::describe(SimClock::time_point) { return describeShown(); }

std::string EmulatedWindowDisplay::describeShown() const {
  if (!unreadable_.empty()) return fmt::format("unreadable={}", quotedText(unreadable_));
  if (!shown_) return "text=\"\" lit=0";
  const auto& c = shown_->content;
  return fmt::format("text={} colour={} blink={} brightness={} seq={}", quotedText(c.text), c.colour,
                     c.blink ? 1 : 0, c.brightness, shown_->contentSeq);
}

void EmulatedWindowDisplay::powerCycle() {
  EmulatedDevice::powerCycle();
  shown_.reset();
  unreadable_.clear();
}

EmulatedMainStrip::EmulatedMainStrip(std::string id, std::uint8_t address, DeviceProfile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      layout_(std::get<MainStripLayout>(this->profile().layout)) {}

SimResult<StripShown> EmulatedMainStrip::readContent() const {
  StripShown shown;
  for (const auto& line : layout_.lines) {
    auto text = textIn(line);
    if (!text) return text.error();
    shown.content.lines.push_back(std::move(text).value());
  }
  auto notice = textIn(layout_.notice);
  if (!notice) return notice.error();
  shown.content.notice = std::move(notice).value();
  auto scroll = nameOf(layout_.scrollModes, registerAt(layout_.scroll), "scroll");
  if (!scroll) return scroll.error();
  shown.content.scroll = std::move(scroll).value();
  shown.content.scrollSpeed = registerAt(layout_.scrollSpeed);
  shown.content.brightness = registerAt(layout_.brightness);
  shown.contentSeq = layout_.contentSeq ? registerAt(*layout_.contentSeq) : std::uint16_t{0};
  return shown;
}

void EmulatedMainStrip::afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point) {
  // With a commit register the content shows when it is written; without one every write
  // shows at once (a text still half written keeps what was shown before).
  if (layout_.contentSeq && !touches(first, count, *layout_.contentSeq)) return;
  auto shown = readContent();
  if (shown) {
    shown_ = std::move(shown).value();
    unreadable_.clear();
  } else if (layout_.contentSeq) {
    unreadable_ = shown.error().message;
  }
}

std::string EmulatedMainStrip::describe(SimClock::time_point) { return describeShown(); }

std::string EmulatedMainStrip::describeShown() const {
  if (!unreadable_.empty()) return fmt::format("unreadable={}", quotedText(unreadable_));
  if (!shown_) return "lit=0";
  std::string out;
  for (std::size_t i = 0; i < shown_->content.lines.size(); ++i) {
    out += fmt::format("line{}={} ", i + 1, quotedText(shown_->content.lines[i]));
  }
  const auto& c = shown_->content;
  out += fmt::format("notice={} scroll={} brightness={} seq={}", quotedText(c.notice), c.scroll,
                     c.brightness, shown_->contentSeq);
  return out;
}

void EmulatedMainStrip::powerCycle() {
  EmulatedDevice::powerCycle();
  shown_.reset();
  unreadable_.clear();
}

}  // namespace jiujin::devices::sim
