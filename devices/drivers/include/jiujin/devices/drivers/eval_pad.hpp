#pragma once
// Evaluation pad (评价器): the master writes a prompt (ticket, clerk) and a command; the pad
// shows it, takes one press of 1..5 and counts it with a rating sequence number.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/devices/drivers/call_text.hpp"
#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"

namespace jiujin::devices::drivers {

struct PadPrompt {
  std::string ticket;       ///< "A001"
  std::string clerkNumber;  ///< 工号, e.g. "0312"
  std::string clerkName;    ///< e.g. "王芳"
  int timeoutSeconds = 30;  ///< the pad gives up (timed_out) after this
  bool operator==(const PadPrompt&) const = default;
};

/// The prompt fields then the prompt command, command last so the pad never shows a half
/// written prompt.
Expected<std::vector<RegisterWrite>> encodePadPrompt(const PadPrompt& prompt, const EvalPadMap& map,
                                                     TextCuts* cuts = nullptr);
/// Back to idle without a rating.
RegisterWrite encodePadCancel(const EvalPadMap& map);

struct PadStatus {
  PadState state = PadState::Idle;
  std::optional<Rating> rating;  ///< the last accepted rating
  std::uint16_t ratingSeq = 0;
  bool operator==(const PadStatus&) const = default;
};

/// The one read that polls state, rating and rating sequence.
RegisterRead padPollRead(const EvalPadMap& map);
Expected<PadStatus> decodePadStatus(const RegisterBlock& block, const EvalPadMap& map);

/// The pad's side: its status registers, and what it was asked.
std::vector<RegisterWrite> encodePadStatus(const PadStatus& status, const EvalPadMap& map);
Expected<PadPrompt> decodePadPrompt(const RegisterBlock& block, const EvalPadMap& map);
std::optional<PadCommand> decodePadCommand(std::uint16_t value, const EvalPadMap& map);

}  // namespace jiujin::devices::drivers
