#include "jiujin/devices/gateway/dispatcher_requests.hpp"

#include <algorithm>

#include "jiujin/client/command_channel.hpp"

namespace jiujin::devices::gateway {

DispatcherCommandThread::DispatcherCommandThread(zmq::context_t& context, client::ConnectionOptions options,
                                                 std::function<void(const RequestOutcome&)> onOutcome,
                                                 std::size_t capacity)
    : context_(context),
      options_(std::move(options)),
      onOutcome_(std::move(onOutcome)),
      capacity_(std::max<std::size_t>(capacity, 1)),
      thread_([this] { run(); }) {}

DispatcherCommandThread::~DispatcherCommandThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void DispatcherCommandThread::send(DispatcherRequest request) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= capacity_) {
      queue_.pop_front();
      ++dropped_;
    }
    queue_.push_back(std::move(request));
  }
  wake_.notify_one();
}

std::uint64_t DispatcherCommandThread::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

void DispatcherCommandThread::run() {
  // The channel (and its socket) belongs to this thread.
  client::CommandChannel channel(context_, options_);
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    DispatcherRequest request = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    const client::Reply reply = channel.request(request.type, request.body);
    if (onOutcome_) onOutcome_(RequestOutcome{std::move(request), reply.ok, reply.ok ? "" : reply.error.code});
    lock.lock();
  }
}

}  // namespace jiujin::devices::gateway
