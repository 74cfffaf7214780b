#include "jiujin/devices/sim/emulated_eval_pad.hpp"

#include <fmt/format.h>

namespace jiujin::devices::sim {

using namespace drivers;

EmulatedEvalPad::EmulatedEvalPad(std::string id, std::uint8_t address, Profile profile)
    : EmulatedDevice(std::move(id), address, std::move(profile)),
      map_(std::get<EvalPadMap>(this->profile().map)) {
  publishStatus();
}

bool EmulatedEvalPad::writable(std::uint16_t address) const {
  return address != map_.state && address != map_.rating && address != map_.ratingSeq;
}

void EmulatedEvalPad::afterWrite(std::uint16_t first, std::uint16_t count,
                                 SimClock::time_point now) {
  if (!touches(first, count, map_.command)) return;
  const auto command = decodePadCommand(registers()[map_.command], map_);
  if (command == PadCommand::Prompt) {
    auto prompt = decodePadPrompt(registers(), map_);
    prompt_ = prompt ? std::optional(std::move(prompt).value()) : std::nullopt;
    status_.state = PadState::Prompting;
    deadline_ = now + std::chrono::seconds(prompt_ ? prompt_->timeoutSeconds : 30);
  } else if (command == PadCommand::Cancel) {
    status_.state = PadState::Idle;
    prompt_.reset();
  }
  publishStatus();
}

void EmulatedEvalPad::beforeRead(SimClock::time_point now) {
  if (status_.state == PadState::Prompting && now >= deadline_) {
    status_.state = PadState::TimedOut;
    publishStatus();
  }
}

PadState EmulatedEvalPad::state(SimClock::time_point now) {
  beforeRead(now);
  return status_.state;
}

Expected<std::uint16_t, SimError> EmulatedEvalPad::rate(Rating rating, SimClock::time_point now) {
  beforeRead(now);
  if (status_.state != PadState::Prompting) {
    return SimError{fmt::format("{} is {}, not prompting: the press is ignored", id(),
                                toString(status_.state))};
  }
  status_.state = PadState::Rated;
  status_.rating = rating;
  status_.ratingSeq = static_cast<std::uint16_t>(status_.ratingSeq + 1);
  publishStatus();
  return status_.ratingSeq;
}

void EmulatedEvalPad::publishStatus() { store(encodePadStatus(status_, map_)); }

std::string EmulatedEvalPad::describe(SimClock::time_point now) {
  beforeRead(now);
  return fmt::format("state={} ticket={} clerk_number={} clerk_name={} rating={} rating_seq={}",
                     toString(status_.state), quotedText(prompt_ ? prompt_->ticket : ""),
                     quotedText(prompt_ ? prompt_->clerkNumber : ""),
                     quotedText(prompt_ ? prompt_->clerkName : ""),
                     status_.rating ? ratingNumber(*status_.rating) : 0, status_.ratingSeq);
}

std::string EmulatedEvalPad::describeShown() const {
  // The prompt is what the master sent; the state it leads to (rated, timed out) is not.
  if (!prompt_) return "prompt=none";
  return fmt::format("ticket={} clerk_number={} clerk_name={}", quotedText(prompt_->ticket),
                     quotedText(prompt_->clerkNumber), quotedText(prompt_->clerkName));
}

void EmulatedEvalPad::powerCycle() {
  EmulatedDevice::powerCycle();
  status_ = PadStatus{};
  prompt_.reset();
  publishStatus();
}

}  // namespace jiujin::devices::sim
