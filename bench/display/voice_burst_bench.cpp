// jiujin_voice_burst_bench: a hall's opening burst — 12 windows call within one second — through
// the real announcement queue and composer, with the real espeak-ng segments, on a simulated
// clock and player (no sound card: a call "plays" for exactly the length of its sound plus the
// player's tail). Goals (issue 16):
//   the last call starts within 12 × one announcement's length (the physical limit: one
//   loudspeaker says one call at a time), and no call is said more than the maximum delay late.
//   jiujin_voice_burst_bench [SEGMENTS_DIR]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/voice/announcement_composer.hpp"
#include "jiujin/voice/announcement_player.hpp"
#include "jiujin/voice/announcement_queue.hpp"
#include "jiujin/voice/segment_library.hpp"

namespace {

using namespace jiujin::voice;
using namespace std::chrono_literals;
using Ms = std::chrono::milliseconds;

constexpr int kWindows = 12;

struct Arrival {
  Ms at;  ///< after the first call
  Call call;
};

/// Window w calls at (w−1)/12 s: all twelve within one second. Tickets from four queues, with
/// letters that were misheard (E) and numbers with zeros.
std::vector<Arrival> openingBurst() {
  const char* prefixes[] = {"A", "B", "E", "GA"};
  std::vector<Arrival> burst;
  for (int w = 1; w <= kWindows; ++w) {
    const auto number = fmt::format("{}{:03}", prefixes[(w - 1) % 4], 1 + (w - 1) / 4 * 10);
    burst.push_back({Ms((w - 1) * 1000 / kWindows), Call{number, w}});
  }
  return burst;
}

struct Outcome {
  Call call;
  Ms calledAt{};
  std::optional<Ms> startedAt;
  std::optional<DropReason> dropped;
  Ms length{};
  bool brief = false;
};

struct Policy {
  std::string name;
  Ms maxDelay;
  bool bounded = true;  ///< false: the old player queue — every call said in full, in order, however late
};

Ms playLength(const Pcm& pcm) { return pcm.duration() + kAnnouncementTail; }

/// Runs the burst through the queue as CallAnnouncer does: a call is taken when the player is
/// free, said once if others wait behind it, dropped if too late.
std::vector<Outcome> run(const Policy& policy, const AnnouncementComposer& composer, const SegmentLibrary& library) {
  const auto epoch = WallClock::time_point{} + 1'780'000'000s;
  Ms now{0};
  AnnouncementQueue queue([&] { return epoch + now; }, {},
                          policy.bounded ? policy.maxDelay : Ms(std::chrono::hours(24)));
  std::vector<Outcome> outcomes;
  const auto outcomeOf = [&](const Call& c) -> Outcome& {
    return *std::find_if(outcomes.begin(), outcomes.end(), [&](const Outcome& o) { return o.call.window == c.window; });
  };
  std::optional<Ms> playerFreeAt;

  const auto startNext = [&] {
    auto next = queue.next();
    for (const auto& d : next.dropped) outcomeOf(d.queued.call).dropped = d.reason;
    if (!next.start) return;
    Call call = next.toSay();
    if (!policy.bounded) call.brief = false;  // the old player said every call in full
    const auto pcm = composer.compose(call, library);
    if (!pcm) {
      std::fprintf(stderr, "cannot compose %s: %s\n", call.ticketNumber.c_str(), pcm.error().message.c_str());
      std::exit(2);
    }
    auto& o = outcomeOf(call);
    o.startedAt = now;
    o.length = playLength(pcm.value());
    o.brief = call.brief;
    playerFreeAt = now + o.length;
  };

  const auto burst = openingBurst();
  std::size_t arrived = 0;
  while (true) {
    const bool arrival = arrived < burst.size();
    if (playerFreeAt && (!arrival || *playerFreeAt <= burst[arrived].at)) {
      now = *playerFreeAt;
      playerFreeAt.reset();
      startNext();
    } else if (arrival) {
      now = burst[arrived].at;
      outcomes.push_back(Outcome{burst[arrived].call, now, {}, {}, {}, false});
      queue.push(burst[arrived].call);
      ++arrived;
      if (!playerFreeAt) startNext();
    } else {
      break;
    }
  }
  return outcomes;
}

double seconds(Ms ms) { return std::chrono::duration<double>(ms).count(); }

}  // namespace

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : JIUJIN_VOICE_SEGMENTS_DIR;
  auto library = SegmentLibrary::load({folder});
  if (!library || library.value().size() == 0) {
    std::fprintf(stderr, "no segments in %s (build the target jiujin_voice_segments)\n", folder.c_str());
    return 2;
  }
  const AnnouncementComposer composer;  // the hall file's defaults: chime, said twice
  const auto& style = composer.style();

  // One announcement's length, measured now with these segments: the first call of the burst,
  // said in full (chime, the sentence `repeats` times, the player's tail).
  const auto burst = openingBurst();
  Ms shortest = Ms::max(), longest{0};
  for (const auto& a : burst) {
    const auto l = playLength(composer.compose(a.call, library.value()).value());
    shortest = std::min(shortest, l);
    longest = std::max(longest, l);
  }
  const Ms one = playLength(composer.compose(burst.front().call, library.value()).value());
  Call brief = burst.front().call;
  brief.brief = true;
  const Ms oneBrief = playLength(composer.compose(brief, library.value()).value());
  const Ms limit = kWindows * one;
  fmt::print("{} windows call within 1 s; segments from {}\n", kWindows, folder);
  fmt::print("one announcement ({} -> window {}: chime {}, said {}x, tail {} ms): {:.2f} s"
             " (the burst's range {:.2f}-{:.2f} s); said once: {:.2f} s\n",
             burst.front().call.ticketNumber, burst.front().call.window, style.chime ? "on" : "off", style.repeats,
             kAnnouncementTail.count(), seconds(one), seconds(shortest), seconds(longest), seconds(oneBrief));
  fmt::print("limit for the last call to start: 12 x {:.2f} s = {:.1f} s after the first call\n\n", seconds(one),
             seconds(limit));

  bool met = true;
  const std::vector<Policy> policies = {
      {"before: one unbounded queue, every call in full", Ms(0), false},
      {fmt::format("bounded, max_delay_seconds = {} (default)", kDefaultMaxDelay.count()), kDefaultMaxDelay, true},
      {fmt::format("bounded, max_delay_seconds = {} (longest allowed)", kLongestMaxDelay.count()), kLongestMaxDelay,
       true},
  };
  for (const auto& policy : policies) {
    const auto outcomes = run(policy, composer, library.value());
    fmt::print("{}:\n", policy.name);
    int said = 0, dropped = 0;
    Ms lastStart{0}, worstLate{0};
    for (const auto& o : outcomes) {
      if (o.startedAt) {
        ++said;
        lastStart = std::max(lastStart, *o.startedAt);
        worstLate = std::max(worstLate, *o.startedAt - o.calledAt);
        fmt::print("  w{:<2} {:<6} called {:5.2f} s  starts {:6.2f} s  ({:5.2f} s late, {:.2f} s long{})\n",
                   o.call.window, o.call.ticketNumber, seconds(o.calledAt), seconds(*o.startedAt),
                   seconds(*o.startedAt - o.calledAt), seconds(o.length), o.brief ? ", said once" : "");
      } else {
        ++dropped;
        fmt::print("  w{:<2} {:<6} called {:5.2f} s  dropped: {}\n", o.call.window, o.call.ticketNumber,
                   seconds(o.calledAt), o.dropped ? toString(*o.dropped) : "never reached");
      }
    }
    const bool inLimit = lastStart <= limit;
    const bool inDelay = !policy.bounded || worstLate <= policy.maxDelay;
    fmt::print("  said {}, dropped {}; last call starts {:.1f} s after the first (limit {:.1f} s: {}); "
               "latest start {:.1f} s after its call (max delay {}: {})\n\n",
               said, dropped, seconds(lastStart), seconds(limit), inLimit ? "OK" : "OVER",
               seconds(worstLate), policy.bounded ? fmt::format("{:.0f} s", seconds(policy.maxDelay)) : "none",
               policy.bounded ? (inDelay ? "OK" : "OVER") : "not bounded");
    if (policy.bounded && dropped > 0) {
      fmt::print("  (the loudspeaker's limit: one call at a time, {:.2f} s each when said once, so {:.0f} s holds"
                 " about {:.1f} calls; the rest are shown, not said)\n\n",
                 seconds(oneBrief), seconds(policy.maxDelay), seconds(policy.maxDelay) / seconds(oneBrief));
    }
    if (policy.bounded) met = met && inLimit && inDelay;
  }
  fmt::print("goal (bounded policies): {}\n", met ? "met" : "NOT MET");
  return met ? 0 : 1;
}
