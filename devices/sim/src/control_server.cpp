#include "jiujin/devices/sim/control_server.hpp"

#include <fmt/format.h>

#include <zmq.hpp>

#include "jiujin/devices/sim/control_protocol.hpp"

namespace jiujin::devices::sim {

ControlServer::ControlServer(BusSimulator& sim)
    : sim_(sim), context_(std::make_unique<zmq::context_t>(1)) {}

SimResult<std::unique_ptr<ControlServer>> ControlServer::bind(BusSimulator& sim,
                                                              const std::string& endpoint) {
  std::unique_ptr<ControlServer> server(new ControlServer(sim));
  try {
    server->replies_ = std::make_unique<zmq::socket_t>(*server->context_, zmq::socket_type::rep);
    server->replies_->set(zmq::sockopt::linger, 0);
    server->replies_->bind(endpoint);
    server->endpoint_ = server->replies_->get(zmq::sockopt::last_endpoint);
    const auto stopEndpoint = fmt::format("inproc://bussim-stop-{}", static_cast<void*>(server.get()));
    server->stopReceive_ = std::make_unique<zmq::socket_t>(*server->context_, zmq::socket_type::pair);
    server->stopReceive_->bind(stopEndpoint);
    server->stopSend_ = std::make_unique<zmq::socket_t>(*server->context_, zmq::socket_type::pair);
    server->stopSend_->connect(stopEndpoint);
  } catch (const zmq::error_t& e) {
    return SimError{fmt::format("control endpoint {}: {}", endpoint, e.what())};
  }
  server->thread_ = std::thread([s = server.get()] { s->serve(); });
  return server;
}

ControlServer::~ControlServer() {
  if (thread_.joinable()) {
    stopSend_->send(zmq::str_buffer("stop"), zmq::send_flags::dontwait);
    thread_.join();
  }
}

void ControlServer::serve() {
  zmq::pollitem_t items[] = {{replies_->handle(), 0, ZMQ_POLLIN, 0},
                             {stopReceive_->handle(), 0, ZMQ_POLLIN, 0}};
  try {
    for (;;) {
      zmq::poll(items, 2, std::chrono::milliseconds(-1));
      if (items[1].revents & ZMQ_POLLIN) return;
      if (!(items[0].revents & ZMQ_POLLIN)) continue;
      zmq::message_t request;
      if (!replies_->recv(request, zmq::recv_flags::dontwait)) continue;
      const auto reply = handleControlCommand(sim_, request.to_string_view());
      replies_->send(zmq::buffer(reply), zmq::send_flags::none);
    }
  } catch (const zmq::error_t& e) {
    fmt::print(stderr, "bussim: control socket stopped: {}\n", e.what());
  }
}

}  // namespace jiujin::devices::sim
