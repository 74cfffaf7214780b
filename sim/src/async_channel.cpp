#include "async_channel.hpp"

namespace jiujin::sim {

AsyncChannel::AsyncChannel(zmq::context_t& context, client::ConnectionOptions options)
    : worker_([this, &context, options = std::move(options)] { work(context, options); }) {}

AsyncChannel::~AsyncChannel() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void AsyncChannel::work(zmq::context_t& context, client::ConnectionOptions options) {
  client::CommandChannel channel(context, std::move(options));  // the socket lives on this thread
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || request_.has_value(); });
    if (stopping_) return;
    auto [type, body] = std::move(*request_);
    request_.reset();
    lock.unlock();
    client::Reply reply = channel.request(type, body);
    lock.lock();
    reply_ = std::move(reply);
  }
}

bool AsyncChannel::busy() const {
  std::lock_guard lock(mutex_);
  return !inFlight_.empty();
}

bool AsyncChannel::submit(std::string type, nlohmann::json body) {
  {
    std::lock_guard lock(mutex_);
    if (!inFlight_.empty()) return false;
    inFlight_ = type;
    request_.emplace(std::move(type), std::move(body));
  }
  wake_.notify_all();
  return true;
}

std::optional<client::Reply> AsyncChannel::take() {
  std::lock_guard lock(mutex_);
  if (!reply_) return std::nullopt;
  auto reply = std::move(reply_);
  reply_.reset();
  inFlight_.clear();
  return reply;
}

std::string AsyncChannel::pendingType() const {
  std::lock_guard lock(mutex_);
  return inFlight_;
}

}  // namespace jiujin::sim
