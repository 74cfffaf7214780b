#include "jiujin/devices/bus_worker.hpp"

namespace jiujin::devices {

namespace {
using Clock = std::chrono::steady_clock;
/// How long after a slave's timeout its late reply may still land in another exchange.
constexpr auto kLateReplyWindow = std::chrono::seconds(2);
/// How long a late reply may still be on the wire once its master gave up on it.
constexpr auto kLateReplyLength = std::chrono::milliseconds(20);
}

BusWorker::BusWorker(std::unique_ptr<ModbusLink> link, BusWorkerOptions options, BusCallbacks callbacks)
    : link_(std::move(link)),
      options_(std::move(options)),
      callbacks_(std::move(callbacks)),
      scheduler_(options_.health),
      thread_([this] { run(); }) {}

BusWorker::~BusWorker() { stop(); }

bool BusWorker::addDevice(const BusDevice& device) {
  std::lock_guard lock(mutex_);
  return scheduler_.addDevice(device);
}

bool BusWorker::addPollJob(const PollJob& job) {
  bool added = false;
  {
    std::lock_guard lock(mutex_);
    added = scheduler_.addPollJob(job, Clock::now());
  }
  if (added) wake_.notify_one();
  return added;
}

bool BusWorker::submitWrite(const std::string& deviceId, int address, std::vector<std::uint16_t> values,
                            BusPriority priority) {
  bool queued = false;
  {
    std::lock_guard lock(mutex_);
    queued = scheduler_.submitWrite(deviceId, address, std::move(values), priority, Clock::now());
  }
  if (queued) wake_.notify_one();
  return queued;
}

bool BusWorker::submitWrites(const std::string& deviceId, std::vector<WriteBlock> blocks, BusPriority priority) {
  bool queued = false;
  {
    std::lock_guard lock(mutex_);
    queued = scheduler_.submitWrites(deviceId, std::move(blocks), priority, Clock::now());
  }
  if (queued) wake_.notify_one();
  return queued;
}

bool BusWorker::submitRead(const std::string& deviceId, int address, int count, BusPriority priority) {
  bool queued = false;
  {
    std::lock_guard lock(mutex_);
    queued = scheduler_.submitRead(deviceId, address, count, priority, Clock::now());
  }
  if (queued) wake_.notify_one();
  return queued;
}

bool BusWorker::retunePoll(const std::string& deviceId, int address, BusPriority priority,
                           std::chrono::milliseconds interval) {
  bool found = false;
  {
    std::lock_guard lock(mutex_);
    found = scheduler_.retunePoll(deviceId, address, priority, interval, Clock::now());
  }
  if (found) wake_.notify_one();  // it may fall due sooner than the worker planned to wake
  return found;
}

std::vector<DeviceHealthReport> BusWorker::health() const {
  std::lock_guard lock(mutex_);
  return scheduler_.healthReports();
}

std::optional<DeviceHealthReport> BusWorker::health(const std::string& deviceId) const {
  std::lock_guard lock(mutex_);
  return scheduler_.health(deviceId);
}

BusStatistics BusWorker::statistics() const {
  std::lock_guard lock(mutex_);
  return statistics_;
}

void BusWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void BusWorker::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (Clock::now() < lineQuietUntil_) {
      // The last device asked for silence after its exchange: nothing goes out before.
      wake_.wait_until(lock, lineQuietUntil_);
      continue;
    }
    auto frame = scheduler_.next(Clock::now());
    if (!frame) {
      if (auto due = scheduler_.nextDueAt())
        wake_.wait_until(lock, *due);
      else
        wake_.wait(lock);
      continue;
    }
    lock.unlock();
    const auto started = Clock::now();
    std::vector<std::uint16_t> registers;
    const auto error = execute(*frame, registers);
    const auto finished = Clock::now();
    lineQuietUntil_ = finished + frame->interFrameDelay;
    // A device that did not answer in time may be answering just now: the silence it needs
    // starts after that late reply, or it would not hear its next request either.
    if (error && error->kind == ModbusErrorKind::Timeout && frame->interFrameDelay > std::chrono::milliseconds::zero())
      lineQuietUntil_ += frame->interFrameDelay + kLateReplyLength;
    lock.lock();
    const auto outcome = scheduler_.complete(*frame, error, finished);
    if (!error && frame->whenNonZero && !registers.empty() && registers.front() != 0)
      scheduler_.submitRead(frame->deviceId, frame->whenNonZero->address, frame->whenNonZero->count,
                            frame->whenNonZero->priority, finished);
    statistics_.busyTime += finished - started;
    lock.unlock();
    deliver(*frame, outcome, std::move(registers), error);
    lock.lock();
  }
}

// Absent-slave rule: on an RTU line, after a request to a slave that does not answer,
// the next reply on the line can be lost once (PLATFORM.md), or be that slave's own reply
// arriving late (a wrong slave or echo: BadFrame; garbled by the collision: BadCrc). A slow
// slave's reply can land in any exchange until it comes, not only the next one. So when a
// healthy device times out right after another slave timed out, or gets a bad frame or CRC
// within kLateReplyWindow of another slave's timeout, it is asked once more at once, and only
// the second answer counts: the fault stays with the absent or late device. (The main strip's
// long frames are the likeliest to be hit; without this it went offline beside a slow display.)
std::optional<ModbusError> BusWorker::execute(const Frame& frame, std::vector<std::uint16_t>& registers) {
  auto error = exchange(frame, registers);
  const bool afterAnother = lastTimeout_ && lastTimeout_->slave != frame.slave;
  const bool swallowed = afterAnother && lastTimeout_->lastExchange && error && error->kind == ModbusErrorKind::Timeout;
  const bool lateReply = afterAnother && error &&
                         (error->kind == ModbusErrorKind::BadFrame || error->kind == ModbusErrorKind::BadCrc) &&
                         Clock::now() - lastTimeout_->at < kLateReplyWindow;
  if (swallowed || lateReply) {
    bool healthy = false;
    {
      std::lock_guard lock(mutex_);
      const auto report = scheduler_.health(frame.deviceId);
      healthy = report && report->online && report->consecutiveFailures == 0;
      if (healthy) ++statistics_.absentSlaveRetries;
    }
    if (healthy) error = exchange(frame, registers);
  }
  if (lastTimeout_) lastTimeout_->lastExchange = false;
  if (error && error->kind == ModbusErrorKind::Timeout) lastTimeout_ = RecentTimeout{frame.slave, Clock::now(), true};
  return error;
}

std::optional<ModbusError> BusWorker::exchange(const Frame& frame, std::vector<std::uint16_t>& registers) {
  {
    std::lock_guard lock(mutex_);
    ++statistics_.frames;
  }
  link_->setTurnaround(frame.turnaround);
  switch (frame.kind) {
    case Frame::Kind::Poll:
    case Frame::Kind::Probe: {
      auto read = link_->readHoldingRegisters(frame.slave, frame.address, frame.count);
      if (!read) return read.error();
      registers = std::move(read).value();
      return std::nullopt;
    }
    case Frame::Kind::Write: {
      // 0x10 unless the device's profile says 0x06: display vendors mostly implement 0x10,
      // some only 0x06 (their writes come one register a frame).
      auto written = frame.function == 0x06 && frame.values.size() == 1
                         ? link_->writeRegister(frame.slave, frame.address, frame.values.front())
                         : link_->writeRegisters(frame.slave, frame.address, frame.values);
      if (!written) return written.error();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void BusWorker::deliver(const Frame& frame, const FrameOutcome& outcome, std::vector<std::uint16_t>&& registers,
                        const std::optional<ModbusError>& error) {
  switch (frame.kind) {
    case Frame::Kind::Poll:
      if (callbacks_.pollDone) callbacks_.pollDone(PollResult{frame.deviceId, frame.address, std::move(registers), error});
      break;
    case Frame::Kind::Write:
      if (callbacks_.writeDone) callbacks_.writeDone(WriteResult{frame.deviceId, frame.address, frame.priority, frame.values, error});
      break;
    case Frame::Kind::Probe:
      break;
  }
  if (outcome.change != HealthChange::None && callbacks_.healthChanged) callbacks_.healthChanged(outcome.health);
  if (outcome.change == HealthChange::CameBack && callbacks_.deviceBack) callbacks_.deviceBack(frame.deviceId);
}

}  // namespace jiujin::devices
