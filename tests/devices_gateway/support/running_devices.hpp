#pragma once
// The township hall running for real: jiujin-dispatcher (temp database, ephemeral ports),
// jiujin-bussim (ptys in a temp folder, no pacing) and jiujin-devices between them, with a
// temp copy of config/samples/township.toml. Tests talk to them the way programs do: the
// client library for the dispatcher, the simulator's control socket for hands on keys.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/event_stream.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace jiujin::testing {

struct Heard {
  std::string topic;
  nlohmann::json message;
};

class RunningDevices {
 public:
  RunningDevices();
  ~RunningDevices();

  /// True when all three programs started (the reason is in failure() if not).
  bool started() const { return failure_.empty(); }
  const std::string& failure() const { return failure_; }

  /// A request as `role` (at `window` for a console); fails the test on a refusal.
  nlohmann::json request(const std::string& role, const std::string& type, const nlohmann::json& body,
                         int window = 0);
  client::Reply tryRequest(const std::string& role, const std::string& type, const nlohmann::json& body,
                           int window = 0);
  /// Logs `clerk` in at `window` (PIN 1234, the sample's demo PIN) and opens it.
  void staff(int window, const std::string& clerk);
  /// Issues a general (A) ticket at the kiosk; returns its number.
  std::string issueGeneral();

  /// One control command to the simulator; its whole reply.
  std::string control(const std::string& command);
  /// The `show DEVICE` reply.
  std::string show(const std::string& device) { return control("show " + device); }
  /// How many requests the simulator saw for a device.
  std::uint64_t requestsSeenBy(const std::string& device);

  /// Waits (on the event stream, bounded) until `done` holds.
  bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds bound);
  /// Waits until a message on `topic` satisfies `match`; true if one came (or had come).
  bool waitForMessage(const std::string& topic, const std::function<bool(const nlohmann::json&)>& match,
                      std::chrono::milliseconds bound);
  int countMessages(const std::string& topic) const;
  int countMessages(const std::string& topic, const std::function<bool(const nlohmann::json&)>& match) const;

  std::string gatewayOutput() { return gateway_ ? gateway_->output() : std::string(); }

  TempDir dir;

 private:
  void start();

  std::string failure_;
  std::unique_ptr<ChildProcess> dispatcher_;
  std::unique_ptr<ChildProcess> bussim_;
  std::unique_ptr<ChildProcess> gateway_;
  std::string commands_;
  std::string events_;
  std::string controlEndpoint_;
  zmq::context_t context_;
  std::unique_ptr<zmq::socket_t> control_;
  std::unique_ptr<client::EventStream> stream_;
  std::vector<Heard> heard_;
};

}  // namespace jiujin::testing
