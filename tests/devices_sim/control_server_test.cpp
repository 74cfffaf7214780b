#include "jiujin/devices/sim/control_server.hpp"

#include <gtest/gtest.h>

#include <zmq.hpp>

#include "sim_fixture.hpp"

using jiujin::devices::sim::ControlServer;
using jiujin::devices::sim::test_support::SimBusTest;

TEST_F(SimBusTest, ControlSocketAnswersCommandsOverZeroMq) {
  auto server = ControlServer::bind(*sim_, "tcp://127.0.0.1:*");
  ASSERT_TRUE(server.ok()) << server.error().message;
  EXPECT_EQ(server.value()->endpoint().rfind("tcp://127.0.0.1:", 0), 0u);

  zmq::context_t context;
  zmq::socket_t request(context, zmq::socket_type::req);
  request.set(zmq::sockopt::linger, 0);
  request.set(zmq::sockopt::rcvtimeo, 2000);
  request.connect(server.value()->endpoint());
  auto ask = [&](const std::string& line) {
    request.send(zmq::buffer(line), zmq::send_flags::none);
    zmq::message_t reply;
    return request.recv(reply) ? reply.to_string() : std::string("<no reply>");
  };
  EXPECT_EQ(ask("press keypad-1 call_next"), "ok seq=1");
  EXPECT_EQ(ask("show display-1"), "ok text=\"\" lit=0");
  EXPECT_EQ(ask("nonsense").rfind("error", 0), 0u);
}

TEST_F(SimBusTest, ControlSocketOnAnUnusableEndpointIsAnError) {
  const auto server = ControlServer::bind(*sim_, "bogus://nowhere");
  ASSERT_FALSE(server.ok());
  EXPECT_NE(server.error().message.find("bogus://nowhere"), std::string::npos);
}
