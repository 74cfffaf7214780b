#include "jiujin/devices/bus_scheduler.hpp"

#include <algorithm>
#include <tuple>

namespace jiujin::devices {

const char* toString(BusPriority priority) {
  switch (priority) {
    case BusPriority::CallDisplay: return "call-display";
    case BusPriority::KeyRead: return "key-read";
    case BusPriority::CallStrip: return "call-strip";
    case BusPriority::KeypadPoll: return "keypad-poll";
    case BusPriority::PadPoll: return "pad-poll";
    case BusPriority::Background: return "background";
    case BusPriority::Check: return "check";
  }
  return "unknown";
}

bool BusScheduler::addDevice(const BusDevice& device) {
  if (device.slave < 0 || device.slave > 247 || device.id.empty()) return false;
  return devices_.try_emplace(device.id, DeviceState{device, DeviceHealth(policy_)}).second;
}

bool BusScheduler::addPollJob(const PollJob& job, TimePoint now) {
  if (!devices_.contains(job.deviceId) || job.count < 1) return false;
  polls_.push_back(Poll{job, now});
  return true;
}

bool BusScheduler::submitWrite(const std::string& deviceId, int address, std::vector<std::uint16_t> values,
                               BusPriority priority, TimePoint now) {
  return submitWrites(deviceId, {WriteBlock{address, std::move(values)}}, priority, now);
}

bool BusScheduler::submitWrites(const std::string& deviceId, std::vector<WriteBlock> blocks, BusPriority priority,
                                TimePoint now) {
  if (!devices_.contains(deviceId) || blocks.empty()) return false;
  for (const auto& block : blocks)
    if (block.values.empty()) return false;
  const WriteKey key{deviceId, blocks.front().address};
  auto [it, inserted] = writes_.try_emplace(key, PendingWrite{blocks, 0, priority, now});
  if (!inserted) {
    // Displays show state: only the latest content matters, and it keeps the old
    // place in line so a stream of refreshes cannot push it back forever.
    it->second.blocks = std::move(blocks);
    it->second.next = 0;
    it->second.priority = std::min(it->second.priority, priority);
  }
  return true;
}

bool BusScheduler::submitRead(const std::string& deviceId, int address, int count, BusPriority priority,
                              TimePoint now) {
  if (!devices_.contains(deviceId) || count < 1) return false;
  auto [it, inserted] = reads_.try_emplace(WriteKey{deviceId, address}, PendingRead{count, priority, now});
  if (!inserted) {
    it->second.count = std::max(it->second.count, count);
    it->second.priority = std::min(it->second.priority, priority);
  }
  return true;
}

bool BusScheduler::retunePoll(const std::string& deviceId, int address, BusPriority priority,
                              std::chrono::milliseconds interval, TimePoint now) {
  bool found = false;
  for (auto& poll : polls_) {
    if (poll.job.deviceId != deviceId || poll.job.address != address) continue;
    poll.job.priority = priority;
    poll.job.interval = interval;
    poll.dueAt = now + interval;
    found = true;
  }
  return found;
}

Frame BusScheduler::writeFrame(const DeviceState& state, const PendingWrite& write) {
  const WriteBlock& block = write.blocks.at(write.next);
  return Frame{Frame::Kind::Write, state.device.id, state.device.slave, block.address,
               static_cast<int>(block.values.size()), block.values, write.priority, block.function};
}

std::optional<Frame> BusScheduler::next(TimePoint now) {
  if (inFlight_) return std::nullopt;
  // A candidate's rank: class first, then how long it has waited.
  using Rank = std::tuple<BusPriority, TimePoint>;
  std::optional<Rank> best;
  std::optional<Frame> chosen;
  std::map<WriteKey, PendingWrite>::iterator chosenWrite = writes_.end();
  std::map<WriteKey, PendingRead>::iterator chosenRead = reads_.end();
  Poll* chosenPoll = nullptr;
  auto consider = [&](Rank rank) {
    if (best && !(rank < *best)) return false;
    best = rank;
    return true;
  };

  for (auto it = writes_.begin(); it != writes_.end(); ++it) {
    const auto& state = devices_.at(it->first.first);
    if (!state.health.online()) continue;  // held until the device answers again
    if (consider({it->second.priority, it->second.submittedAt})) {
      chosenWrite = it;
      chosenPoll = nullptr;
      chosen = writeFrame(state, it->second);
    }
  }
  for (auto it = reads_.begin(); it != reads_.end(); ++it) {
    const auto& state = devices_.at(it->first.first);
    if (!state.health.online()) continue;
    if (consider({it->second.priority, it->second.submittedAt})) {
      chosenWrite = writes_.end();
      chosenRead = it;
      chosenPoll = nullptr;
      chosen = Frame{Frame::Kind::Poll, state.device.id, state.device.slave, it->first.second, it->second.count, {},
                     it->second.priority};
    }
  }
  for (auto& poll : polls_) {
    const auto& state = devices_.at(poll.job.deviceId);
    if (!state.health.online() || poll.dueAt > now) continue;
    if (consider({poll.job.priority, poll.dueAt})) {
      chosenWrite = writes_.end();
      chosenRead = reads_.end();
      chosenPoll = &poll;
      chosen = Frame{Frame::Kind::Poll, state.device.id, state.device.slave, poll.job.address, poll.job.count, {},
                     poll.job.priority};
      chosen->whenNonZero = poll.job.whenNonZero;
    }
  }
  for (const auto& [id, state] : devices_) {
    if (state.health.online() || state.health.nextProbeAt() > now) continue;
    if (!consider({BusPriority::Background, state.health.nextProbeAt()})) continue;
    chosenWrite = writes_.end();
    chosenRead = reads_.end();
    chosenPoll = nullptr;
    chosen = Frame{Frame::Kind::Probe, id, state.device.slave, state.device.probeAddress, state.device.probeCount, {},
                   BusPriority::Background};
    if (!state.health.refusing()) continue;
    // A device that answers but refuses would answer a plain read: ask it what it refused.
    if (auto held = oldestHeldWrite(id); held != writes_.end()) {
      chosenWrite = held;
      chosen = writeFrame(state, held->second);
    } else if (state.refusedRead) {
      chosen->address = state.refusedRead->first;
      chosen->count = state.refusedRead->second;
    }
  }

  if (!chosen) return std::nullopt;
  const auto& device = devices_.at(chosen->deviceId).device;
  chosen->turnaround = device.turnaround;
  chosen->interFrameDelay = device.interFrameDelay;
  if (chosenWrite != writes_.end()) {
    inFlightWrite_.emplace(chosenWrite->first, std::move(chosenWrite->second));
    writes_.erase(chosenWrite);
  }
  if (chosenRead != reads_.end()) reads_.erase(chosenRead);  // once: its asker reads again if it must
  if (chosenPoll) chosenPoll->dueAt = now + chosenPoll->job.interval;
  inFlight_ = true;
  return chosen;
}

FrameOutcome BusScheduler::complete(const Frame& frame, const std::optional<ModbusError>& error, TimePoint now) {
  inFlight_ = false;
  auto found = devices_.find(frame.deviceId);
  if (found == devices_.end()) return {};
  auto& state = found->second;
  FrameOutcome outcome;
  outcome.change = state.health.record(error, now);
  if (error && error->kind == ModbusErrorKind::Exception && frame.kind != Frame::Kind::Write)
    state.refusedRead = std::pair{frame.address, frame.count};
  if (outcome.change == HealthChange::CameBack) state.refusedRead.reset();
  if (frame.kind == Frame::Kind::Write && inFlightWrite_) {
    auto [key, write] = std::move(*inFlightWrite_);
    inFlightWrite_.reset();
    bool again = false;
    if (!error) {
      again = ++write.next < write.blocks.size();  // the rest of it, in order
    } else if (isDeviceFailure(*error)) {
      // Not lost: it goes again from its first frame (or waits for the device's return), so
      // the text is sent before the commit again — unless newer content arrived meanwhile.
      write.next = 0;
      again = true;
    }
    if (again) writes_.try_emplace(key, std::move(write));
  }
  outcome.health = reportFor(state);
  return outcome;
}

std::optional<BusScheduler::TimePoint> BusScheduler::nextDueAt() const {
  std::optional<TimePoint> earliest;
  auto offer = [&](TimePoint t) {
    if (!earliest || t < *earliest) earliest = t;
  };
  for (const auto& poll : polls_)
    if (devices_.at(poll.job.deviceId).health.online()) offer(poll.dueAt);
  for (const auto& [id, state] : devices_)
    if (!state.health.online()) offer(state.health.nextProbeAt());
  return earliest;
}

DeviceHealthReport BusScheduler::reportFor(const DeviceState& state) const {
  return DeviceHealthReport{state.device.id, state.health.online(), state.health.refusing(),
                            state.health.consecutiveFailures(), state.health.counters()};
}

std::map<BusScheduler::WriteKey, BusScheduler::PendingWrite>::iterator BusScheduler::oldestHeldWrite(
    const std::string& deviceId) {
  auto oldest = writes_.end();
  for (auto it = writes_.lower_bound(WriteKey{deviceId, 0}); it != writes_.end() && it->first.first == deviceId; ++it)
    if (oldest == writes_.end() || it->second.submittedAt < oldest->second.submittedAt) oldest = it;
  return oldest;
}

std::optional<DeviceHealthReport> BusScheduler::health(const std::string& deviceId) const {
  auto found = devices_.find(deviceId);
  if (found == devices_.end()) return std::nullopt;
  return reportFor(found->second);
}

std::vector<DeviceHealthReport> BusScheduler::healthReports() const {
  std::vector<DeviceHealthReport> reports;
  reports.reserve(devices_.size());
  for (const auto& [id, state] : devices_) reports.push_back(reportFor(state));
  return reports;
}

}  // namespace jiujin::devices
