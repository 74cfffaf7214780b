#include "jiujin/devices/drivers/eval_pad.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "field_codec.hpp"

namespace jiujin::devices::drivers {

Expected<std::vector<RegisterWrite>> encodePadPrompt(const PadPrompt& prompt, const EvalPadMap& map, TextCuts* cuts) {
  if (prompt.timeoutSeconds < 1 || prompt.timeoutSeconds > 3600) {
    return CodecError{CodecErrorCode::ValueOutOfRange, "prompt timeout must be 1..3600 seconds"};
  }
  detail::RegisterImage image;
  if (auto error = detail::putText(image, map.ticket, prompt.ticket, "ticket", TextFit::Whole)) return *error;
  if (auto error = detail::putText(image, map.clerkNumber, prompt.clerkNumber, "clerk_number", TextFit::Shorten, cuts))
    return *error;
  if (auto error = detail::putText(image, map.clerkName, prompt.clerkName, "clerk_name", TextFit::Shorten, cuts))
    return *error;
  image[map.timeoutSeconds] = static_cast<std::uint16_t>(prompt.timeoutSeconds);
  image[map.command] = detail::codeOf(map.commandValues, PadCommand::Prompt);
  return coalesceWrites(image, map.command);
}

RegisterWrite encodePadCancel(const EvalPadMap& map) {
  return {map.command, {detail::codeOf(map.commandValues, PadCommand::Cancel)}};
}

RegisterRead padPollRead(const EvalPadMap& map) {
  const auto first = std::min({map.state, map.rating, map.ratingSeq});
  const auto last = std::max({map.state, map.rating, map.ratingSeq});
  return {first, static_cast<std::uint16_t>(last - first + 1)};
}

Expected<PadStatus> decodePadStatus(const RegisterBlock& block, const EvalPadMap& map) {
  for (const auto& [address, field] :
       {std::pair{map.state, "state"}, {map.rating, "rating"}, {map.ratingSeq, "rating_seq"}}) {
    if (auto missing = requireRegisters(block, address, 1, field)) return *missing;
  }
  const auto state = detail::byCode(map.stateValues, block[map.state]);
  if (!state) {
    return CodecError{CodecErrorCode::UnknownValue,
                      fmt::format("pad state code {} is not in the profile", block[map.state])};
  }
  PadStatus status{*state, std::nullopt, block[map.ratingSeq]};
  if (block[map.rating] != 0) {
    status.rating = detail::byCode(map.ratingValues, block[map.rating]);
    if (!status.rating) {
      return CodecError{CodecErrorCode::UnknownValue,
                        fmt::format("rating code {} is not in the profile", block[map.rating])};
    }
  }
  return status;
}

std::vector<RegisterWrite> encodePadStatus(const PadStatus& status, const EvalPadMap& map) {
  detail::RegisterImage image;
  image[map.state] = detail::codeOf(map.stateValues, status.state);
  image[map.rating] = status.rating ? detail::codeOf(map.ratingValues, *status.rating) : 0;
  image[map.ratingSeq] = status.ratingSeq;
  return coalesceWrites(image);
}

Expected<PadPrompt> decodePadPrompt(const RegisterBlock& block, const EvalPadMap& map) {
  auto ticket = detail::readText(block, map.ticket, "ticket");
  if (!ticket) return ticket.error();
  auto number = detail::readText(block, map.clerkNumber, "clerk_number");
  if (!number) return number.error();
  auto name = detail::readText(block, map.clerkName, "clerk_name");
  if (!name) return name.error();
  if (auto missing = requireRegisters(block, map.timeoutSeconds, 1, "timeout_seconds")) {
    return *missing;
  }
  return PadPrompt{std::move(ticket).value(), std::move(number).value(), std::move(name).value(),
                   block[map.timeoutSeconds]};
}

std::optional<PadCommand> decodePadCommand(std::uint16_t value, const EvalPadMap& map) {
  return detail::byCode(map.commandValues, value);
}

}  // namespace jiujin::devices::drivers
