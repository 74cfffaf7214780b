#pragma once
// The one asynchronous command channel of every client: a CommandChannel on its own worker
// thread, reached through a queue. Callers never block on the dispatcher; requests go out
// one at a time, in order, with the channel's retries. Used by the Qt adapter (HallLink),
// the device gateway and the resident simulator.
//
// Every request is answered exactly once: with the dispatcher's reply, or with a failure
// of the client's own — "stopped" (the channel stopped first) or "dropped" (a bounded
// queue was full and this was its oldest request).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>

#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::client {

class AsyncCommandChannel {
 public:
  /// Runs on the worker thread with the reply; with "stopped" on the thread that calls
  /// stop(), with "dropped" on the thread that calls send(). Must not call stop().
  using ReplyHandler = std::function<void(const Reply&)>;
  static constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

  /// `capacity`: at most this many requests wait; beyond it the oldest is dropped.
  explicit AsyncCommandChannel(ConnectionOptions options, std::size_t capacity = kUnbounded);
  /// Stops (see stop()).
  ~AsyncCommandChannel();
  AsyncCommandChannel(const AsyncCommandChannel&) = delete;
  AsyncCommandChannel& operator=(const AsyncCommandChannel&) = delete;

  /// Starts the worker with a ZeroMQ context of its own: stop() interrupts a request that
  /// waits for a dead dispatcher. Starting a started channel does nothing.
  void start();
  /// Starts the worker on a shared context: stop() waits for a request in flight to end
  /// (at most timeout × attempts) unless the context's owner shuts it down first.
  void start(zmq::context_t& shared);
  /// Ends the worker and answers every request not yet answered with "stopped", including
  /// those sent while it was stopped. Harmless when stopped; call from one thread at a time.
  void stop();

  /// Queues a request, also while stopped (it waits for start() or is answered by stop()).
  void send(Request request, ReplyHandler done);
  /// The same, with the reply as a future.
  std::future<Reply> send(Request request);

  /// Requests dropped because the queue was full, since construction.
  std::uint64_t dropped() const;
  const ConnectionOptions& options() const { return options_; }

 private:
  struct Pending {
    Request request;
    ReplyHandler done;
  };

  void launch(zmq::context_t& context);
  void run(zmq::context_t& context);

  const ConnectionOptions options_;
  const std::size_t capacity_;
  std::unique_ptr<zmq::context_t> ownContext_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;  // guarded by mutex_
  bool stopping_ = false;      // guarded by mutex_
  std::uint64_t dropped_ = 0;  // guarded by mutex_
  std::thread worker_;
};

/// The failure a request gets when the channel stops before answering it.
Failure stoppedFailure();

}  // namespace jiujin::client
