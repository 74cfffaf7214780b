#pragma once
// Command-line words read into the core's values before anything is sent: a misspelt
// priority, kind or date is bad usage (exit 2) with the word in the message, never a request.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "invocation.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::ctl {

template <typename T>
using ArgumentOrUsage = base::Result<T, BadUsage>;

/// One of a core enum's wire names, e.g. `--priority elderly`; `choices` lists them for the message.
template <typename E>
ArgumentOrUsage<E> enumArgument(const std::string& option, const std::string& text, const char* choices) {
  if (const auto value = core::parse<E>(text)) return *value;
  return BadUsage{fmt::format("{}: \"{}\" is not one of {}", option, text, choices)};
}

/// Whether `text` has the shape YYYY-MM-DD.
bool looksLikeDate(const std::string& text);

/// A day of the calendar written YYYY-MM-DD.
ArgumentOrUsage<core::Date> dateArgument(const std::string& option, const std::string& text);
/// The same for an option that may be left out: empty text is no day.
ArgumentOrUsage<std::optional<core::Date>> optionalDateArgument(const std::string& option, const std::string& text);

/// A ticket id: digits only (a ticket's number such as A001 is not one).
bool isTicketId(const std::string& text);
ArgumentOrUsage<core::TicketId> ticketIdArgument(const std::string& text);

/// A subcommand whose first argument is a window number (`call 3`).
struct WindowSubcommand {
  CLI::App* subcommand;
  std::shared_ptr<core::WindowNumber> window;
};
WindowSubcommand windowSubcommand(CLI::App& app, const char* name, const char* help);

/// A work profile as `queue[:weight] …` (e.g. general tax:2) or as the protocol's JSON.
core::WorkProfile profileFromQueues(const std::vector<std::string>& queues);
ArgumentOrUsage<core::WorkProfile> profileFromJson(const std::string& text);

}  // namespace jiujin::ctl
