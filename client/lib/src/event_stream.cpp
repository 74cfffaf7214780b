#include "jiujin/client/event_stream.hpp"

#include <algorithm>
#include <cerrno>

#include <zmq_addon.hpp>

#include "socket_setup.hpp"

namespace jiujin::client {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

EventStream::EventStream(zmq::context_t& context, ConnectionOptions options, StreamHandlers handlers,
                         std::vector<std::string> topics)
    : options_(std::move(options)),
      handlers_(std::move(handlers)),
      channel_(context, options_),
      socket_(context, zmq::socket_type::sub) {
  whole_ = topics.empty() || std::find(topics.begin(), topics.end(), std::string()) != topics.end();
  detail::prepareSocket(socket_, options_);
  socket_.set(zmq::sockopt::rcvhwm, 100000);
  if (whole_) {
    socket_.set(zmq::sockopt::subscribe, "");
  } else {
    socket_.set(zmq::sockopt::subscribe, "hb");
    for (const auto& topic : topics) socket_.set(zmq::sockopt::subscribe, topic);
  }
  socket_.connect(options_.events);
  lastHeard_ = Clock::now();
}

EventStream::~EventStream() = default;

int EventStream::fileDescriptor() const { return socket_.get(zmq::sockopt::fd); }

void EventStream::poll(std::chrono::milliseconds maxWait) {
  const auto deadline = Clock::now() + maxWait;
  if (whole_ && !triedFirstSync_) {
    triedFirstSync_ = true;
    sync();
  }
  for (;;) {
    drain();
    checkWatchdog();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return;
    zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
    // Wake in time to notice a silence even when the caller waits long.
    auto wait = left;
    if (connected_) {
      const auto silentUntil = std::chrono::duration_cast<std::chrono::milliseconds>(
          lastHeard_ + options_.heartbeatTimeout - Clock::now() + std::chrono::milliseconds(1));
      wait = std::clamp(silentUntil, std::chrono::milliseconds(1), left);
    }
    try {
      zmq::poll(&item, 1, wait);
    } catch (const zmq::error_t& e) {
      if (e.num() == EINTR) return;  // a signal: let the caller look at its flags
      throw;
    }
  }
}

void EventStream::drain() {
  std::vector<zmq::message_t> frames;
  for (;;) {
    frames.clear();
    if (!zmq::recv_multipart(socket_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
    if (frames.size() != 2) continue;  // not ours: ignore rather than guess
    const json message = json::parse(frames[1].to_string_view(), nullptr, false);
    if (!message.is_object()) continue;
    handle(frames[0].to_string(), message);
  }
  checkWatchdog();
}

void EventStream::markHeard() {
  lastHeard_ = Clock::now();
  connected_ = true;
}

void EventStream::checkWatchdog() {
  if (!connected_ || Clock::now() - lastHeard_ <= options_.heartbeatTimeout) return;
  connected_ = false;
  synced_ = false;
  if (handlers_.onDisconnected) handlers_.onDisconnected();
}

bool EventStream::sync() {
  const Reply reply = channel_.request(requests::snapshot(), options_.requestTimeout, 1);
  if (!reply.ok || !reply.result.is_object()) return false;
  const json& r = reply.result;
  Snapshot snapshot;
  snapshot.seq = r.value("seq", std::uint64_t{0});
  snapshot.epoch = r.value("epoch", std::string());
  snapshot.definition = r.value("definition", json());
  snapshot.state = r.value("state", json());
  snapshot.devices = r.value("devices", json::array());
  snapshot.alarms = r.value("alarms", json::array());
  seq_ = snapshot.seq;
  epoch_ = snapshot.epoch;
  synced_ = true;
  if (snapshots_++ > 0) ++resyncs_;
  markHeard();
  if (handlers_.onSnapshot) handlers_.onSnapshot(snapshot);
  return true;
}

void EventStream::handle(const std::string& topic, const json& message) {
  markHeard();
  const auto seqField = message.find("seq");
  const std::uint64_t seq = seqField != message.end() && seqField->is_number_unsigned() ? seqField->get<std::uint64_t>() : 0;
  const std::string epoch = message.value("epoch", std::string());
  const bool journaled = message.contains("event");

  if (!whole_) {
    if (journaled && handlers_.onEvent) handlers_.onEvent(seq, topic, message["event"]);
    else if (topic != "hb" && handlers_.onNews) handlers_.onNews(topic, message);
    return;
  }
  // A whole stream must be in step before anything is passed on.
  if (!synced_ || epoch != epoch_) {
    if (synced_) ++gaps_;
    synced_ = false;
    if (!sync()) return;
  }
  if (topic == "hb") {
    if (seq > seq_) {  // events were published that never reached us
      ++gaps_;
      synced_ = false;
      sync();
    }
    return;
  }
  if (!journaled) {
    if (handlers_.onNews) handlers_.onNews(topic, message);
    return;
  }
  if (seq <= seq_) return;  // already in the snapshot
  if (seq != seq_ + 1) {
    ++gaps_;
    synced_ = false;
    if (!sync() || seq <= seq_) return;
    if (seq != seq_ + 1) return;  // the next heartbeat or event resyncs again
  }
  seq_ = seq;
  if (handlers_.onEvent) handlers_.onEvent(seq, topic, message["event"]);
}

}  // namespace jiujin::client
