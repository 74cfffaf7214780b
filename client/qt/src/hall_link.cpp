#include "jiujin/clientqt/hall_link.hpp"

#include <QMetaObject>
#include <QPointer>
#include <QThread>
#include <zmq.hpp>

#include "jiujin/client/hall_mirror.hpp"

namespace jiujin::clientqt {

HallLink::HallLink(client::ConnectionOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)), commands_(options_) {}

HallLink::~HallLink() { stop(); }

void HallLink::start() {
  if (context_) return;
  stopping_ = false;
  context_ = std::make_unique<zmq::context_t>(1);
  eventThread_ = std::thread([this] { runEvents(); });
  commands_.start();
}

void HallLink::stop() {
  // Requests not yet answered are answered "stopped", also those sent while stopped.
  commands_.stop();
  if (!context_) return;
  stopping_ = true;
  context_->shutdown();  // the event thread's socket calls end with ETERM
  if (eventThread_.joinable()) eventThread_.join();
  context_.reset();
}

void HallLink::request(client::Request request, ReplyHandler done) {
  // `this` outlives every call of the handler: the destructor stops the channel first.
  commands_.send(std::move(request), [this, done = std::move(done)](const client::Reply& reply) {
    if (!done) return;
    if (QThread::currentThread() == thread()) {
      done(reply);  // stop() on this thread: answered before it returns
      return;
    }
    QMetaObject::invokeMethod(this, [done, reply] { done(reply); }, Qt::QueuedConnection);
  });
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

}  // namespace jiujin::clientqt
