// A whole day of a 30-window district centre (≈3,000 residents) through the core, with a
// waiting-time estimate at every issue as the service gives one. Goal: under 1 s.
#include <benchmark/benchmark.h>

#include "hall_simulation.hpp"

namespace {

void BM_SimulatedDay(benchmark::State& state) {
  jiujin::bench::SimulationResult last;
  for (auto _ : state) {
    last = jiujin::bench::simulateDay({.seed = 7, .residents = 3000, .recordEstimates = true});
    benchmark::DoNotOptimize(last.events);
  }
  state.counters["tickets"] = last.issued;
  state.counters["events"] = static_cast<double>(last.events);
  state.counters["completed"] = last.completed;
  state.counters["expired"] = last.expired;
}
BENCHMARK(BM_SimulatedDay)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);

}  // namespace
