#include "jiujin/devices/sim/emulated_eval_pad.hpp"

#include <fmt/format.h>

namespace jiujin::devices::sim {

namespace {
// How long a pad prompts when the prompt it was sent cannot be read.
constexpr std::chrono::seconds kFallbackTimeout{30};
}  // namespace

EmulatedEvalPad::EmulatedEvalPad(std::string id, std::uint8_t address, DeviceProfile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      layout_(std::get<EvalPadLayout>(this->profile().layout)) {
  publishStatus();
}

bool EmulatedEvalPad::writable(std::uint16_t address) const {
  return address != layout_.state && address != layout_.rating && address != layout_.ratingSeq;
}

std::optional<PadPrompt> EmulatedEvalPad::readPrompt() const {
  auto ticket = textIn(layout_.ticket);
  auto clerkNumber = textIn(layout_.clerkNumber);
  auto clerkName = textIn(layout_.clerkName);
  if (!ticket || !clerkNumber || !clerkName) return std::nullopt;
  return PadPrompt{std::move(ticket).value(), std::move(clerkNumber).value(),
                   std::move(clerkName).value(), registerAt(layout_.timeoutSeconds)};
}

void EmulatedEvalPad::afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) {
  if (!touches(first, count, layout_.command)) return;
  const std::uint16_t command = registerAt(layout_.command);
  if (command == layout_.promptCode) {
    prompt_ = readPrompt();
    state_ = PadState::Prompting;
    deadline_ = now + (prompt_ ? std::chrono::seconds(prompt_->timeoutSeconds) : kFallbackTimeout);
  } else if (command == layout_.cancelCode) {
    state_ = PadState::Idle;
    prompt_.reset();
  }
  publishStatus();
}

void EmulatedEvalPad::beforeRead(SimClock::time_point now) {
  if (state_ == PadState::Prompting && now >= deadline_) {
    state_ = PadState::TimedOut;
    publishStatus();
  }
}

PadState EmulatedEvalPad::state(SimClock::time_point now) {
  beforeRead(now);
  return state_;
}

SimResult<std::uint16_t> EmulatedEvalPad::rate(Rating rating, SimClock::time_point now) {
  beforeRead(now);
  if (state_ != PadState::Prompting) {
    return SimError{fmt::format("{} is {}, not prompting: the press is ignored", id(), toString(state_))};
  }
  state_ = PadState::Rated;
  rating_ = rating;
  ratingSeq_ = static_cast<std::uint16_t>(ratingSeq_ + 1);
  publishStatus();
  return ratingSeq_;
}

void EmulatedEvalPad::publishStatus() {
  setRegister(layout_.state, layout_.stateCodes.at(state_));
  setRegister(layout_.rating, rating_ ? layout_.ratingCodes.at(*rating_) : 0);
  setRegister(layout_.ratingSeq, ratingSeq_);
}

std::string EmulatedEvalPad::describe(SimClock::time_point now) {
  beforeRead(now);
  return fmt::format("state={} ticket={} clerk_number={} clerk_name={} rating={} rating_seq={}",
                     toString(state_), quotedText(prompt_ ? prompt_->ticket : ""),
                     quotedText(prompt_ ? prompt_->clerkNumber : ""),
                     quotedText(prompt_ ? prompt_->clerkName : ""), rating_ ? ratingNumber(*rating_) : 0,
                     ratingSeq_);
}

std::string EmulatedEvalPad::describeShown() const {
  // The prompt is what the master sent; the state it leads to (rated, timed out) is not.
  if (!prompt_) return "prompt=none";
  return fmt::format("ticket={} clerk_number={} clerk_name={}", quotedText(prompt_->ticket),
                     quotedText(prompt_->clerkNumber), quotedText(prompt_->clerkName));
}

void EmulatedEvalPad::powerCycle() {
  EmulatedDevice::powerCycle();
  state_ = PadState::Idle;
  rating_.reset();
  ratingSeq_ = 0;
  prompt_.reset();
  publishStatus();
}

}  // namespace jiujin::devices::sim
