#include "jiujin/client/async_command_channel.hpp"

#include <algorithm>

namespace jiujin::client {

namespace {

Reply failed(Failure failure) {
  Reply reply;
  reply.error = std::move(failure);
  return reply;
}

Failure droppedFailure() {
  return {"dropped", "请求过多，最早的请求已放弃", "too many requests waiting: the oldest was dropped"};
}

}  // namespace

Failure stoppedFailure() { return {"stopped", "客户端已停止", "the client has stopped"}; }

AsyncCommandChannel::AsyncCommandChannel(ConnectionOptions options, std::size_t capacity)
    : options_(std::move(options)), capacity_(std::max<std::size_t>(capacity, 1)) {}

AsyncCommandChannel::~AsyncCommandChannel() { stop(); }

void AsyncCommandChannel::start() {
  if (worker_.joinable()) return;
  ownContext_ = std::make_unique<zmq::context_t>(1);
  launch(*ownContext_);
}

void AsyncCommandChannel::start(zmq::context_t& shared) {
  if (worker_.joinable()) return;
  launch(shared);
}

void AsyncCommandChannel::launch(zmq::context_t& context) {
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  worker_ = std::thread([this, &context] { run(context); });
}

void AsyncCommandChannel::stop() {
  if (worker_.joinable()) {
    {
      // Under the mutex: the worker checks the flag and starts waiting in one step under
      // it, so the flag cannot land between its check and its wait (a lost wake-up would
      // leave it waiting and the join below hanging).
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (ownContext_) ownContext_->shutdown();  // a request in flight ends with ETERM
    worker_.join();
    ownContext_.reset();
  }
  std::deque<Pending> unanswered;
  {
    std::lock_guard lock(mutex_);
    unanswered.swap(queue_);
  }
  for (auto& pending : unanswered)
    if (pending.done) pending.done(failed(stoppedFailure()));
}

void AsyncCommandChannel::send(Request request, ReplyHandler done) {
  std::optional<Pending> overflow;
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= capacity_) {
      overflow = std::move(queue_.front());
      queue_.pop_front();
      ++dropped_;
    }
    queue_.push_back({std::move(request), std::move(done)});
  }
  wake_.notify_one();
  if (overflow && overflow->done) overflow->done(failed(droppedFailure()));
}

std::future<Reply> AsyncCommandChannel::send(Request request) {
  auto promise = std::make_shared<std::promise<Reply>>();
  std::future<Reply> reply = promise->get_future();
  send(std::move(request), [promise](const Reply& r) { promise->set_value(r); });
  return reply;
}

std::uint64_t AsyncCommandChannel::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

void AsyncCommandChannel::run(zmq::context_t& context) {
  try {
    CommandChannel channel(context, options_);  // its socket belongs to this thread
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      Pending pending = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Reply reply;
      try {
        reply = channel.request(pending.request);
      } catch (const zmq::error_t&) {
        // ETERM while in flight: stop() shut the context down. Answered like the rest.
        reply = failed(stoppedFailure());
        if (pending.done) pending.done(reply);
        return;
      }
      if (pending.done) pending.done(reply);
      lock.lock();
    }
  } catch (const zmq::error_t&) {
    // ETERM before the channel existed: stop() answers what is queued.
  }
}

}  // namespace jiujin::client
