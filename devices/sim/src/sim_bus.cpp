#include "jiujin/devices/sim/sim_bus.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>

#include "jiujin/devices/sim/modbus_rtu.hpp"

namespace jiujin::devices::sim {

using namespace std::chrono;

namespace {

std::string systemError(const char* what) { return fmt::format("{}: {}", what, std::strerror(errno)); }

timespec toTimespec(nanoseconds d) {
  if (d < nanoseconds::zero()) d = nanoseconds::zero();
  return timespec{static_cast<time_t>(duration_cast<seconds>(d).count()),
                  static_cast<long>((d % seconds(1)).count())};
}

}  // namespace

SimBus::SimBus(SimBusConfig config, std::filesystem::path link, SimulatorOptions options)
    : config_(std::move(config)), link_(std::move(link)), options_(std::move(options)) {
  const int bits = rtu::bitsPerCharacter(config_.dataBits, config_.parity != 'N', config_.stopBits);
  characterTime_ = nanoseconds(1'000'000'000LL * bits / std::max(config_.baud, 1));
  frameGap_ = microseconds(rtu::frameGapMicros(config_.baud, bits));
}

SimResult<std::unique_ptr<SimBus>> SimBus::open(
    SimBusConfig config, std::filesystem::path link, SimulatorOptions options,
    std::vector<std::unique_ptr<EmulatedDevice>> devices, DisplayHistory* history) {
  std::unique_ptr<SimBus> bus(new SimBus(std::move(config), std::move(link), std::move(options)));
  bus->history_ = history;
  for (auto& device : devices) {
    const auto address = device->address();
    // The power-on blank is where every device starts; only changes from it are recorded.
    auto shown = device->describeShown();
    bus->slots_[address] = Slot{std::move(device), {}, 0, 0, std::mt19937(address), std::move(shown)};
  }
  bus->wakeFd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (bus->wakeFd_ < 0) return SimError{systemError("eventfd")};
  if (auto error = bus->openPort()) return *error;
  bus->worker_ = std::thread([b = bus.get()] { b->run(); });
  return bus;
}

SimBus::~SimBus() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake();
  if (worker_.joinable()) worker_.join();
  closePort();
  if (wakeFd_ >= 0) ::close(wakeFd_);
}

std::optional<SimError> SimBus::openPort() {
  int master = -1;
  int slave = -1;
  char name[128] = {};
  if (openpty(&master, &slave, name, nullptr, nullptr) < 0) return SimError{systemError("openpty")};
  // Raw on the slave side: no echo, no line editing, so the bytes are the frame.
  termios tio{};
  tcgetattr(slave, &tio);
  cfmakeraw(&tio);
  tcsetattr(slave, TCSANOW, &tio);
  fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
  fcntl(master, F_SETFD, FD_CLOEXEC);
  fcntl(slave, F_SETFD, FD_CLOEXEC);
  // Replace the link atomically so a gateway never finds a half-made path.
  const auto temporary = link_.string() + ".new";
  ::unlink(temporary.c_str());
  if (::symlink(name, temporary.c_str()) < 0 || ::rename(temporary.c_str(), link_.c_str()) < 0) {
    auto error = SimError{systemError(fmt::format("publishing {}", link_.string()).c_str())};
    ::close(master);
    ::close(slave);
    return error;
  }
  std::lock_guard lock(mutex_);
  master_ = master;
  slave_ = slave;
  ptyName_ = name;
  return std::nullopt;
}

void SimBus::closePort() {
  std::lock_guard lock(mutex_);
  if (master_ < 0) return;
  ::unlink(link_.c_str());
  ::close(master_);
  ::close(slave_);
  master_ = slave_ = -1;
  ptyName_.clear();
}

std::string SimBus::ptyName() const {
  std::lock_guard lock(mutex_);
  return ptyName_;
}

bool SimBus::portPresent() const {
  std::lock_guard lock(mutex_);
  return master_ >= 0;
}

std::optional<SimError> SimBus::vanishPort(std::optional<milliseconds> returnAfter) {
  {
    std::lock_guard lock(mutex_);
    returnAt_ = returnAfter ? std::optional(SimClock::now() + *returnAfter) : std::nullopt;
  }
  return requestPort(PortRequest::Vanish, false);
}

std::optional<SimError> SimBus::restorePort() {
  {
    std::lock_guard lock(mutex_);
    returnAt_.reset();
  }
  return requestPort(PortRequest::Restore, true);
}

std::optional<SimError> SimBus::requestPort(PortRequest request, bool wantPresent) {
  std::unique_lock lock(mutex_);
  portRequest_ = request;
  lock.unlock();
  wake();
  lock.lock();
  // The worker owns the descriptors, so it does the closing and opening; wait until it has.
  const bool done = portChanged_.wait_for(lock, seconds(2), [&] {
    return portRequest_ == PortRequest::None && (master_ >= 0) == wantPresent;
  });
  if (!done) return SimError{fmt::format("bus {}: the port did not change within 2 s", config_.id)};
  return std::nullopt;
}

void SimBus::recordShown(Slot& slot) {
  if (!history_) return;
  auto shown = slot.device->describeShown();
  if (shown == slot.lastShown) return;
  slot.lastShown = shown;
  history_->record(config_.id, slot.device->id(), std::move(shown));
}

void SimBus::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(wakeFd_, &one, sizeof one);
}

void SimBus::sendDueReplies() {
  const auto now = SimClock::now();
  // Oldest due first; a reply due while another is being sent waits for it, as on the wire.
  std::sort(delayed_.begin(), delayed_.end(), [](const auto& x, const auto& y) { return x.due < y.due; });
  while (!delayed_.empty() && delayed_.front().due <= now) {
    auto bytes = std::move(delayed_.front().bytes);
    delayed_.erase(delayed_.begin());
    send(bytes);
  }
}

void SimBus::run() {
  std::vector<std::uint8_t> frame;
  SimClock::time_point firstByte{};
  SimClock::time_point lastByte{};
  std::uint8_t buffer[512];
  // The frame ends after the 3.5-character silence; with pacing the last byte cannot have
  // arrived before the frame's own wire time.
  auto frameEnd = [&] {
    auto wireEnd = lastByte;
    if (options_.pacing) wireEnd = std::max(lastByte, firstByte + characterTime_ * static_cast<long>(frame.size()));
    return wireEnd + frameGap_;
  };
  for (;;) {
    std::optional<SimClock::time_point> deadline;
    int master = -1;
    {
      std::unique_lock lock(mutex_);
      if (stopping_) return;
      auto request = portRequest_;
      if (request == PortRequest::None && master_ < 0 && returnAt_ && SimClock::now() >= *returnAt_) {
        request = PortRequest::Restore;
      }
      if (request != PortRequest::None) {
        portRequest_ = PortRequest::None;
        returnAt_ = request == PortRequest::Restore ? std::nullopt : returnAt_;
        lock.unlock();
        if (request == PortRequest::Vanish) {
          closePort();
          frame.clear();
        } else if (!portPresent()) {
          if (auto error = openPort()) fmt::print(stderr, "bussim: bus {}: {}\n", config_.id, error->message);
        }
        portChanged_.notify_all();
        continue;
      }
      master = master_;
      if (master < 0 && returnAt_) deadline = returnAt_;
    }
    if (!frame.empty() && (!deadline || frameEnd() < *deadline)) deadline = frameEnd();
    for (const auto& reply : delayed_) {
      if (!deadline || reply.due < *deadline) deadline = reply.due;
    }
    pollfd fds[2] = {{wakeFd_, POLLIN, 0}, {master, POLLIN, 0}};
    timespec ts{};
    const timespec* timeout = nullptr;
    if (deadline) {
      ts = toTimespec(*deadline - SimClock::now());
      timeout = &ts;
    }
    const int ready = ::ppoll(fds, master >= 0 ? 2 : 1, timeout, nullptr);
    if (ready < 0 && errno != EINTR) {
      fmt::print(stderr, "bussim: bus {}: {}\n", config_.id, systemError("poll"));
      return;
    }
    if (fds[0].revents & POLLIN) {
      std::uint64_t count = 0;
      [[maybe_unused]] auto n = ::read(wakeFd_, &count, sizeof count);
    }
    if (master >= 0 && (fds[1].revents & POLLIN)) {
      const auto n = ::read(master, buffer, sizeof buffer);
      if (n > 0) {
        const auto now = SimClock::now();
        if (frame.empty()) firstByte = now;
        lastByte = now;
        frame.insert(frame.end(), buffer, buffer + n);
      }
    }
    if (!delayed_.empty()) sendDueReplies();
    if (!frame.empty() && SimClock::now() >= frameEnd()) {
      serveFrame(frame);
      frame.clear();
    }
  }
}

void SimBus::serveFrame(const std::vector<std::uint8_t>& frame) {
  // A reply held by a late_reply device goes out now, as the next request starts the line
  // again: it lands in that request's exchange.
  if (!lateReply_.empty()) {
    send(lateReply_);
    lateReply_.clear();
  }
  const auto parsed = rtu::parseRequest(frame);
  // A real device stays quiet on a broken frame (too short, wrong CRC).
  if (std::holds_alternative<rtu::Ignored>(parsed)) return;
  const auto now = SimClock::now();
  std::vector<std::uint8_t> reply;
  nanoseconds delay{0};
  {
    std::lock_guard lock(mutex_);
    auto answers = [](const Slot& s) {
      return !s.faults.contains(Fault::Absent) && !s.faults.contains(Fault::Silent);
    };
    const auto* request = std::get_if<rtu::Request>(&parsed);
    if (request && request->unit == rtu::kBroadcast) {
      for (auto& [address, slot] : slots_) {
        if (!answers(slot) || slot.faults.contains(Fault::RefuseWrites)) continue;
        (void)slot.device->handle(*request, now);
        recordShown(slot);
      }
      return;
    }
    const auto it = slots_.find(frame[0]);
    if (it == slots_.end()) return;
    Slot& slot = it->second;
    ++slot.requests;
    if (!answers(slot)) return;
    // A device that needs silence after its reply does not hear a request that comes sooner.
    const auto quiet = slot.device->profile().protocol.interFrameDelay;
    if (quiet > nanoseconds::zero() && slot.lastReplyAt && now - *slot.lastReplyAt < quiet) return;
    if (slot.faults.erase(Fault::DropNext) > 0) return;  // this frame was lost on the wire
    if (const auto* refused = std::get_if<rtu::Refused>(&parsed)) {
      // A whole frame with a function or a shape the device does not take: its exception.
      reply = rtu::exceptionFrame(refused->unit, refused->function, refused->exception);
    } else if (slot.faults.contains(Fault::RefuseWrites) && request->function != rtu::Function::ReadHoldingRegisters) {
      // Applies nothing: the vendor's firmware does not take this function.
      reply = rtu::exceptionFrame(request->unit, static_cast<std::uint8_t>(request->function),
                                  rtu::Exception::IllegalFunction);
    } else {
      const auto answer = slot.device->handle(*request, now);
      reply = answer.refused ? rtu::exceptionFrame(request->unit, static_cast<std::uint8_t>(request->function),
                                                   *answer.refused)
                             : rtu::replyFrame(*request, answer.values);
      if (request->function != rtu::Function::ReadHoldingRegisters) recordShown(slot);
    }
    if (slot.faults.contains(Fault::BadCrc)) reply.back() ^= 0xFF;
    if (slot.faults.contains(Fault::Garbage)) {
      std::uniform_int_distribution<int> length(3, 16);
      std::uniform_int_distribution<int> byte(0, 255);
      reply.resize(static_cast<std::size_t>(length(slot.garbage)));
      for (auto& b : reply) b = static_cast<std::uint8_t>(byte(slot.garbage));
    }
    // The device's own pace (its profile's turnaround), or a slow fault's.
    delay = slot.device->profile().protocol.turnaround;
    if (slot.faults.contains(Fault::Slow)) delay = options_.slowDelay;
    const auto replyGoesAt = now + delay + characterTime_ * static_cast<long>(reply.size());
    slot.lastReplyAt = replyGoesAt;
    ++slot.answered;
    if (slot.faults.contains(Fault::LateReply)) {
      lateReply_ = std::move(reply);
      return;
    }
  }
  if (delay > nanoseconds::zero()) {
    // Only this device is slow: its reply goes out later, the line serves the others meanwhile.
    delayed_.push_back(DelayedReply{now + delay, std::move(reply)});
    return;
  }
  send(reply);
}

void SimBus::send(const std::vector<std::uint8_t>& bytes) {
  int master = -1;
  {
    std::lock_guard lock(mutex_);
    master = master_;
  }
  if (master < 0) return;
  const auto start = SimClock::now();
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    std::size_t chunk = bytes.size() - sent;
    if (options_.pacing) {
      // Each byte leaves when it would have finished crossing the wire.
      std::this_thread::sleep_until(start + characterTime_ * static_cast<long>(sent + 1));
      chunk = 1;
    }
    const auto n = ::write(master, bytes.data() + sent, chunk);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EAGAIN) {
      pollfd fd{master, POLLOUT, 0};
      if (::poll(&fd, 1, 100) <= 0) return;  // nobody reads the line: drop the reply
    } else {
      return;
    }
  }
}

}  // namespace jiujin::devices::sim
