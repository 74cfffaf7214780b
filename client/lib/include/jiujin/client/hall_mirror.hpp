#pragma once
// A client's copy of the hall (the clone): core::Hall rebuilt from each snapshot and
// advanced by applying every event, exactly as the dispatcher's own hall was. Displays,
// consoles, kiosks and the monitor read hall(); nobody re-derives state from raw JSON.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/event_stream.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::client {

struct MirrorHandlers {
  /// The mirror was rebuilt from a snapshot (first sync, gap, dispatcher restart).
  std::function<void()> onReset;
  /// One event, already applied to hall().
  std::function<void(std::uint64_t seq, const core::Event& event)> onEvent;
  std::function<void(const std::string& topic, const nlohmann::json& message)> onNews;
  std::function<void()> onDisconnected;
};

class HallMirror {
 public:
  HallMirror(zmq::context_t& context, ConnectionOptions options, MirrorHandlers handlers = {});
  ~HallMirror();
  HallMirror(const HallMirror&) = delete;
  HallMirror& operator=(const HallMirror&) = delete;

  void poll(std::chrono::milliseconds maxWait) { stream_->poll(maxWait); }
  void drain() { stream_->drain(); }

  /// Null until the first snapshot arrives.
  const core::Hall* hall() const { return hall_ ? &*hall_ : nullptr; }
  std::uint64_t seq() const { return stream_->seq(); }
  bool connected() const { return stream_->connected(); }
  bool synced() const { return stream_->synced() && hall_.has_value(); }
  const EventStream& stream() const { return *stream_; }
  /// Device health as the dispatcher last reported it: id → {kind, window, status, …}.
  const nlohmann::json& devices() const { return devices_; }

 private:
  void reset(const Snapshot& snapshot);
  void apply(std::uint64_t seq, const nlohmann::json& event);
  void news(const std::string& topic, const nlohmann::json& message);

  MirrorHandlers handlers_;
  std::optional<core::Hall> hall_;
  nlohmann::json devices_ = nlohmann::json::object();
  std::unique_ptr<EventStream> stream_;
};

}  // namespace jiujin::client
