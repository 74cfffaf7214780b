#pragma once
// One actor's line to the dispatcher (a kiosk, a clerk's console): at most one request at
// a time, sent through the client library's AsyncCommandChannel so the actor never blocks.
// The dispatcher commits the requests of one turn together (group commit), and a dead
// dispatcher holds up only the actor that asked. The owner submits, then takes the reply
// when it is there.
#include <chrono>
#include <future>
#include <optional>

#include <zmq.hpp>

#include "jiujin/client/async_command_channel.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::sim {

class ConsoleLine {
 public:
  /// The channel's worker shares `context`: destroying the line waits for a request in
  /// flight (at most the channel's timeout × attempts), as a simulated day ends.
  ConsoleLine(zmq::context_t& context, client::ConnectionOptions options) : channel_(std::move(options)) {
    channel_.start(context);
  }

  /// A request is on its way or its reply has not been taken yet.
  bool busy() const { return pending_.has_value(); }
  /// Sends unless busy; false if busy.
  bool submit(client::Request request) {
    if (busy()) return false;
    pending_ = request.kind;
    reply_ = channel_.send(std::move(request));
    return true;
  }
  /// The reply of the submitted request, once; nothing while it is on its way.
  std::optional<client::Reply> take() {
    if (!pending_ || reply_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    pending_.reset();
    return reply_.get();
  }
  /// What the request in flight (or whose reply waits) asks for.
  std::optional<client::RequestKind> pending() const { return pending_; }

 private:
  client::AsyncCommandChannel channel_;
  std::optional<client::RequestKind> pending_;
  std::future<client::Reply> reply_;
};

}  // namespace jiujin::sim
