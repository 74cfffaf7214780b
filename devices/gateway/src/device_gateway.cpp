#include "jiujin/devices/gateway/device_gateway.hpp"

#include "jiujin/base/log.hpp"

#include <sys/eventfd.h>
#include <unistd.h>


#include <fmt/format.h>

#include "jiujin/devices/gateway/device_requests.hpp"
#include "jiujin/devices/drivers/write_frames.hpp"
#include "jiujin/devices/gateway/hall_content.hpp"

namespace jiujin::devices::gateway {

namespace {

using drivers::RegisterWrite;

std::unique_ptr<ModbusLink> defaultLink(const PlannedBus& bus) {
  if (bus.rtu) return makeRtuLink(*bus.rtu);
  return makeTcpLink(*bus.tcp);
}

std::uint16_t nextSeq(std::uint16_t seq) { return seq == 0xFFFF ? 1 : static_cast<std::uint16_t>(seq + 1); }

/// The register a display's health check reads: its content sequence.
std::optional<std::uint16_t> contentSeqRegister(const drivers::Profile& profile) {
  if (const auto* w = std::get_if<drivers::WindowDisplayMap>(&profile.map)) return w->contentSeq;
  if (const auto* s = std::get_if<drivers::MainStripMap>(&profile.map)) return s->contentSeq;
  return std::nullopt;
}

/// Idle as the same frame as a prompt (blank fields, then "cancel" as the command): writes
/// coalesce per start address, so a prompt and a cancel queued one after the other (a rating
/// timed out while the pad was away) can never go out in the wrong order.
drivers::Expected<std::vector<RegisterWrite>> padIdleWrites(const drivers::EvalPadMap& map) {
  const RegisterWrite cancel = drivers::encodePadCancel(map);
  auto writes = drivers::encodePadPrompt(drivers::PadPrompt{"", "", "", 1}, map);
  if (!writes || writes.value().empty()) return std::vector<RegisterWrite>{cancel};
  RegisterWrite& last = writes.value().back();
  if (last.values.empty() || last.address + last.values.size() - 1 != cancel.address)
    return std::vector<RegisterWrite>{cancel};  // a layout without the command last
  last.values.back() = cancel.values.front();
  return writes;
}

BusDevice busDeviceOf(const PlannedDevice& d) {
  BusDevice device{d.id, d.slave, 0, 1, d.profile.protocol.turnaround, d.profile.protocol.interFrameDelay};
  if (const auto seq = contentSeqRegister(d.profile)) {
    device.probeAddress = *seq;
  } else if (const auto* w = std::get_if<drivers::WindowDisplayMap>(&d.profile.map)) {
    device.probeAddress = w->text.address;  // no commit register: any register answers
  } else if (const auto* s = std::get_if<drivers::MainStripMap>(&d.profile.map)) {
    device.probeAddress = s->lines.front().address;
  } else if (const auto* k = std::get_if<drivers::KeypadMap>(&d.profile.map)) {
    device.probeAddress = k->fifoCount;
  } else if (const auto* p = std::get_if<drivers::EvalPadMap>(&d.profile.map)) {
    device.probeAddress = p->state;
  }
  return device;
}

}  // namespace

DeviceGateway::DeviceGateway(GatewayPlan plan, RequestSink& requests, GatewayOptions options, GatewayHooks hooks)
    : plan_(std::move(plan)), requests_(requests), options_(std::move(options)), hooks_(std::move(hooks)) {
  wakeFd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  const auto makeLink = options_.makeLink ? options_.makeLink : defaultLink;
  for (const auto& bus : plan_.buses) {
    BusCallbacks callbacks;
    callbacks.pollDone = [this](const PollResult& r) { post(r); };
    callbacks.writeDone = [this](const WriteResult& r) {
      if (hooks_.writeDone) hooks_.writeDone(r);
      post(r);
    };
    callbacks.healthChanged = [this](const DeviceHealthReport& r) { post(r); };
    callbacks.deviceBack = [this](const std::string& id) { post(DeviceBack{id}); };
    auto worker = std::make_unique<BusWorker>(makeLink(bus), BusWorkerOptions{bus.id, options_.health}, callbacks);
    for (const auto& id : bus.devices) {
      const PlannedDevice& d = plan_.devices.at(id);
      worker->addDevice(busDeviceOf(d));
      Slot& slot = slots_[id];
      slot.device = &d;
      slot.worker = worker.get();
      slot.bus = &bus;
      if (const auto* k = std::get_if<drivers::KeypadMap>(&d.profile.map)) {
        // One register a round: "key pending?". The FIFO is read only when it says so, by the
        // worker at once (no round trip through this thread).
        const auto fifo = drivers::keypadPollRead(*k);
        worker->addPollJob({id, k->fifoCount, 1, BusPriority::KeypadPoll, bus.keypadPollInterval,
                            FollowUpRead{fifo.address, fifo.count, BusPriority::KeyRead}});
      } else if (const auto* p = std::get_if<drivers::EvalPadMap>(&d.profile.map)) {
        // Read at once for the baseline of its rating sequence; then often only while a
        // rating is awaited (tunePadPoll).
        const auto read = drivers::padPollRead(*p);
        worker->addPollJob({id, read.address, read.count, BusPriority::PadPoll, bus.padPollInterval});
        slot.padAwaiting = true;
      } else if (const auto seq = contentSeqRegister(d.profile)) {
        worker->addPollJob({id, *seq, 1, BusPriority::Check, bus.displayCheckInterval});
      }
    }
    workers_.push_back(std::move(worker));
  }
}

DeviceGateway::~DeviceGateway() {
  for (auto& worker : workers_) worker->stop();
  workers_.clear();
  if (wakeFd_ >= 0) ::close(wakeFd_);
}

void DeviceGateway::post(BusNews news) {
  {
    std::lock_guard lock(inboxMutex_);
    inbox_.push_back(std::move(news));
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wakeFd_, &one, sizeof one);
}

void DeviceGateway::hallReset(const core::Hall& hall) {
  update(hall, {}, true);
  // The dispatcher may be new (it learns device health from reports only): tell it all.
  for (const auto& worker : workers_)
    for (const auto& health : worker->health()) report(slots_.at(health.deviceId), health);
}

void DeviceGateway::hallEvent(const core::Hall& hall, const core::Event& event) {
  std::set<core::WindowNumber> called;
  if (const auto* c = std::get_if<core::ev::TicketCalled>(&event)) called.insert(c->window);
  if (const auto* r = std::get_if<core::ev::TicketRecalled>(&event)) called.insert(r->window);
  update(hall, called, false);
}

void DeviceGateway::update(const core::Hall& hall, const std::set<core::WindowNumber>& called, bool everything) {
  windowStates_.clear();
  for (const auto& [number, w] : hall.state().windows) windowStates_[number] = w.state;

  for (auto& [id, slot] : slots_) {
    const PlannedDevice& d = *slot.device;
    const int window = d.window.value_or(0);
    Content wanted;
    BusPriority priority = BusPriority::Background;
    bool force = everything;
    switch (d.kind) {
      case config::DeviceKind::WindowDisplay:
        wanted = windowDisplayContent(hall, window);
        if (called.contains(window)) {
          priority = BusPriority::CallDisplay;
          force = true;  // a recall shows the same text: write it again so it blinks anew
        }
        break;
      case config::DeviceKind::MainStrip:
        wanted = stripContent(hall, std::get<drivers::MainStripMap>(d.profile.map).lines.size());
        // After the window displays, before the polls: a call waiting behind polls would be
        // pushed off the strip's few lines by the next calls before it was ever sent.
        if (!called.empty()) priority = BusPriority::CallStrip;
        break;
      case config::DeviceKind::Keypad: {
        auto display = keypadDisplayContent(hall, window);
        // The clerk's own number goes with the keypad round; a waiting count that moved is a
        // refresh (every call moves it on every keypad of the queue: 30 keypads would take a
        // 9600-baud line for a second), and a newer count replaces one not yet sent.
        const auto* shown = std::get_if<drivers::KeypadDisplay>(&slot.wanted);
        if (!everything && (!shown || shown->currentNumber != display.currentNumber))
          priority = BusPriority::KeypadPoll;
        wanted = std::move(display);
        break;
      }
      case config::DeviceKind::EvalPad: {
        auto prompt = padPromptContent(hall, window, plan_.clerkNames);
        if (prompt && prompt->ticket != slot.ratedTicket) slot.ratedTicket.clear();
        wanted = std::move(prompt);
        if (!everything) priority = BusPriority::PadPoll;
        break;
      }
    }
    if (!force && wanted == slot.wanted) continue;
    slot.wanted = std::move(wanted);
    write(slot, priority);
    if (d.kind == config::DeviceKind::EvalPad) tunePadPoll(slot);
  }
}

void DeviceGateway::tunePadPoll(Slot& slot) {
  const auto* map = std::get_if<drivers::EvalPadMap>(&slot.device->profile.map);
  if (!map) return;
  const auto* prompt = std::get_if<std::optional<drivers::PadPrompt>>(&slot.wanted);
  // Until its first read the pad's rating sequence has no baseline: keep reading it.
  const bool awaiting = !slot.ratingSeqSeen || (prompt && *prompt && (*prompt)->ticket != slot.ratedTicket);
  if (awaiting == slot.padAwaiting) return;
  slot.padAwaiting = awaiting;
  const auto read = drivers::padPollRead(*map);
  if (awaiting)
    slot.worker->retunePoll(slot.device->id, read.address, BusPriority::PadPoll, slot.bus->padPollInterval);
  else  // only checked now and then, as an idle display is
    slot.worker->retunePoll(slot.device->id, read.address, BusPriority::Check, slot.bus->displayCheckInterval);
}

void DeviceGateway::write(Slot& slot, BusPriority priority) {
  const drivers::Profile& profile = slot.device->profile;
  drivers::Expected<std::vector<RegisterWrite>> writes = std::vector<RegisterWrite>{};
  drivers::TextCuts cuts;  // text shortened to fit the vendor's area: the device's problem
  std::string problem;
  if (const auto* content = std::get_if<drivers::WindowContent>(&slot.wanted)) {
    slot.contentSeq = nextSeq(slot.contentSeq);
    const auto& map = std::get<drivers::WindowDisplayMap>(profile.map);
    writes = drivers::encodeWindowContent(*content, map, slot.contentSeq, &cuts);
    if (!writes) {  // text it cannot show at all (not even cut): blank, and said so
      problem = writes.error().message;
      writes = drivers::encodeWindowContent(drivers::blankContent(), map, slot.contentSeq);
    }
  } else if (const auto* strip = std::get_if<drivers::StripContent>(&slot.wanted)) {
    slot.contentSeq = nextSeq(slot.contentSeq);
    const auto& map = std::get<drivers::MainStripMap>(profile.map);
    writes = drivers::encodeStripContent(*strip, map, slot.contentSeq, &cuts);
    if (!writes) {
      problem = writes.error().message;
      drivers::StripContent withoutNotice = *strip;
      withoutNotice.notice.clear();
      writes = drivers::encodeStripContent(withoutNotice, map, slot.contentSeq, &cuts);
    }
  } else if (const auto* keypad = std::get_if<drivers::KeypadDisplay>(&slot.wanted)) {
    writes = drivers::encodeKeypadDisplay(*keypad, std::get<drivers::KeypadMap>(profile.map));
  } else if (const auto* prompt = std::get_if<std::optional<drivers::PadPrompt>>(&slot.wanted)) {
    const auto& map = std::get<drivers::EvalPadMap>(profile.map);
    writes = *prompt ? drivers::encodePadPrompt(**prompt, map, &cuts) : padIdleWrites(map);
  }
  if (!cuts.empty()) problem = fmt::format("{}{}did not fit: {}", problem, problem.empty() ? "" : "; ", drivers::describeCuts(cuts));
  if (!writes && problem.empty()) problem = writes.error().message;
  setContentProblem(slot, std::move(problem));
  if (!writes) {
    warnOnce(slot.device->id + "/encode", fmt::format("{}: {}", slot.device->id, writes.error().message));
    return;
  }
  submit(slot, writes.value(), priority);
}

void DeviceGateway::submit(Slot& slot, const std::vector<RegisterWrite>& writes, BusPriority priority) {
  // One write of frames in order, as the vendor's device takes them (split to its largest
  // frame, one register a frame for a 0x06-only device): a retried text frame is followed
  // by its commit again.
  std::vector<WriteBlock> blocks;
  for (const auto& f : drivers::writeFrames(writes, slot.device->profile.protocol))
    blocks.push_back(WriteBlock{f.write.address, f.write.values, f.function});
  if (!blocks.empty()) slot.worker->submitWrites(slot.device->id, std::move(blocks), priority);
}

void DeviceGateway::handleBusNews() {
  std::uint64_t count = 0;
  [[maybe_unused]] const auto n = ::read(wakeFd_, &count, sizeof count);
  std::vector<BusNews> news;
  {
    std::lock_guard lock(inboxMutex_);
    news.swap(inbox_);
  }
  for (const auto& item : news) {
    if (const auto* poll = std::get_if<PollResult>(&item)) {
      onPoll(*poll);
    } else if (const auto* written = std::get_if<WriteResult>(&item)) {
      onWrite(*written);
    } else if (const auto* health = std::get_if<DeviceHealthReport>(&item)) {
      const auto slot = slots_.find(health->deviceId);
      if (slot != slots_.end()) report(slot->second, *health);
    } else if (const auto* back = std::get_if<DeviceBack>(&item)) {
      // Displays are driven from state: what it should show now, not what it missed.
      const auto slot = slots_.find(back->deviceId);
      if (slot != slots_.end() && !std::holds_alternative<std::monostate>(slot->second.wanted))
        write(slot->second, BusPriority::Background);
    }
  }
}

void DeviceGateway::onPoll(const PollResult& poll) {
  if (poll.error) return;  // counted by the bus engine's health
  const auto it = slots_.find(poll.deviceId);
  if (it == slots_.end()) return;
  Slot& slot = it->second;
  if (const auto* k = std::get_if<drivers::KeypadMap>(&slot.device->profile.map)) {
    onKeypadPoll(slot, *k, poll);
  } else if (const auto* p = std::get_if<drivers::EvalPadMap>(&slot.device->profile.map)) {
    onPadPoll(slot, *p, poll);
  } else {
    onContentCheck(slot, poll);
  }
}

void DeviceGateway::onKeypadPoll(Slot& slot, const drivers::KeypadMap& map, const PollResult& poll) {
  // The round's "key pending" check: when a key waits, the bus worker reads the FIFO next
  // (its poll's follow-up read), and that read comes here.
  if (poll.address == map.fifoCount && poll.registers.size() == 1) return;
  const drivers::RegisterBlock block{static_cast<std::uint16_t>(poll.address), poll.registers};
  const auto fifo = drivers::decodeKeypadFifo(block, map);
  if (!fifo) {
    warnOnce(slot.device->id + "/fifo", fmt::format("{}: {}", slot.device->id, fifo.error().message));
    return;
  }
  if (fifo->empty()) return;
  const int window = slot.device->window.value_or(0);
  const auto state = windowStates_.find(window);
  for (const auto& event : slot.keys.fresh(fifo.value())) {
    auto request = requestForKey(event.key, window,
                                 state == windowStates_.end() ? std::nullopt : std::optional(state->second),
                                 slot.device->transferTo);
    if (!request) continue;
    request->cause = fmt::format("{} key {} seq {}", slot.device->id, drivers::toString(event.key), event.seq);
    requests_.send(std::move(*request));
  }
  // Acknowledge what was read (handled now or before): the keypad drops it from its FIFO.
  submit(slot, {drivers::encodeKeypadAck(fifo->back().seq, map)}, BusPriority::KeyRead);
}

void DeviceGateway::onPadPoll(Slot& slot, const drivers::EvalPadMap& map, const PollResult& poll) {
  const drivers::RegisterBlock block{static_cast<std::uint16_t>(poll.address), poll.registers};
  const auto status = drivers::decodePadStatus(block, map);
  if (!status) {
    warnOnce(slot.device->id + "/status", fmt::format("{}: {}", slot.device->id, status.error().message));
    return;
  }
  const bool firstLook = !slot.ratingSeqSeen;
  const bool newRating = !firstLook && status->ratingSeq != *slot.ratingSeqSeen;
  slot.ratingSeqSeen = status->ratingSeq;
  // A rating counts once: when its sequence moves, while we prompt for a ticket not yet
  // rated through this pad. A rating already there when the gateway started is not ours.
  const auto* prompt = std::get_if<std::optional<drivers::PadPrompt>>(&slot.wanted);
  if (!newRating || status->state != drivers::PadState::Rated || !status->rating || !prompt || !*prompt ||
      (*prompt)->ticket == slot.ratedTicket) {
    tunePadPoll(slot);
    return;
  }
  slot.ratedTicket = (*prompt)->ticket;
  tunePadPoll(slot);  // rated: nothing more is awaited from it
  auto request = requestForRating(*status->rating, slot.device->window.value_or(0));
  request.cause = fmt::format("{} rating {} for {}", slot.device->id, drivers::ratingNumber(*status->rating),
                              slot.ratedTicket);
  requests_.send(std::move(request));
}

void DeviceGateway::onWrite(const WriteResult& write) {
  // A keypad's acknowledgement answered: the events up to it left its FIFO, so numbers seen
  // from now on are new presses (after a power cycle the keypad numbers from 1 again). The
  // bus news arrive in the order of the wire, so a poll read before this write is handled first.
  if (write.error || write.values.size() != 1) return;
  const auto it = slots_.find(write.deviceId);
  if (it == slots_.end()) return;
  const auto* map = std::get_if<drivers::KeypadMap>(&it->second.device->profile.map);
  if (map && write.address == map->ack) it->second.keys.acknowledged(write.values.front());
}

void DeviceGateway::onContentCheck(Slot& slot, const PollResult& poll) {
  // Sequences skip 0: a display reading 0 lost its content (power cut without going
  // offline long enough to be noticed) and gets it again.
  if (poll.registers.size() == 1 && poll.registers[0] == 0 && slot.contentSeq != 0 &&
      !std::holds_alternative<std::monostate>(slot.wanted))
    write(slot, BusPriority::Background);
}

void DeviceGateway::report(Slot& slot, const DeviceHealthReport& health) {
  slot.reported = health;
  requests_.send(healthReport(*slot.device, health, slot.contentProblem));
}

void DeviceGateway::setContentProblem(Slot& slot, std::string problem) {
  if (problem == slot.contentProblem) return;
  if (!problem.empty()) {
    const log::Scope about({.device = slot.device->id});
    log::warning("devices.gateway", "{}: {}", slot.device->id, problem);
  }
  slot.contentProblem = std::move(problem);
  if (const auto health = slot.worker->health(slot.device->id)) report(slot, *health);
}

void DeviceGateway::tick(std::chrono::steady_clock::time_point now) {
  if (now < nextCountersReport_) return;
  nextCountersReport_ = now + options_.countersReportInterval;
  for (const auto& worker : workers_) {
    for (const auto& health : worker->health()) {
      Slot& slot = slots_.at(health.deviceId);
      if (slot.reported && slot.reported->counters == health.counters && slot.reported->online == health.online &&
          slot.reported->refusing == health.refusing)
        continue;
      report(slot, health);
    }
  }
}

std::vector<DeviceHealthReport> DeviceGateway::health() const {
  std::vector<DeviceHealthReport> all;
  for (const auto& worker : workers_) {
    auto reports = worker->health();
    all.insert(all.end(), reports.begin(), reports.end());
  }
  return all;
}

std::map<std::string, BusStatistics> DeviceGateway::busStatistics() const {
  std::map<std::string, BusStatistics> all;
  for (const auto& worker : workers_) all[worker->busId()] = worker->statistics();
  return all;
}

void DeviceGateway::warnOnce(const std::string& key, const std::string& message) {
  if (!warned_.insert(key).second) return;
  log::warning("devices.gateway", "{} (said once)", message);
}

}  // namespace jiujin::devices::gateway
