// jiujin_display_bench: how fast a call reaches the screen model and the loudspeaker.
//   event → display model updated   goal p99 ≤ 20 ms
//   call  → first sample pulled by the audio sink   goal ≤ 300 ms
// The audio figure needs a sound server; on a headless machine start the test one:
//   tests/display/pulse_start.sh /tmp/jj-pulse && PULSE_RUNTIME_PATH=/tmp/jj-pulse ./jiujin_display_bench
#include <QCoreApplication>
#include <QSignalSpy>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "hall_feed.hpp"
#include "jiujin/display/display_model.hpp"
#include "jiujin/voice/announcement_player.hpp"
#include "jiujin/voice/call_announcer.hpp"

namespace {

using namespace jiujin;
using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto at = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1));
  return samples[at];
}

void report(benchmark::State& state, const std::vector<double>& ms) {
  state.counters["p50_ms"] = percentile(ms, 0.50);
  state.counters["p99_ms"] = percentile(ms, 0.99);
  state.counters["max_ms"] = percentile(ms, 1.0);
  state.counters["samples"] = static_cast<double>(ms.size());
}

/// A busy morning: `waiting` tickets in the hall, two windows calling in turn. Each
/// sample is one committed command's events applied to the display model.
void EventToDisplayModel(benchmark::State& state) {
  const auto waiting = static_cast<int>(state.range(0));
  display::testing::HallFeed feed;
  feed.openHall();
  feed.issue("GA-001", waiting);
  feed.issue("SB-010", waiting / 4);
  display::DisplayModel model(display::DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);

  std::vector<double> ms;
  int turn = 0;
  for (auto _ : state) {
    const int window = 1 + (turn++ % 2);
    const auto& status = feed.hall().state().windows.at(window);
    if (status.current) {
      if (status.state == core::WindowState::Calling) feed.into(model, core::cmd::StartService{window});
      feed.into(model, core::cmd::Complete{window});
    }
    // One arrives for each one called, so the queue stays as long (numbers end at 999 a day).
    feed.issue("GA-001", 1, &model);
    const auto events = feed.run(core::cmd::CallNext{window});  // committed
    const auto t0 = Clock::now();
    for (const auto& [seq, e] : events) model.onEvent(seq, e);
    const auto t1 = Clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
  }
  report(state, ms);
}
BENCHMARK(EventToDisplayModel)->Arg(50)->Arg(400)->UseManualTime()->Iterations(500)->Unit(benchmark::kMicrosecond);

/// A call handed to the voice (composed from the build's espeak-ng segments, queued,
/// a sink opened) until the sink pulls its first sample. Each sample stops the announcement
/// again so the next starts on a quiet player.
void CallToFirstSample(benchmark::State& state) {
  voice::AnnouncementPlayer player;
  if (!player.hasOutput()) {
    state.SkipWithError("no audio output (start tests/display/pulse_start.sh and set PULSE_RUNTIME_PATH)");
    return;
  }
  auto library = voice::SegmentLibrary::load({JIUJIN_VOICE_SEGMENTS_DIR});
  if (!library) {
    state.SkipWithError(library.error().message.c_str());
    return;
  }
  voice::CallAnnouncer announcer(voice::AnnouncementComposer(), std::move(library).value(), player);
  QSignalSpy firstSample(&player, &voice::AnnouncementPlayer::firstSamplePulled);
  std::vector<double> ms;
  int n = 0;
  for (auto _ : state) {
    ++n;
    const QString ticket = QStringLiteral("A%1").arg(n % 1000, 3, 10, QChar('0'));
    const auto t0 = Clock::now();
    announcer.announce(ticket, 1 + n % 12, false);
    if (!firstSample.wait(5000)) {
      state.SkipWithError("the sink never pulled a sample");
      break;
    }
    const auto t1 = Clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    player.clear();
  }
  report(state, ms);
}
BENCHMARK(CallToFirstSample)->UseManualTime()->Iterations(20)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
