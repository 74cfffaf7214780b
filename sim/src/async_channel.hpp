#pragma once
// A CommandChannel on its own thread, so an actor of the simulation can have a request in
// flight while the others go on: a dispatcher commits the requests of one turn together
// (group commit), and a dead dispatcher blocks only the actor that asked. One request at a
// time; the owner submits, then takes the reply when it is there.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"

namespace jiujin::sim {

class AsyncChannel {
 public:
  AsyncChannel(zmq::context_t& context, client::ConnectionOptions options);
  ~AsyncChannel();
  AsyncChannel(const AsyncChannel&) = delete;
  AsyncChannel& operator=(const AsyncChannel&) = delete;

  /// A request is on its way or its reply has not been taken yet.
  bool busy() const;
  /// Sends unless busy; false if busy.
  bool submit(std::string type, nlohmann::json body);
  /// The reply of the submitted request, once; nothing while it is on its way.
  std::optional<client::Reply> take();
  /// The type of the request in flight (or whose reply waits).
  std::string pendingType() const;

 private:
  void work(zmq::context_t& context, client::ConnectionOptions options);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<std::pair<std::string, nlohmann::json>> request_;  // to send
  std::string inFlight_;                                            // its type until taken
  std::optional<client::Reply> reply_;
  std::thread worker_;
};

}  // namespace jiujin::sim
