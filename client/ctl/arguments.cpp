#include "arguments.hpp"

#include <charconv>
#include <cstdlib>
#include <optional>

#include <nlohmann/json.hpp>

#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::ctl {

namespace {

using nlohmann::json;

/// The first key of `given` that `decoded` (the same value written back by the codec) lacks:
/// the dispatcher refuses misspelt fields, and so does jiujinctl before sending.
std::optional<std::string> unknownKey(const json& given, const json& decoded, const std::string& path) {
  if (given.is_object() && decoded.is_object()) {
    for (const auto& [key, value] : given.items()) {
      const std::string at = path + "." + key;
      const auto known = decoded.find(key);
      if (known == decoded.end()) {
        if (value.is_null()) continue;
        return at;
      }
      if (auto deeper = unknownKey(value, *known, at)) return deeper;
    }
  } else if (given.is_array() && decoded.is_array() && given.size() == decoded.size()) {
    for (std::size_t i = 0; i < given.size(); ++i)
      if (auto deeper = unknownKey(given[i], decoded[i], fmt::format("{}[{}]", path, i))) return deeper;
  }
  return std::nullopt;
}

}  // namespace

bool looksLikeDate(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (t[i] < '0' || t[i] > '9') return false;
  return true;
}

ArgumentOrUsage<core::Date> dateArgument(const std::string& option, const std::string& text) {
  if (!looksLikeDate(text)) return BadUsage{fmt::format("{} needs a date YYYY-MM-DD, not \"{}\"", option, text)};
  auto date = protocol::dateFromString(text);
  if (!date) return BadUsage{fmt::format("{}: {} is not a day of the calendar", option, text)};
  return date.value();
}

ArgumentOrUsage<std::optional<core::Date>> optionalDateArgument(const std::string& option, const std::string& text) {
  if (text.empty()) return std::optional<core::Date>();
  const auto date = dateArgument(option, text);
  if (!date) return date.error();
  return std::optional(date.value());
}

bool isTicketId(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

ArgumentOrUsage<core::TicketId> ticketIdArgument(const std::string& text) {
  core::TicketId id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (!isTicketId(text) || error != std::errc() || end != text.data() + text.size())
    return BadUsage{fmt::format("\"{}\" is not a ticket id", text)};
  return id;
}

WindowSubcommand windowSubcommand(CLI::App& app, const char* name, const char* help) {
  WindowSubcommand made{app.add_subcommand(name, help), std::make_shared<core::WindowNumber>(0)};
  made.subcommand->add_option("window", *made.window, "window number")->required();
  return made;
}

core::WorkProfile profileFromQueues(const std::vector<std::string>& queues) {
  core::WorkProfile profile;
  for (const auto& q : queues) {
    const auto colon = q.find(':');
    core::ProfileEntry entry;
    entry.queue = q.substr(0, colon);
    // The dispatcher checks the weight's range; text that is not a number reads as 0, as strtod has it.
    if (colon != std::string::npos) entry.weight = std::strtod(q.c_str() + colon + 1, nullptr);
    profile.entries.push_back(entry);
  }
  return profile;
}

ArgumentOrUsage<core::WorkProfile> profileFromJson(const std::string& text) {
  const json given = json::parse(text, nullptr, false);
  if (given.is_discarded()) return BadUsage{"--profile-json is not JSON"};
  auto profile = protocol::workProfileFromJson(given);
  if (!profile) return BadUsage{fmt::format("--profile-json: {}", profile.error().en)};
  if (const auto unknown = unknownKey(given, protocol::toJson(profile.value()), "profile"))
    return BadUsage{fmt::format("--profile-json: {} is not a field of a work profile", *unknown)};
  return profile.value();
}

}  // namespace jiujin::ctl
