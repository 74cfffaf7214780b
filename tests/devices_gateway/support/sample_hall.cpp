#include "support/sample_hall.hpp"

#include <cstdlib>
#include <stdexcept>

#include <gtest/gtest.h>

#include "jiujin/config/loader.hpp"

namespace jiujin::testing {

std::filesystem::path sourceDir() {
  if (const char* dir = std::getenv("JIUJIN_SOURCE_DIR"); dir && *dir) return dir;
  return JIUJIN_SOURCE_DIR;
}

std::filesystem::path binaryDir() {
  if (const char* dir = std::getenv("JIUJIN_BINARY_DIR"); dir && *dir) return dir;
  return JIUJIN_BINARY_DIR;
}

config::HallConfig townshipHall() {
  auto loaded = config::loadHallConfig(sourceDir() / "config/samples/township.toml");
  if (!loaded.ok()) {
    ADD_FAILURE() << "township.toml does not load: " << config::toString(loaded.errors.front());
    throw std::runtime_error("township.toml does not load");
  }
  return std::move(*loaded.config);
}

namespace {
core::TimePoint mondayNine() {
  using namespace std::chrono;
  return core::TimePoint(sys_days(year{2024} / March / 4) + hours(9));
}
}  // namespace

SampleHall::SampleHall() : hall_(townshipHall().definition), now_(mondayNine()) {
  run(core::cmd::OpenDay{core::dateOf(now_)});
}

std::vector<core::Event> SampleHall::run(const core::Command& command) {
  auto result = hall_.execute(command, now_);
  if (!result) {
    ADD_FAILURE() << "the core refused: " << result.error().en;
    return {};
  }
  return result.value();
}

void SampleHall::staff(core::WindowNumber window, const std::string& clerk) {
  run(core::cmd::ClerkLogin{window, clerk});  // a window opens only with a clerk in it
  run(core::cmd::OpenWindow{window});
}

std::string SampleHall::issueGeneral() {
  core::cmd::IssueTicket issue;
  issue.item = "370199-GG-0001";
  const auto events = run(issue);
  for (const auto& e : events)
    if (const auto* issued = std::get_if<core::ev::TicketIssued>(&e)) return issued->ticket.number;
  return {};
}

}  // namespace jiujin::testing
