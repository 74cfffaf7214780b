#include "raw_client.hpp"

#include <array>
#include <iterator>
#include <vector>

#include <zmq_addon.hpp>

namespace jiujin::testing {

using nlohmann::json;

RawClient::RawClient(zmq::context_t& context, const std::string& endpoint, std::string role, std::string name,
                     int window)
    : socket_(context, zmq::socket_type::dealer), as_{{"role", std::move(role)}, {"name", std::move(name)}} {
  if (window > 0) as_["window"] = window;
  socket_.set(zmq::sockopt::linger, 0);
  socket_.connect(endpoint);
}

std::optional<std::string> RawClient::ask(const std::string& id, const std::string& type, const json& body,
                                          std::chrono::milliseconds within) {
  send(id, type, body);
  return awaitReply(id, within);
}

void RawClient::send(const std::string& id, const std::string& type, const json& body) {
  const json request{{"v", 1}, {"id", id}, {"type", type}, {"body", body}, {"as", as_}};
  const std::string text = request.dump();
  std::array<zmq::const_buffer, 2> parts{zmq::buffer(std::string_view{}), zmq::buffer(text)};
  zmq::send_multipart(socket_, parts);
}

std::optional<std::string> RawClient::awaitReply(const std::string& id, std::chrono::milliseconds within) {
  zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    zmq::poll(&item, 1,
              std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
    if (!(item.revents & ZMQ_POLLIN)) continue;
    std::vector<zmq::message_t> frames;
    (void)zmq::recv_multipart(socket_, std::back_inserter(frames));
    if (frames.empty()) continue;
    std::string reply = frames.back().to_string();
    if (json::parse(reply, nullptr, false).value("id", "") == id) return reply;
  }
  return std::nullopt;
}

}  // namespace jiujin::testing
