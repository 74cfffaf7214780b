#include "running_hall.hpp"

namespace jiujin::testing {

RunningHall::RunningHall(TestHallOptions options)
    : hallOptions(std::move(options)), hall(writeTestHall(dir.path(), hallOptions)) {
  dispatcher = std::make_unique<DispatcherProcess>(hall.hallFile, hall.database, hallOptions.dispatcherArgs);
  if (!dispatcher->ready()) throw std::runtime_error("dispatcher did not start: " + dispatcher->output());
  commands = dispatcher->commands();
  events = dispatcher->events();
}

void RunningHall::restart() {
  dispatcher.reset();
  dispatcher = std::make_unique<DispatcherProcess>(hall.hallFile, hall.database, hallOptions.dispatcherArgs, commands,
                                                   events);
  if (!dispatcher->ready()) throw std::runtime_error("dispatcher did not restart: " + dispatcher->output());
}

client::ConnectionOptions RunningHall::as(const std::string& role, int window) const {
  client::ConnectionOptions o;
  o.commands = commands;
  o.events = events;
  o.identity = client::StatedIdentity{role, window > 0 ? std::optional<int>(window) : std::nullopt, "test-" + role};
  o.requestTimeout = std::chrono::milliseconds(5000);
  o.attempts = 2;
  return o;
}

client::ConnectionOptions RunningHall::curveAs(const std::string& clientName) const {
  client::ConnectionOptions o;
  o.commands = commands;
  o.events = events;
  const TestClient& c = hall.clients.at(clientName);
  o.curve = client::CurveKeys{c.publicKey, c.secretKey, hall.serverPublicKey};
  o.requestTimeout = std::chrono::milliseconds(3000);
  o.attempts = 1;
  return o;
}

std::unique_ptr<client::CommandChannel> RunningHall::channel(const client::ConnectionOptions& options) {
  return std::make_unique<client::CommandChannel>(context, options);
}

std::string outcomeOf(const client::Reply& reply) {
  return reply.ok ? "ok" : reply.error.code + ": " + reply.error.en;
}

}  // namespace jiujin::testing
