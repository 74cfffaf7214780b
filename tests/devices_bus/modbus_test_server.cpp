#include "modbus_test_server.hpp"

#include <arpa/inet.h>
#include <modbus/modbus.h>
#include <netinet/in.h>
#include <poll.h>
#include <pty.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>

namespace jiujin::devices::testing {

namespace {

constexpr int kRegisterCount = 0x1000;

// Waits until `fd` is readable or the stop pipe is written; false on stop or hang-up.
bool waitReadable(int fd, int stopFd) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {stopFd, POLLIN, 0}};
  for (;;) {
    const int ready = ::poll(fds, 2, -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0 || (fds[1].revents & POLLIN)) return false;
    return (fds[0].revents & POLLIN) != 0;
  }
}

}  // namespace

ModbusTestServer::ModbusTestServer(int slave, std::string linkPath) : slave_(slave), linkPath_(std::move(linkPath)) {
  mapping_ = modbus_mapping_new(0, 0, kRegisterCount, 0);
  if (!mapping_) throw std::runtime_error("modbus_mapping_new failed");
}

ModbusTestServer::~ModbusTestServer() {
  stopThread();
  if (ptyMaster_ >= 0) ::close(ptyMaster_);
  if (ptySlave_ >= 0) ::close(ptySlave_);
  if (listenFd_ >= 0) ::close(listenFd_);
  if (!linkPath_.empty()) std::filesystem::remove(linkPath_);
  if (context_) modbus_free(context_);
  modbus_mapping_free(mapping_);
}

std::unique_ptr<ModbusTestServer> ModbusTestServer::onPty(int slave, std::string linkPath) {
  std::unique_ptr<ModbusTestServer> server(new ModbusTestServer(slave, std::move(linkPath)));
  // Never connected: the context only frames and parses; it reads the pty master we give it.
  server->context_ = modbus_new_rtu("/dev/null", 9600, 'N', 8, 1);
  modbus_set_slave(server->context_, slave);
  modbus_set_byte_timeout(server->context_, 0, 20000);
  server->openPty();
  return server;
}

std::unique_ptr<ModbusTestServer> ModbusTestServer::onTcp(int slave) {
  std::unique_ptr<ModbusTestServer> server(new ModbusTestServer(slave, ""));
  server->context_ = modbus_new_tcp("127.0.0.1", 0);
  modbus_set_slave(server->context_, slave);
  server->listenFd_ = modbus_tcp_listen(server->context_, 1);
  if (server->listenFd_ < 0) throw std::runtime_error("modbus_tcp_listen failed");
  sockaddr_in address{};
  socklen_t length = sizeof address;
  ::getsockname(server->listenFd_, reinterpret_cast<sockaddr*>(&address), &length);
  server->tcpPort_ = ntohs(address.sin_port);
  if (::pipe(server->stopPipe_) != 0) throw std::runtime_error("pipe failed");
  server->thread_ = std::thread([s = server.get()] { s->serveTcp(); });
  return server;
}

void ModbusTestServer::openPty() {
  char name[128] = {};
  if (::openpty(&ptyMaster_, &ptySlave_, name, nullptr, nullptr) != 0) throw std::runtime_error("openpty failed");
  std::filesystem::remove(linkPath_);
  std::filesystem::create_symlink(name, linkPath_);
  modbus_set_socket(context_, ptyMaster_);
  if (::pipe(stopPipe_) != 0) throw std::runtime_error("pipe failed");
  thread_ = std::thread([this] { serveRtu(); });
}

void ModbusTestServer::stopThread() {
  if (stopPipe_[1] >= 0) {
    const char stop = 's';
    [[maybe_unused]] auto written = ::write(stopPipe_[1], &stop, 1);
  }
  if (thread_.joinable()) thread_.join();
  for (int& fd : stopPipe_) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
}

void ModbusTestServer::vanish() {
  stopThread();
  ::close(ptyMaster_);
  ::close(ptySlave_);
  ptyMaster_ = ptySlave_ = -1;
  std::filesystem::remove(linkPath_);
}

void ModbusTestServer::comeBack() { openPty(); }

void ModbusTestServer::serveRtu() {
  std::uint8_t request[MODBUS_RTU_MAX_ADU_LENGTH];
  while (waitReadable(ptyMaster_, stopPipe_[0])) {
    const int length = modbus_receive(context_, request);
    if (length > 0) answer(context_, length, request);
    // A real device finds the next frame after 3.5 characters of silence; libmodbus has
    // no such rule, so after a bad frame the rest of the line is dropped instead.
    if (length < 0) modbus_flush(context_);
  }
}

void ModbusTestServer::serveTcp() {
  std::uint8_t request[MODBUS_TCP_MAX_ADU_LENGTH];
  while (waitReadable(listenFd_, stopPipe_[0])) {
    int listening = listenFd_;
    const int connection = modbus_tcp_accept(context_, &listening);
    if (connection < 0) continue;
    while (waitReadable(connection, stopPipe_[0])) {
      const int length = modbus_receive(context_, request);
      if (length > 0) answer(context_, length, request);
      if (length < 0 && errno != EMBBADCRC && errno != EMBBADDATA) break;  // client went away
    }
    ::close(connection);
  }
}

void ModbusTestServer::answer(_modbus* context, int length, const std::uint8_t* request) {
  std::unique_lock lock(mutex_);
  ++requests_;
  changed_.notify_all();
  if (silent_) return;
  if (const auto delay = replyDelay_; delay > std::chrono::milliseconds(0)) {
    lock.unlock();
    // The device's own pace, cut short only when the server stops.
    pollfd stop{stopPipe_[0], POLLIN, 0};
    if (::poll(&stop, 1, static_cast<int>(delay.count())) != 0) return;
    lock.lock();
  }
  modbus_reply(context, request, length, mapping_);
  ++replies_;
  changed_.notify_all();
}

bool ModbusTestServer::waitForReplies(std::uint64_t count, std::chrono::milliseconds bound) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, bound, [&] { return replies_ >= count; });
}

void ModbusTestServer::setReplyDelay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  replyDelay_ = delay;
}

std::vector<std::uint16_t> ModbusTestServer::registers(int address, int count) const {
  std::lock_guard lock(mutex_);
  return {mapping_->tab_registers + address, mapping_->tab_registers + address + count};
}

void ModbusTestServer::setRegister(int address, std::uint16_t value) {
  std::lock_guard lock(mutex_);
  mapping_->tab_registers[address] = value;
}

bool ModbusTestServer::waitForRegisters(int address, const std::vector<std::uint16_t>& expected,
                                        std::chrono::milliseconds bound) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, bound, [&] {
    return std::equal(expected.begin(), expected.end(), mapping_->tab_registers + address);
  });
}

std::uint64_t ModbusTestServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

bool ModbusTestServer::waitForRequests(std::uint64_t count, std::chrono::milliseconds bound) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, bound, [&] { return requests_ >= count; });
}

void ModbusTestServer::setSilent(bool silent) {
  std::lock_guard lock(mutex_);
  silent_ = silent;
}

}  // namespace jiujin::devices::testing
