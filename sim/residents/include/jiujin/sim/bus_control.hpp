#pragma once
// The bus simulator's control socket (jiujin-bussim --control, docs/devices.md), as the
// residents and clerks use it: press a keypad key, read what a device shows, rate on a pad.
// One REQ socket; a reply that does not come within the timeout replaces the socket, so a
// lost reply never wedges the REQ state machine.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <zmq.hpp>

namespace jiujin::sim {

/// A control reply: `ok` and its key=value fields, or the reason of an error.
struct ControlReply {
  bool ok = false;
  std::string error;                         ///< "timeout" when nothing came back
  std::map<std::string, std::string> fields;  ///< first line's key=value pairs, quotes removed
  std::string text;                           ///< the whole reply
  std::string field(const std::string& key) const;
};

/// Parses one reply text ("ok state=prompting ticket=\"A001\" …" or "error …").
ControlReply parseControlReply(const std::string& text);

class BusControl {
 public:
  BusControl(zmq::context_t& context, std::string endpoint,
             std::chrono::milliseconds timeout = std::chrono::milliseconds(1000));
  ~BusControl();
  BusControl(const BusControl&) = delete;
  BusControl& operator=(const BusControl&) = delete;

  ControlReply send(const std::string& command);
  ControlReply show(const std::string& device) { return send("show " + device); }
  ControlReply press(const std::string& keypad, const std::string& key) { return send("press " + keypad + " " + key); }
  ControlReply rate(const std::string& pad, int key) { return send("rate " + pad + " " + std::to_string(key)); }

 private:
  void connect();

  zmq::context_t& context_;
  std::string endpoint_;
  std::chrono::milliseconds timeout_;
  std::unique_ptr<zmq::socket_t> socket_;
};

}  // namespace jiujin::sim
