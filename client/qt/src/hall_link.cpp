#include "jiujin/clientqt/hall_link.hpp"

#include <QMetaObject>
#include <QPointer>
#include <zmq.hpp>

#include "jiujin/client/hall_mirror.hpp"

namespace jiujin::clientqt {

HallLink::HallLink(client::ConnectionOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {}

HallLink::~HallLink() { stop(); }

void HallLink::start() {
  if (context_) return;
  stopping_ = false;
  context_ = std::make_unique<zmq::context_t>(1);
  eventThread_ = std::thread([this] { runEvents(); });
  commandThread_ = std::thread([this] { runCommands(); });
}

void HallLink::stop() {
  if (!context_) return;
  {
    // Under the queue's mutex: the command thread checks the flag and starts waiting in one
    // step under that mutex, so the flag cannot land between its check and its wait (a
    // lost wake-up would leave it waiting and join() below hanging).
    std::lock_guard lock(queueMutex_);
    stopping_ = true;
  }
  queueReady_.notify_all();
  // Interrupts a request that is waiting for a dead dispatcher (its calls fail with ETERM).
  context_->shutdown();
  if (eventThread_.joinable()) eventThread_.join();
  if (commandThread_.joinable()) commandThread_.join();
  context_.reset();
  std::deque<PendingRequest> unanswered;
  {
    std::lock_guard lock(queueMutex_);
    unanswered.swap(queue_);
  }
  for (auto& pending : unanswered) {
    client::Reply reply;
    reply.error = {"stopped", "客户端已停止", "the client has stopped"};
    if (pending.done) pending.done(reply);
  }
}

void HallLink::request(std::string type, nlohmann::json body, ReplyHandler done) {
  {
    std::lock_guard lock(queueMutex_);
    queue_.push_back({std::move(type), std::move(body), std::move(done)});
  }
  queueReady_.notify_one();
}

void HallLink::setConnected(bool connected) {
  if (connected_ == connected) return;
  connected_ = connected;
  emit connectedChanged();
  emit syncedChanged();
}

// Event thread: owns the SUB socket and the resync logic; posts copies to this thread.
void HallLink::runEvents() {
  QPointer<HallLink> self(this);
  std::optional<client::HallMirror> mirror;
  client::MirrorHandlers handlers;
  handlers.onReset = [&] {
    const core::Hall* hall = mirror->hall();
    if (!hall) return;
    QMetaObject::invokeMethod(
        this,
        [this, definition = hall->definition(), state = hall->state(), seq = mirror->seq(),
         devices = mirror->devices()]() mutable {
          hall_.emplace(std::move(definition), std::move(state));
          seq_ = seq;
          devices_ = std::move(devices);
          setConnected(true);
          emit syncedChanged();
          emit reset();
        },
        Qt::QueuedConnection);
  };
  handlers.onEvent = [this](std::uint64_t seq, const core::Event& event) {
    QMetaObject::invokeMethod(
        this,
        [this, seq, event] {
          if (!hall_) return;
          hall_->apply(event);
          seq_ = seq;
          setConnected(true);
          emit eventApplied(seq, event);
        },
        Qt::QueuedConnection);
  };
  handlers.onNews = [this](const std::string& topic, const nlohmann::json& message) {
    QMetaObject::invokeMethod(
        this,
        [this, topic, message] {
          if (topic.rfind("device.", 0) == 0 && message.contains("device") &&
              message["device"].is_object() && message["device"].contains("id") &&
              message["device"]["id"].is_string())
            devices_[message["device"]["id"].get<std::string>()] = message["device"];
          emit news(QString::fromStdString(topic), QString::fromStdString(message.dump()));
        },
        Qt::QueuedConnection);
  };
  handlers.onDisconnected = [this] {
    QMetaObject::invokeMethod(this, [this] { setConnected(false); }, Qt::QueuedConnection);
  };
  try {
    mirror.emplace(*context_, options_, std::move(handlers));
    while (!stopping_) mirror->poll(std::chrono::milliseconds(50));
  } catch (const zmq::error_t&) {
    // ETERM: stop() shut the context down.
  }
}

// Command thread: owns the DEALER socket; one request at a time, replies posted back.
void HallLink::runCommands() {
  try {
    client::CommandChannel channel(*context_, options_);
    while (true) {
      PendingRequest pending;
      {
        std::unique_lock lock(queueMutex_);
        queueReady_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        pending = std::move(queue_.front());
        queue_.pop_front();
      }
      client::Reply reply;
      try {
        reply = channel.request(pending.type, pending.body);
      } catch (const zmq::error_t&) {
        // ETERM while it was in flight: back to the queue, so stop() answers it "stopped"
        // like the others instead of leaving its caller waiting for ever.
        std::lock_guard lock(queueMutex_);
        queue_.push_front(std::move(pending));
        return;
      }
      QMetaObject::invokeMethod(
          this, [done = std::move(pending.done), reply] { if (done) done(reply); },
          Qt::QueuedConnection);
    }
  } catch (const zmq::error_t&) {
    // ETERM: stop() shut the context down.
  }
}

}  // namespace jiujin::clientqt
