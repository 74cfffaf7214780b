#pragma once
// The requests the gateway sends to the dispatcher (key presses, ratings, device health),
// and where they go. The gateway only queues them: a slow or absent dispatcher never holds
// up the thread that follows the hall, let alone a bus.
#include <cstdint>
#include <functional>
#include <string>

#include <zmq.hpp>

#include "jiujin/client/async_command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::devices::gateway {

/// A typed request (client::requests::…) and why the gateway sends it.
struct DispatcherRequest : client::Request {
  /// What caused it, for the log: "w3-keypad key 17", "w3-pad rating 4".
  std::string cause;
};

/// Where the gateway's requests go. send() must not block on the dispatcher.
class RequestSink {
 public:
  virtual ~RequestSink() = default;
  virtual void send(DispatcherRequest request) = 0;
};

/// How one request ended, for the log and for tests.
struct RequestOutcome {
  DispatcherRequest request;
  bool ok = false;
  std::string error;  ///< the dispatcher's code, or "timeout"
};

/// Sends the gateway's requests to the dispatcher through the client library's
/// AsyncCommandChannel: from its own thread, one at a time in order, with retries. The queue
/// is bounded: when the dispatcher is away for long, the oldest requests are dropped (and
/// counted) rather than piling up.
class DispatcherCommandThread : public RequestSink {
 public:
  DispatcherCommandThread(zmq::context_t& context, client::ConnectionOptions options,
                          std::function<void(const RequestOutcome&)> onOutcome = {},
                          std::size_t capacity = 1000);
  ~DispatcherCommandThread() override;
  DispatcherCommandThread(const DispatcherCommandThread&) = delete;
  DispatcherCommandThread& operator=(const DispatcherCommandThread&) = delete;

  void send(DispatcherRequest request) override;
  std::uint64_t dropped() const;

 private:
  const std::function<void(const RequestOutcome&)> onOutcome_;
  client::AsyncCommandChannel channel_;
};

}  // namespace jiujin::devices::gateway
