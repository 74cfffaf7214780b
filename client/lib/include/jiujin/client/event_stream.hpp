#pragma once
// The hall's event stream, kept whole: a SUB socket on the dispatcher's PUB plus the
// ZeroMQ guide's "Clone" resync. It takes a snapshot (definition, state, seq), applies
// events with a higher seq, and takes a new snapshot whenever it sees a gap, a restarted
// dispatcher (new epoch) or the end of a silence. A dispatcher silent for longer than the
// heartbeat timeout is reported dead. The caller drives it with poll() on one thread.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"

namespace jiujin::client {

/// The "snapshot" reply: everything a client needs to start over.
struct Snapshot {
  std::uint64_t seq = 0;  ///< the state includes every event up to this one
  std::string epoch;      ///< changes each time the dispatcher starts
  nlohmann::json definition;
  nlohmann::json state;
  nlohmann::json devices;  ///< device health table (not journaled)
  nlohmann::json alarms;   ///< recent alarms (not journaled)
};

struct StreamHandlers {
  /// After every (re)sync: drop what you had and start from this.
  std::function<void(const Snapshot&)> onSnapshot;
  /// A journaled event, in seq order with no gaps since the last snapshot.
  std::function<void(std::uint64_t seq, const std::string& topic, const nlohmann::json& event)> onEvent;
  /// "device." and "alarm." messages: live news, not part of the hall's state.
  std::function<void(const std::string& topic, const nlohmann::json& message)> onNews;
  /// The dispatcher fell silent for longer than the heartbeat timeout.
  std::function<void()> onDisconnected;
};

class EventStream {
 public:
  /// `topics`: prefixes to subscribe to. The default {""} takes everything and keeps the
  /// stream whole (snapshots, gap detection); any narrower filter only relays what comes.
  EventStream(zmq::context_t& context, ConnectionOptions options, StreamHandlers handlers,
              std::vector<std::string> topics = {""});
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  /// Handles whatever arrives within `maxWait` (returns early only at the deadline).
  void poll(std::chrono::milliseconds maxWait);
  /// Handles what is already queued, without waiting (for a Qt socket notifier).
  void drain();

  bool connected() const { return connected_; }
  bool synced() const { return synced_; }
  std::uint64_t seq() const { return seq_; }
  std::uint64_t resyncs() const { return resyncs_; }  ///< snapshots taken after the first
  std::uint64_t gaps() const { return gaps_; }        ///< gaps seen in the sequence
  /// The SUB socket's ZMQ_FD, edge-triggered (PLATFORM.md): call drain() when it fires.
  int fileDescriptor() const;

 private:
  void handle(const std::string& topic, const nlohmann::json& message);
  bool sync();
  void markHeard();
  void checkWatchdog();

  ConnectionOptions options_;
  StreamHandlers handlers_;
  bool whole_ = true;
  CommandChannel channel_;
  zmq::socket_t socket_;
  bool connected_ = false;
  bool synced_ = false;
  bool triedFirstSync_ = false;
  std::uint64_t seq_ = 0;
  std::string epoch_;
  std::uint64_t resyncs_ = 0;
  std::uint64_t snapshots_ = 0;
  std::uint64_t gaps_ = 0;
  std::chrono::steady_clock::time_point lastHeard_;
};

}  // namespace jiujin::client
