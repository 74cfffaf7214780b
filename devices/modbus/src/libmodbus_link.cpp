// ModbusLink over one libmodbus context (RTU or TCP). The context is opened lazily and
// dropped when the line vanishes, so the next request reopens it.
#include <modbus/modbus.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "jiujin/devices/rtu_reply.hpp"
#include "jiujin/devices/wire_time.hpp"
#include "modbus_errno.hpp"

namespace jiujin::devices {

namespace {

constexpr int kMaxSlave = 247;
constexpr int kMaxReadCount = MODBUS_MAX_READ_REGISTERS;    // 125
constexpr int kMaxWriteCount = MODBUS_MAX_WRITE_REGISTERS;  // 123
constexpr int kAddressSpace = 0x10000;

struct ContextDeleter {
  void operator()(modbus_t* context) const {
    modbus_close(context);
    modbus_free(context);
  }
};
using Context = std::unique_ptr<modbus_t, ContextDeleter>;

void setTimeout(modbus_t* context, int (*setter)(modbus_t*, uint32_t, uint32_t), std::chrono::milliseconds timeout) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
  setter(context, static_cast<uint32_t>(us / 1000000), static_cast<uint32_t>(us % 1000000));
}

class LibmodbusLink final : public ModbusLink {
 public:
  // `create` makes a fresh, unconnected context; `afterConnect` tunes a connected one.
  // `serial` is set for an RTU line: its requests' timeouts then follow their wire time.
  LibmodbusLink(std::string name, std::function<modbus_t*()> create, std::function<void(modbus_t*)> afterConnect,
                ModbusTimeouts timeouts, std::optional<SerialSettings> serial)
      : name_(std::move(name)),
        create_(std::move(create)),
        afterConnect_(std::move(afterConnect)),
        timeouts_(timeouts),
        serial_(serial) {}

  const std::string& name() const override { return name_; }

  ModbusResult<std::vector<std::uint16_t>> readHoldingRegisters(int slave, int address, int count) override {
    const auto action = fmt::format("read {} registers at {:#06x}", count, address);
    if (slave < 1 || slave > kMaxSlave) return detail::invalidRequest(name_, slave, "slave address must be 1..247 for a read");
    if (auto e = checkRange(slave, address, count, kMaxReadCount)) return *e;
    std::vector<std::uint16_t> registers(static_cast<std::size_t>(count));
    const RtuRequest request{slave, 0x03, address, count, 0};
    auto call = [&](modbus_t* c) -> std::optional<ModbusError> {
      if (serial_) return rtuExchange(c, request, {}, &registers, action);
      if (modbus_read_registers(c, address, count, registers.data()) >= 0) return std::nullopt;
      return detail::modbusErrorFromErrno(errno, name_, slave, action);
    };
    if (auto e = run(slave, readBytes(count), action, call)) return *e;
    return registers;
  }

  ModbusResult<void> writeRegisters(int slave, int address, std::span<const std::uint16_t> values) override {
    const int count = static_cast<int>(values.size());
    const auto action = fmt::format("write {} registers at {:#06x}", count, address);
    if (slave < 0 || slave > kMaxSlave) return detail::invalidRequest(name_, slave, "slave address must be 0..247");
    if (auto e = checkRange(slave, address, count, kMaxWriteCount)) return *e;
    const RtuRequest request{slave, 0x10, address, count, 0};
    auto call = [&](modbus_t* c) -> std::optional<ModbusError> {
      if (serial_) return rtuExchange(c, request, values, nullptr, action);
      if (modbus_write_registers(c, address, count, values.data()) >= 0) return std::nullopt;
      return detail::modbusErrorFromErrno(errno, name_, slave, action);
    };
    if (auto e = run(slave, writeBytes(count), action, call)) return *e;
    return {};
  }

  ModbusResult<void> writeRegister(int slave, int address, std::uint16_t value) override {
    const auto action = fmt::format("write register {:#06x}", address);
    if (slave < 0 || slave > kMaxSlave) return detail::invalidRequest(name_, slave, "slave address must be 0..247");
    if (auto e = checkRange(slave, address, 1, 1)) return *e;
    const RtuRequest request{slave, 0x06, address, 1, value};
    auto call = [&](modbus_t* c) -> std::optional<ModbusError> {
      if (serial_) return rtuExchange(c, request, {}, nullptr, action);
      if (modbus_write_register(c, address, value) >= 0) return std::nullopt;
      return detail::modbusErrorFromErrno(errno, name_, slave, action);
    };
    if (auto e = run(slave, writeOneBytes(), action, call)) return *e;
    return {};
  }

 private:
  std::optional<ModbusError> checkRange(int slave, int address, int count, int maxCount) const {
    if (count < 1 || count > maxCount)
      return detail::invalidRequest(name_, slave, fmt::format("register count {} outside 1..{}", count, maxCount));
    if (address < 0 || address + count > kAddressSpace)
      return detail::invalidRequest(name_, slave, fmt::format("registers {}+{} outside the address space", address, count));
    return std::nullopt;
  }

  std::optional<ModbusError> connect() {
    if (context_) return std::nullopt;
    Context fresh(create_());
    if (!fresh) return detail::modbusErrorFromErrno(errno, name_, -1, "set up");
    setTimeout(fresh.get(), modbus_set_response_timeout, timeouts_.response);
    setTimeout(fresh.get(), modbus_set_byte_timeout, timeouts_.byte);
    if (modbus_connect(fresh.get()) != 0) {
      const int err = errno;
      modbus_free(fresh.release());  // never connected: nothing to close
      auto error = detail::modbusErrorFromErrno(err, name_, -1, "open");
      // Failing to open means the line is not there, whatever errno says.
      if (error.kind == ModbusErrorKind::Io) error.kind = ModbusErrorKind::PortGone;
      return error;
    }
    afterConnect_(fresh.get());
    context_ = std::move(fresh);
    return std::nullopt;
  }

  // The frame's own wire time, not only the configured figure: a 100-register write at
  // 9600 baud is still being sent when a fixed 100 ms would have expired.
  std::chrono::milliseconds responseTimeout(ExchangeBytes bytes) const {
    const auto turnaround = answerAllowance(deviceTurnaround_, timeouts_.turnaround);
    if (!serial_) return std::max(timeouts_.response, turnaround);
    return responseTimeoutFor(bytes, *serial_, turnaround, timeouts_.response);
  }

  // One RTU exchange, its reply checked by us (rtu_reply.hpp): libmodbus 3.1.6 checks the
  // slave, the function and a read's byte count, not the address a write echoes.
  std::optional<ModbusError> rtuExchange(modbus_t* c, const RtuRequest& request, std::span<const std::uint16_t> values,
                                         std::vector<std::uint16_t>* registers, std::string_view action) {
    const auto bytes = rtuRequestBytes(request, values);
    if (modbus_send_raw_request(c, bytes.data(), static_cast<int>(bytes.size())) < 0)
      return detail::modbusErrorFromErrno(errno, name_, request.slave, action);
    std::uint8_t reply[MODBUS_RTU_MAX_ADU_LENGTH];
    const int length = modbus_receive_confirmation(c, reply);
    if (length < 0) return detail::modbusErrorFromErrno(errno, name_, request.slave, action);
    // 0: libmodbus set aside a frame from another slave; otherwise the length includes the CRC.
    const std::span<const std::uint8_t> frame(reply, length >= 2 ? static_cast<std::size_t>(length - 2) : 0u);
    auto check = checkRtuReply(request, frame);
    if (!check.error) {
      if (registers) *registers = std::move(check.registers);
      return std::nullopt;
    }
    if (*check.error == ModbusErrorKind::Exception)
      return detail::modbusErrorFromErrno(MODBUS_ENOBASE + check.exceptionCode, name_, request.slave, action);
    return ModbusError{*check.error, 0,
                       fmt::format("{} slave {}: {}: {}", name_, request.slave, action, check.reason)};
  }

  // Reads and drops bytes until the line has been quiet for the byte timeout (at most the
  // response timeout in all): the rest of a wrong or broken reply, and a real reply that
  // follows a late one, must not be left for the next request.
  void drainLine(std::chrono::milliseconds bound) {
    const int fd = modbus_get_socket(context_.get());
    if (fd < 0) return;
    const auto deadline = std::chrono::steady_clock::now() + bound;
    std::uint8_t sink[256];
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= std::chrono::milliseconds::zero()) break;
      pollfd ready{fd, POLLIN, 0};
      if (::poll(&ready, 1, static_cast<int>(std::min(left, timeouts_.byte).count()) + 1) <= 0) break;
      if (::read(fd, sink, sizeof sink) <= 0) break;
    }
  }

  template <typename Call>
  std::optional<ModbusError> run(int slave, ExchangeBytes bytes, std::string_view action, Call call) {
    if (auto error = connect()) return error;
    if (modbus_set_slave(context_.get(), slave) != 0) return detail::modbusErrorFromErrno(errno, name_, slave, action);
    const auto timeout = responseTimeout(bytes);
    setTimeout(context_.get(), modbus_set_response_timeout, timeout);
    // A reply that came after its master gave up may sit on the line: it is no answer to this.
    modbus_flush(context_.get());
    auto error = call(context_.get());
    if (!error) return std::nullopt;
    switch (error->kind) {
      case ModbusErrorKind::Timeout:
        // A broadcast is never answered: libmodbus still waits, so its timeout is success.
        if (slave == MODBUS_BROADCAST_ADDRESS) return std::nullopt;
        break;
      case ModbusErrorKind::BadCrc:
      case ModbusErrorKind::BadFrame:
        drainLine(timeout);
        break;
      case ModbusErrorKind::PortGone:
      case ModbusErrorKind::Io:
        context_.reset();  // reopen on the next request: the adapter may come back
        break;
      case ModbusErrorKind::Exception:
      case ModbusErrorKind::InvalidRequest:
        break;
    }
    return error;
  }

  std::string name_;
  std::function<modbus_t*()> create_;
  std::function<void(modbus_t*)> afterConnect_;
  ModbusTimeouts timeouts_;
  std::optional<SerialSettings> serial_;
  Context context_;
};

char parityLetter(Parity parity) {
  switch (parity) {
    case Parity::Even: return 'E';
    case Parity::Odd: return 'O';
    case Parity::None: break;
  }
  return 'N';
}

}  // namespace

std::unique_ptr<ModbusLink> makeRtuLink(RtuLinkSettings settings) {
  auto name = fmt::format("rtu:{}", settings.port);
  const auto serial = settings.serial;
  const bool rs485 = settings.rs485Mode;
  auto create = [port = settings.port, serial] {
    return modbus_new_rtu(port.c_str(), serial.baud, parityLetter(serial.parity), serial.dataBits, serial.stopBits);
  };
  auto afterConnect = [rs485](modbus_t* context) {
    // Pseudo-terminals and many USB adapters answer ENOTTY: they switch direction
    // themselves, so a refusal is not an error.
    if (rs485) modbus_rtu_set_serial_mode(context, MODBUS_RTU_RS485);
  };
  return std::make_unique<LibmodbusLink>(std::move(name), std::move(create), std::move(afterConnect), settings.timeouts,
                                         serial);
}

std::unique_ptr<ModbusLink> makeTcpLink(TcpLinkSettings settings) {
  auto name = fmt::format("tcp:{}:{}", settings.host, settings.port);
  auto create = [host = settings.host, service = std::to_string(settings.port)] {
    return modbus_new_tcp_pi(host.c_str(), service.c_str());
  };
  return std::make_unique<LibmodbusLink>(std::move(name), std::move(create), [](modbus_t*) {}, settings.timeouts,
                                         std::nullopt);
}

}  // namespace jiujin::devices
