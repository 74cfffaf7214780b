#pragma once
// Serves the control language on a ZeroMQ REP socket (one request = one command line) from
// its own thread, so tests and the demo drive the simulator from outside the process.
#include <memory>
#include <string>
#include <thread>

#include "jiujin/devices/sim/bus_simulator.hpp"

namespace zmq {
class context_t;
class socket_t;
}  // namespace zmq

namespace jiujin::devices::sim {

class ControlServer {
 public:
  /// Binds `endpoint` (e.g. "tcp://127.0.0.1:*" or "ipc:///run/jiujin/bussim") and serves.
  static SimResult<std::unique_ptr<ControlServer>> bind(BusSimulator& sim, const std::string& endpoint);
  ~ControlServer();
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;

  /// The bound endpoint, with the port the system chose for "*".
  const std::string& endpoint() const { return endpoint_; }

 private:
  explicit ControlServer(BusSimulator& sim);
  void serve();

  BusSimulator& sim_;
  std::unique_ptr<zmq::context_t> context_;
  std::unique_ptr<zmq::socket_t> replies_;  // used only by the serving thread once it runs
  std::unique_ptr<zmq::socket_t> stopSend_;  // owner thread's end of the stop signal
  std::unique_ptr<zmq::socket_t> stopReceive_;
  std::string endpoint_;
  std::thread thread_;
};

}  // namespace jiujin::devices::sim
