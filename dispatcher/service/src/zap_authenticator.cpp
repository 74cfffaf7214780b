#include "jiujin/service/zap_authenticator.hpp"

#include "jiujin/base/log.hpp"

#include <array>
#include <vector>

#include <zmq_addon.hpp>

namespace jiujin::service {
namespace {

std::string z85Of(const zmq::message_t& key) {
  if (key.size() != 32) return {};
  std::array<char, 41> text{};
  if (zmq_z85_encode(text.data(), static_cast<const std::uint8_t*>(key.data()), key.size()) == nullptr)
    return {};
  return std::string(text.data(), 40);
}

}  // namespace

ZapAuthenticator::ZapAuthenticator(zmq::context_t& context, std::map<std::string, std::string> clients)
    : clients_(std::move(clients)) {
  zmq::socket_t socket(context, zmq::socket_type::rep);
  socket.set(zmq::sockopt::linger, 0);
  socket.bind("inproc://zeromq.zap.01");
  thread_ = std::thread([this, s = std::move(socket)]() mutable { serve(std::move(s)); });
}

ZapAuthenticator::~ZapAuthenticator() {
  stopping_ = true;
  thread_.join();
}

void ZapAuthenticator::serve(zmq::socket_t socket) {
  std::vector<zmq::message_t> request;
  while (!stopping_) {
    zmq::pollitem_t item{socket.handle(), 0, ZMQ_POLLIN, 0};
    // The timeout only bounds how long shutdown waits; requests wake the poll at once.
    if (zmq::poll(&item, 1, std::chrono::milliseconds(100)) <= 0) continue;
    request.clear();
    if (!zmq::recv_multipart(socket, std::back_inserter(request), zmq::recv_flags::dontwait)) continue;
    // version, request id, domain, address, routing id, mechanism, credentials…
    const bool wellFormed = request.size() >= 6 && request[0].to_string_view() == "1.0";
    const std::string requestId = request.size() > 1 ? request[1].to_string() : std::string();
    std::string status = "400";
    std::string statusText = "malformed ZAP request";
    std::string userId;
    if (wellFormed) {
      const auto mechanism = request[5].to_string_view();
      if (mechanism == "CURVE" && request.size() >= 7) {
        const std::string key = z85Of(request[6]);
        if (const auto client = clients_.find(key); client != clients_.end()) {
          status = "200";
          statusText = "OK";
          userId = client->second;
        } else {
          statusText = "unknown client key";
          // Said once per key in a storm would need a set; a count is what the monitor reads.
          if (refusals_.fetch_add(1) == 0)
            log::warning("dispatcher.auth", "refused a client with unknown key {} from {}", key,
                         request[3].to_string_view());
        }
      } else if (mechanism == "NULL") {
        status = "200";  // loopback endpoints: the client states its role (docs/protocol.md)
        statusText = "OK";
      } else {
        statusText = "mechanism not allowed";
      }
    }
    std::array<zmq::const_buffer, 6> reply{zmq::buffer(std::string_view("1.0")), zmq::buffer(requestId),
                                           zmq::buffer(status), zmq::buffer(statusText),
                                           zmq::buffer(userId), zmq::const_buffer()};
    zmq::send_multipart(socket, reply);
  }
}

}  // namespace jiujin::service
