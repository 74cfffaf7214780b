#include <fmt/format.h>

#include "jiujin/config/names.hpp"
#include "jiujin/config/pin.hpp"
#include "jiujin/core/names.hpp"
#include "reading.hpp"

namespace jiujin::config {
namespace {

bool isPrefix(std::string_view p) {
  return !p.empty() && p.size() <= 2 &&
         p.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos;
}

bool isQueueId(std::string_view id) {
  return !id.empty() &&
         id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string_view::npos;
}

void readQueue(TableReader& t, HallConfig& config, Sources& sources) {
  core::QueueDef queue;
  if (auto id = t.string("id", Need::Required)) {
    if (!isQueueId(*id)) {
      t.report().error(t.at("id"), fmt::format("queue id \"{}\" should be lower-case letters, "
                                               "digits, _ or -, e.g. \"social\"",
                                               *id));
    }
    queue.id = *id;
  }
  if (auto prefix = t.string("prefix", Need::Required)) {
    if (!isPrefix(*prefix)) {
      t.report().error(t.at("prefix"), fmt::format("queue prefix \"{}\" should be one or two "
                                                   "capital letters A-Z, e.g. \"A\"",
                                                   *prefix));
    }
    queue.prefix = *prefix;
  }
  if (auto name = t.string("name", Need::Required)) queue.name = *name;
  sources.queues.push_back({t.at("id"), t.at("prefix")});
  config.definition.queues.push_back(std::move(queue));
}

core::ProfileEntry readProfileEntry(TableReader& t) {
  core::ProfileEntry entry;
  if (auto queue = t.string("queue", Need::Required)) entry.queue = *queue;
  if (auto weight = t.number("weight", 0.1, 10.0)) entry.weight = *weight;
  if (auto wait = t.integer("only_when_oldest_waits_minutes", 1, 480)) {
    entry.onlyWhenOldestWaitsAtLeast = core::Minutes{*wait};
  }
  if (auto v = t.boolean("only_when_no_dedicated_window")) {
    entry.onlyWhenNoDedicatedWindowOpen = *v;
  }
  return entry;
}

void readWindow(TableReader& t, HallConfig& config, Sources& sources) {
  core::WindowDef window;
  WindowSource source;
  if (auto number = t.integer("number", 1, 999, Need::Required)) {
    window.number = static_cast<int>(*number);
  }
  source.number = t.at("number");
  if (auto name = t.string("name", Need::Required)) window.name = *name;
  if (auto kind = t.string("kind")) {
    if (auto parsed = core::parseWindowKind(*kind)) {
      window.kind = *parsed;
    } else {
      t.report().error(t.at("kind"), fmt::format("window kind \"{}\" is not one of general, "
                                                 "specialist, issuing, complaints",
                                                 *kind));
    }
  }
  const auto what = fmt::format("the profile of window {}", window.number);
  if (const auto* profile = t.array("profile", Need::Required)) {
    for (const auto& node : *profile) {
      const auto* table = node.as_table();
      if (!table) {
        t.report().error(positionOf(node),
                         fmt::format("each entry of {} should be a table like {{ queue = "
                                     "\"general\" }}, not {}",
                                     what, describe(node.type())));
        continue;
      }
      TableReader entry(*table, what, t.report());
      window.profile.entries.push_back(readProfileEntry(entry));
      source.profileQueues.push_back(entry.at("queue"));
      entry.rejectUnknownKeys();
    }
    if (profile->empty()) {
      t.report().error(t.at("profile"), fmt::format("window {} has an empty profile, so it would "
                                                    "never call a ticket; list at least one queue",
                                                    window.number));
    }
  }
  sources.windows.push_back(std::move(source));
  config.definition.windows.push_back(std::move(window));
}

void readClerk(TableReader& t, HallConfig& config, Sources& sources) {
  ClerkConfig clerk;
  ClerkSource source;
  if (auto id = t.string("id", Need::Required)) clerk.id = *id;
  source.id = t.at("id");
  if (auto name = t.string("name", Need::Required)) clerk.name = *name;
  if (auto v = t.boolean("agent")) clerk.agent = *v;
  if (auto v = t.boolean("manager")) clerk.manager = *v;
  if (auto hash = t.string("pin_hash")) {
    if (!isPinHash(*hash)) {
      t.report().error(t.at("pin_hash"),
                       fmt::format("pin_hash of clerk \"{}\" is not an argon2id hash (expected a "
                                   "string starting with \"$argon2id$\"); PINs are never "
                                   "written in clear",
                                   clerk.id));
    }
    clerk.pinHash = *hash;
  } else if (!t.node("pin_hash")) {
    t.report().error(t.self(), fmt::format("clerk \"{}\" has no pin_hash; expected the argon2id "
                                           "hash of their PIN (see docs/configuration.md)",
                                           clerk.id));
  }
  if (const auto* windows = t.array("windows")) {
    for (const auto& node : *windows) {
      const auto* number = node.as_integer();
      if (!number || number->get() < 1 || number->get() > 999) {
        t.report().error(positionOf(node), fmt::format("each of the windows of clerk \"{}\" "
                                                       "should be a window number from 1 to 999",
                                                       clerk.id));
        continue;
      }
      clerk.allowedWindows.push_back(static_cast<int>(number->get()));
      source.windows.push_back(positionOf(node));
    }
  }
  sources.clerks.push_back(std::move(source));
  config.clerks.push_back(std::move(clerk));
}

}  // namespace

void readLayout(TableReader& root, HallConfig& config, Sources& sources) {
  forEachTable(root, "queue", [&](TableReader& t) { readQueue(t, config, sources); });
  forEachTable(root, "window", [&](TableReader& t) { readWindow(t, config, sources); });
  forEachTable(root, "clerk", [&](TableReader& t) { readClerk(t, config, sources); });
}

}  // namespace jiujin::config
