#pragma once
// A test hall with its real dispatcher running, and clients that speak to it as programs do.
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>
#include <zmq.hpp>

#include "dispatcher_process.hpp"
#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "test_hall.hpp"

namespace jiujin::testing {

class RunningHall {
 public:
  explicit RunningHall(TestHallOptions options = {});

  /// Loopback options stating `role` (and `window`).
  client::ConnectionOptions as(const std::string& role, int window = 0) const;
  /// CURVE options with a configured client's keys.
  client::ConnectionOptions curveAs(const std::string& clientName) const;
  std::unique_ptr<client::CommandChannel> channel(const client::ConnectionOptions& options);

  /// Restarts on the same endpoints and database (after kill9 or terminate).
  void restart();

  TempDir dir;
  TestHallOptions hallOptions;
  TestHall hall;
  zmq::context_t context;
  std::unique_ptr<DispatcherProcess> dispatcher;
  std::string commands;
  std::string events;
};

/// "ok" or the error code, so a failing expectation shows why.
std::string outcomeOf(const client::Reply& reply);

}  // namespace jiujin::testing
