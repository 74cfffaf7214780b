#pragma once
// The dispatcher's request handler without its sockets, on a real SQLite file: what the
// last-resort test and the handler fuzzer drive. Wired as DispatcherService::start wires it,
// in one place, so that a change of the handler's parts is one edit here.
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "jiujin/service/durable_hall.hpp"
#include "request_handler.hpp"

namespace jiujin::testing {

/// Opens (or creates) the hall's database at `settings.database` and the handler on it.
/// Throws when the database cannot be opened: a test or fuzzer cannot go on without it.
inline std::unique_ptr<service::detail::RequestHandler> openHandler(const service::ServiceSettings& settings) {
  auto durable = service::DurableHall::open(settings.database, settings.definition, settings.synchronousFull);
  if (!durable) throw std::runtime_error("cannot open the hall: " + durable.error().en);
  return std::make_unique<service::detail::RequestHandler>(settings, std::move(durable).value(), "test-epoch");
}

}  // namespace jiujin::testing
