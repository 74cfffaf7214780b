#pragma once
// Request/reply with the dispatcher: one DEALER socket, a timeout per attempt, and retries
// that reuse the request id and body (so an issue_ticket retry carries the same idempotency
// key). After a timeout the socket is replaced, dropping a reply that may still arrive
// ("lazy pirate"). Belongs to one thread, like its socket.
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/connection.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::client {

struct Reply {
  bool ok = false;
  nlohmann::json result;  ///< when ok
  Failure error;          ///< when not
};

class CommandChannel {
 public:
  CommandChannel(zmq::context_t& context, ConnectionOptions options);
  ~CommandChannel();
  CommandChannel(const CommandChannel&) = delete;
  CommandChannel& operator=(const CommandChannel&) = delete;

  /// Sends a typed request (jiujin/client/request.hpp) and waits for its reply.
  Reply request(const Request& request) { return this->request(request.type(), request.body); }
  Reply request(const Request& request, std::chrono::milliseconds timeout, int attempts) {
    return this->request(request.type(), request.body, timeout, attempts);
  }
  /// Sends {"v":1,"id":…,"type":type,"body":body} and waits for its reply.
  Reply request(const std::string& type, const nlohmann::json& body = nlohmann::json::object());
  /// The same with explicit patience (e.g. a snapshot during resync tries once).
  Reply request(const std::string& type, const nlohmann::json& body, std::chrono::milliseconds timeout,
                int attempts);

  const ConnectionOptions& options() const { return options_; }

 private:
  void connect();

  zmq::context_t& context_;
  ConnectionOptions options_;
  std::unique_ptr<zmq::socket_t> socket_;
  std::string prefix_;  ///< makes request ids unique across clients
  std::uint64_t nextId_ = 1;
};

}  // namespace jiujin::client
