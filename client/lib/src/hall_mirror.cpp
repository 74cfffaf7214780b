#include "jiujin/client/hall_mirror.hpp"

#include "jiujin/base/log.hpp"


#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::client {

using nlohmann::json;

HallMirror::HallMirror(zmq::context_t& context, ConnectionOptions options, MirrorHandlers handlers)
    : handlers_(std::move(handlers)) {
  StreamHandlers stream;
  stream.onSnapshot = [this](const Snapshot& s) { reset(s); };
  stream.onEvent = [this](std::uint64_t seq, const std::string&, const json& e) { apply(seq, e); };
  stream.onNews = [this](const std::string& topic, const json& m) { news(topic, m); };
  stream.onDisconnected = [this] {
    if (handlers_.onDisconnected) handlers_.onDisconnected();
  };
  stream_ = std::make_unique<EventStream>(context, std::move(options), std::move(stream));
}

HallMirror::~HallMirror() = default;

void HallMirror::reset(const Snapshot& snapshot) {
  auto definition = protocol::hallDefinitionFromJson(snapshot.definition);
  auto state = protocol::hallStateFromJson(snapshot.state);
  if (!definition || !state) {
    // A snapshot this client cannot read: keep nothing rather than something wrong.
    log::error("client.mirror", "unreadable snapshot: {}", !definition ? definition.error().en : state.error().en);
    hall_.reset();
    return;
  }
  hall_.emplace(std::move(definition).value(), std::move(state).value());
  devices_ = json::object();
  if (snapshot.devices.is_array())
    for (const auto& d : snapshot.devices)
      if (d.is_object() && d.contains("id") && d["id"].is_string()) devices_[d["id"].get<std::string>()] = d;
  if (handlers_.onReset) handlers_.onReset();
}

void HallMirror::apply(std::uint64_t seq, const json& event) {
  if (!hall_) return;
  auto decoded = protocol::eventFromJson(event);
  if (!decoded) {
    log::error("client.mirror", "unreadable event {}: {}", seq, decoded.error().en);
    return;
  }
  hall_->apply(decoded.value());
  if (handlers_.onEvent) handlers_.onEvent(seq, decoded.value());
}

void HallMirror::news(const std::string& topic, const json& message) {
  if (topic.rfind("device.", 0) == 0 && message.contains("device") && message["device"].is_object()) {
    const json& d = message["device"];
    if (d.contains("id") && d["id"].is_string()) devices_[d["id"].get<std::string>()] = d;
  }
  if (handlers_.onNews) handlers_.onNews(topic, message);
}

}  // namespace jiujin::client
