#include "jiujin/devices/sim/emulated_displays.hpp"

#include <fmt/format.h>

namespace jiujin::devices::sim {

using namespace drivers;

EmulatedWindowDisplay::EmulatedWindowDisplay(std::string id, std::uint8_t address, Profile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      map_(std::get<WindowDisplayMap>(this->profile().map)) {}

void EmulatedWindowDisplay::afterWrite(std::uint16_t first, std::uint16_t count,
                                       SimClock::time_point) {
  if (!touches(first, count, map_.contentSeq)) return;
  auto shown = decodeWindowContent(registers(), map_);
  if (shown) {
    shown_ = std::move(shown).value();
    unreadable_.clear();
  } else {
    unreadable_ = shown.error().message;
  }
}

std::string EmulatedWindowDisplay::describe(SimClock::time_point) { return describeShown(); }

std::string EmulatedWindowDisplay::describeShown() const {
  if (!unreadable_.empty()) return fmt::format("unreadable={}", quotedText(unreadable_));
  if (!shown_) return "text=\"\" lit=0";
  const auto& c = shown_->content;
  return fmt::format("text={} colour={} blink={} brightness={} seq={}", quotedText(c.text),
                     toString(c.colour), c.blink ? 1 : 0, c.brightness.value_or(0),
                     shown_->contentSeq);
}

void EmulatedWindowDisplay::powerCycle() {
  EmulatedDevice::powerCycle();
  shown_.reset();
  unreadable_.clear();
}

EmulatedMainStrip::EmulatedMainStrip(std::string id, std::uint8_t address, Profile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      map_(std::get<MainStripMap>(this->profile().map)) {}

void EmulatedMainStrip::afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point) {
  if (!touches(first, count, map_.contentSeq)) return;
  auto shown = decodeStripContent(registers(), map_);
  if (shown) {
    shown_ = std::move(shown).value();
    unreadable_.clear();
  } else {
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
  out += fmt::format("notice={} scroll={} brightness={} seq={}", quotedText(c.notice),
                     c.scroll == ScrollMode::Scrolling ? "scrolling" : "still",
                     c.brightness.value_or(0), shown_->contentSeq);
  return out;
}

void EmulatedMainStrip::powerCycle() {
  EmulatedDevice::powerCycle();
  shown_.reset();
  unreadable_.clear();
}

}  // namespace jiujin::devices::sim
