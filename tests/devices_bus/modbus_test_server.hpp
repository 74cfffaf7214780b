#pragma once
// A real libmodbus server for integration tests: answers one slave address on a
// pseudo-terminal (reached by a stable symlink, like /dev/serial/by-id/…) or on TCP
// 127.0.0.1 with an ephemeral port. It can fall silent, and the pty can vanish and return.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct _modbus;
struct _modbus_mapping_t;

namespace jiujin::devices::testing {

class ModbusTestServer {
 public:
  /// A server on a new pty; `linkPath` becomes a symlink to the pty's slave side.
  static std::unique_ptr<ModbusTestServer> onPty(int slave, std::string linkPath);
  /// A server listening on 127.0.0.1 at an ephemeral port (see tcpPort()).
  static std::unique_ptr<ModbusTestServer> onTcp(int slave);
  ~ModbusTestServer();
  ModbusTestServer(const ModbusTestServer&) = delete;
  ModbusTestServer& operator=(const ModbusTestServer&) = delete;

  int tcpPort() const { return tcpPort_; }
  const std::string& linkPath() const { return linkPath_; }

  std::vector<std::uint16_t> registers(int address, int count) const;
  void setRegister(int address, std::uint16_t value);
  /// Waits (bounded) until registers [address, address+count) hold `expected`.
  bool waitForRegisters(int address, const std::vector<std::uint16_t>& expected, std::chrono::milliseconds bound);
  /// Requests received (answered or not).
  std::uint64_t requests() const;
  bool waitForRequests(std::uint64_t count, std::chrono::milliseconds bound);
  /// Waits (bounded) until `count` replies have been written to the line.
  bool waitForReplies(std::uint64_t count, std::chrono::milliseconds bound);

  /// While silent, requests are read and dropped: the master times out.
  void setSilent(bool silent);
  /// Each reply goes out this long after its request arrived, as from a device still
  /// sending a long frame or a slow one (a reply later than the master waits is late).
  void setReplyDelay(std::chrono::milliseconds delay);
  /// The pty disappears (its master closes, the symlink goes), like an unplugged adapter.
  void vanish();
  /// A new pty appears behind the same symlink, and the server answers again.
  void comeBack();

 private:
  ModbusTestServer(int slave, std::string linkPath);
  void openPty();
  void serveRtu();
  void serveTcp();
  void answer(_modbus* context, int length, const std::uint8_t* request);
  void stopThread();

  const int slave_;
  const std::string linkPath_;
  int tcpPort_ = 0;
  int listenFd_ = -1;
  int ptyMaster_ = -1;
  int ptySlave_ = -1;  // held open so the master does not see a hang-up between clients
  int stopPipe_[2] = {-1, -1};
  _modbus* context_ = nullptr;
  _modbus_mapping_t* mapping_ = nullptr;  // guarded by mutex_
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t requests_ = 0;  // guarded by mutex_
  std::uint64_t replies_ = 0;   // guarded by mutex_
  bool silent_ = false;         // guarded by mutex_
  std::chrono::milliseconds replyDelay_{0};  // guarded by mutex_
  std::thread thread_;
};

}  // namespace jiujin::devices::testing
