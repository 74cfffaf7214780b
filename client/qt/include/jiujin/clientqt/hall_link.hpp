#pragma once
// A QML app's one connection to the dispatcher. The event stream (with snapshot resync and
// heartbeats) and the command channel (client::AsyncCommandChannel) each run on a worker thread, so a slow or dead
// dispatcher never blocks the event loop; everything reaches this object's thread as a
// queued call. hall() is a mirror owned by this thread, rebuilt from every snapshot and
// advanced by the same events the dispatcher applied.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include <QObject>
#include <nlohmann/json.hpp>

#include "jiujin/client/async_command_channel.hpp"
#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/core/hall.hpp"

namespace zmq {
class context_t;
}

namespace jiujin::clientqt {

class HallLink : public QObject {
  Q_OBJECT
  Q_PROPERTY(bool connected READ connected NOTIFY connectedChanged)
  Q_PROPERTY(bool synced READ synced NOTIFY syncedChanged)

 public:
  using ReplyHandler = std::function<void(const client::Reply&)>;

  explicit HallLink(client::ConnectionOptions options, QObject* parent = nullptr);
  ~HallLink() override;
  HallLink(const HallLink&) = delete;
  HallLink& operator=(const HallLink&) = delete;

  /// Starts both worker threads. Until the first snapshot, hall() is null.
  void start();
  /// Stops the workers; pending requests are answered with a "stopped" failure.
  void stop();

  /// The mirror of the hall on this object's thread; null until synced.
  const core::Hall* hall() const { return hall_ ? &*hall_ : nullptr; }
  quint64 seq() const { return seq_; }
  bool connected() const { return connected_; }
  bool synced() const { return hall_.has_value() && connected_; }
  /// Device health by id, as the dispatcher last reported it.
  const nlohmann::json& devices() const { return devices_; }

  /// Sends a request (client::requests::…); `done` runs on this object's thread with the
  /// reply — later, or at once with "stopped" when stop() is called on this thread.
  void request(client::Request request, ReplyHandler done);

 signals:
  /// hall() was rebuilt from a snapshot: views reload everything.
  void reset();
  /// One event, already applied to hall().
  void eventApplied(quint64 seq, const jiujin::core::Event& event);
  /// "device." and "alarm." news (not hall state); `message` is the JSON body as text.
  void news(const QString& topic, const QString& message);
  void connectedChanged();
  void syncedChanged();

 private:
  void runEvents();
  void setConnected(bool connected);

  client::ConnectionOptions options_;
  std::unique_ptr<zmq::context_t> context_;
  std::thread eventThread_;
  std::atomic<bool> stopping_{false};
  client::AsyncCommandChannel commands_;  ///< its own context: stop() interrupts a request

  // Owned by this object's thread only.
  std::optional<core::Hall> hall_;
  nlohmann::json devices_ = nlohmann::json::object();
  quint64 seq_ = 0;
  bool connected_ = false;
};

}  // namespace jiujin::clientqt
