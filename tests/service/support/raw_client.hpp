#pragma once
// A bare DEALER that sends requests under ids it chooses, as a retrying client does: the
// crash tests need to send the same id again after a restart, which the client library
// does for them and so hides.
#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

namespace jiujin::testing {

class RawClient {
 public:
  /// Speaks as `role` named `name` (loopback identity, see docs/protocol.md "Security").
  RawClient(zmq::context_t& context, const std::string& endpoint, std::string role = "manager",
            std::string name = "retrying-client", int window = 0);

  /// Sends the request and waits (bounded) for the reply with this id; replies to other ids
  /// (late answers to earlier attempts) are dropped. Nothing if none came within `within`.
  std::optional<std::string> ask(const std::string& id, const std::string& type, const nlohmann::json& body,
                                 std::chrono::milliseconds within);
  /// Sends without waiting (a client resending before the first answer came).
  void send(const std::string& id, const std::string& type, const nlohmann::json& body);
  /// The next reply with this id within `within`; replies to other ids are dropped.
  std::optional<std::string> awaitReply(const std::string& id, std::chrono::milliseconds within);

 private:
  zmq::socket_t socket_;
  nlohmann::json as_;
};

}  // namespace jiujin::testing
