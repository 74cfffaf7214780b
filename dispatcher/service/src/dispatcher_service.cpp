#include "jiujin/service/dispatcher_service.hpp"

#include "jiujin/base/log.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <iostream>
#include <map>
#include <random>

#include <fmt/format.h>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/alarm_book.hpp"
#include "jiujin/service/alarms.hpp"
#include "jiujin/service/audit_log.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/service/durable_hall.hpp"
#include "jiujin/service/ticket_tokens.hpp"
#include "jiujin/service/zap_authenticator.hpp"
#include "request_handler.hpp"

namespace jiujin::service {

using nlohmann::json;
using Steady = std::chrono::steady_clock;

bool isLoopbackEndpoint(std::string_view endpoint) {
  for (std::string_view prefix : {"tcp://127.", "tcp://localhost:", "tcp://[::1]:", "ipc://", "inproc://"}) {
    if (endpoint.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

core::TimePoint localNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&t, &local);
  return std::chrono::floor<core::Milliseconds>(now) + std::chrono::seconds(local.tm_gmtoff);
}

namespace {

/// "tcp://127.0.0.1:0" → "tcp://127.0.0.1:*": ZeroMQ's spelling of an ephemeral port.
std::string bindable(std::string endpoint) {
  if (endpoint.rfind("tcp://", 0) == 0 && endpoint.size() > 2 && endpoint.ends_with(":0"))
    endpoint.replace(endpoint.size() - 1, 1, "*");
  return endpoint;
}

std::string newEpoch() {
  std::random_device device;
  return fmt::format("{:08x}{:08x}", device(), device());
}

}  // namespace

struct DispatcherService::Impl {
  ServiceSettings settings;
  zmq::context_t context{1};
  std::unique_ptr<ZapAuthenticator> zap;
  zmq::socket_t router{context, zmq::socket_type::router};
  zmq::socket_t publisher{context, zmq::socket_type::pub};
  std::string commandsBound;
  std::string eventsBound;
  std::unique_ptr<detail::RequestHandler> handler;
  std::uint64_t malformedFrames = 0;

  Outcome<bool> bindSockets();
  void serveBatch();
  /// The last resort for a turn that failed outside a request: everyone waiting is answered.
  void abandonBatch(std::string_view what);
  void deliver(detail::BatchOutput& out);
  void publish(const std::string& topic, const json& body);
  void publishHeartbeat();
};

Outcome<std::unique_ptr<DispatcherService>> DispatcherService::start(ServiceSettings settings) {
  if (!settings.clock) settings.clock = localNow;
  if (!settings.freeSpace) {
    const auto folder = settings.database.parent_path();
    settings.freeSpace = freeSpaceOf(folder.empty() ? std::filesystem::path(".") : folder);
  }
  if (!settings.curve) {
    for (const auto& endpoint : {settings.commandsEndpoint, settings.eventsEndpoint}) {
      if (!isLoopbackEndpoint(endpoint))
        return errors::invalidArgument(
            fmt::format("{} is reachable from other machines: turn CURVE on ([service] curve = true)", endpoint));
    }
  } else if (settings.serverSecretKey.size() != 40) {
    return errors::invalidArgument("CURVE is on but the service's secret key is missing or not Z85");
  }
  auto durable =
      DurableHall::open(settings.database, settings.definition, settings.synchronousFull, settings.caseArchiveDays);
  if (!durable) return durable.error();
  if (settings.ticketTokenKey.empty()) {
    auto key = TicketTokens::keyForDatabase(settings.database);
    if (!key) return key.error();
    settings.ticketTokenKey = std::move(key).value();
  }

  auto impl = std::make_unique<Impl>();
  impl->settings = std::move(settings);
  impl->handler = std::make_unique<detail::RequestHandler>(impl->settings, std::move(durable).value(), newEpoch());
  // The hall file may have been edited while the dispatcher was stopped. Nobody listens yet,
  // so what this batch would publish is only in the journal (a snapshot gives it to clients).
  impl->handler->beginBatch(impl->settings.clock(), false);
  impl->handler->adoptConfiguredDefinition();
  (void)impl->handler->commitBatch();
  if (auto bound = impl->bindSockets(); !bound) return bound.error();
  return std::unique_ptr<DispatcherService>(new DispatcherService(std::move(impl)));
}

DispatcherService::DispatcherService(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DispatcherService::~DispatcherService() = default;

const std::string& DispatcherService::commandsEndpoint() const { return impl_->commandsBound; }
const std::string& DispatcherService::eventsEndpoint() const { return impl_->eventsBound; }

Outcome<bool> DispatcherService::Impl::bindSockets() {
  if (settings.curve) {
    std::map<std::string, std::string> keys;
    for (const auto& c : settings.clients) keys.emplace(c.publicKey, c.name);
    zap = std::make_unique<ZapAuthenticator>(context, std::move(keys));
  }
  for (zmq::socket_t* socket : {&router, &publisher}) {
    socket->set(zmq::sockopt::linger, 1000);
    socket->set(zmq::sockopt::sndhwm, 100000);
    socket->set(zmq::sockopt::rcvhwm, 100000);
    socket->set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(kMaxMessageBytes));
    if (settings.curve) {
      socket->set(zmq::sockopt::curve_server, true);
      socket->set(zmq::sockopt::curve_secretkey, settings.serverSecretKey);
      socket->set(zmq::sockopt::zap_domain, "jiujin");
    }
  }
  // A reply to a client that vanished is dropped, never queued forever or blocking.
  router.set(zmq::sockopt::router_mandatory, false);
  try {
    router.bind(bindable(settings.commandsEndpoint));
    publisher.bind(bindable(settings.eventsEndpoint));
  } catch (const zmq::error_t& e) {
    return errors::invalidArgument(fmt::format("cannot bind {} / {}: {}", settings.commandsEndpoint,
                                               settings.eventsEndpoint, e.what()));
  }
  commandsBound = router.get(zmq::sockopt::last_endpoint);
  eventsBound = publisher.get(zmq::sockopt::last_endpoint);
  return true;
}

void DispatcherService::run(const std::atomic<bool>& stop, int wakeFd, std::atomic<bool>* reload) {
  Impl& d = *impl_;
  auto nextTick = Steady::now();
  auto nextHeartbeat = Steady::now();
  while (!stop.load()) {
    const auto now = Steady::now();
    const auto wakeAt = std::min(nextTick, nextHeartbeat);
    const auto wait = std::max<std::chrono::milliseconds>(
        std::chrono::milliseconds(0), std::chrono::duration_cast<std::chrono::milliseconds>(wakeAt - now));
    // The wake pipe goes last so that it can be left out.
    std::array<zmq::pollitem_t, 3> items{zmq::pollitem_t{d.router.handle(), 0, ZMQ_POLLIN, 0},
                                         zmq::pollitem_t{nullptr, d.handler->offThreadFd(), ZMQ_POLLIN, 0},
                                         zmq::pollitem_t{nullptr, wakeFd, ZMQ_POLLIN, 0}};
    try {
      zmq::poll(items.data(), wakeFd >= 0 ? 3 : 2, wait);
    } catch (const zmq::error_t& e) {
      // A signal (SIGTERM, SIGINT) interrupts the wait: look at the stop flag again.
      if (e.num() != EINTR) throw;
      continue;
    }
    if (wakeFd >= 0 && (items[2].revents & ZMQ_POLLIN)) {
      char drained[64];
      [[maybe_unused]] const auto n = ::read(wakeFd, drained, sizeof drained);
    }
    if (stop.load()) break;
    const bool tickDue = Steady::now() >= nextTick;
    if (tickDue) nextTick = Steady::now() + d.settings.tickInterval;
    // Requests are guarded one by one inside the handler; this guards the rest of the turn
    // (timed work, the commit, publishing) so that no exception ends the loop.
    try {
      d.handler->beginBatch(d.settings.clock(), tickDue);
      if (reload && reload->exchange(false)) d.handler->reloadFor("signal:SIGHUP");
      d.handler->finishOffThreadWork();
      d.serveBatch();
    } catch (const std::exception& e) {
      d.abandonBatch(e.what());
    } catch (...) {
      d.abandonBatch("an exception of unknown type");
    }
    if (Steady::now() >= nextHeartbeat) {
      d.publishHeartbeat();
      nextHeartbeat = Steady::now() + d.settings.heartbeatInterval;
    }
    if (d.settings.turned) d.settings.turned();
  }
  if (auto checkpoint = d.handler->signAuditHead()) d.publish(checkpoint->first, checkpoint->second);
}

void DispatcherService::Impl::serveBatch() {
  // Drain everything already waiting: these requests share one commit. A bound keeps a
  // flood from starving heartbeats.
  constexpr int kMaxBatch = 2000;
  std::vector<zmq::message_t> frames;
  for (int n = 0; n < kMaxBatch; ++n) {
    frames.clear();
    zmq::recv_result_t got;
    try {
      got = zmq::recv_multipart(router, std::back_inserter(frames), zmq::recv_flags::dontwait);
    } catch (const zmq::error_t&) {
      got = std::nullopt;
    }
    if (!got) break;
    // [routing id] [empty delimiter] [request], or [routing id] [request] from a bare DEALER.
    if (frames.size() < 2 || frames.size() > 3 || (frames.size() == 3 && frames[1].size() != 0)) {
      if (malformedFrames++ == 0) log::warning("dispatcher.service", "dropped a malformed message (counting the rest)");
      continue;
    }
    const char* userId = zmq_msg_gets(frames.back().handle(), "User-Id");
    std::vector<zmq::message_t> envelope;
    for (std::size_t i = 0; i + 1 < frames.size(); ++i) envelope.push_back(std::move(frames[i]));
    handler->handle(std::move(envelope), frames.back().to_string_view(), userId ? userId : "");
  }
  detail::BatchOutput out = handler->commitBatch();
  deliver(out);
}

void DispatcherService::Impl::abandonBatch(std::string_view what) {
  try {
    detail::BatchOutput out = handler->abandonBatch(what);
    deliver(out);
  } catch (const std::exception& e) {
    // Not even the refusals could be sent: the clients' retries will find a fresh turn.
    log::error("dispatcher.service", "could not answer the failed turn: {}", e.what());
  }
}

void DispatcherService::Impl::deliver(detail::BatchOutput& out) {
  if (out.crashBeforeReply) ::raise(SIGKILL);  // the named fault of crash tests
  for (auto& [topic, body] : out.publications) publish(topic, body);
  for (auto& reply : out.replies) {
    std::vector<zmq::const_buffer> parts;
    for (auto& e : reply.envelope) parts.push_back(zmq::buffer(e.data(), e.size()));
    parts.push_back(zmq::buffer(reply.text));
    try {
      zmq::send_multipart(router, parts, zmq::send_flags::dontwait);
    } catch (const zmq::error_t&) {
      // The client went away: its reply has nowhere to go.
    }
  }
}

void DispatcherService::Impl::publish(const std::string& topic, const json& body) {
  const std::string text = body.dump(-1, ' ', false, json::error_handler_t::replace);
  std::array<zmq::const_buffer, 2> parts{zmq::buffer(topic), zmq::buffer(text)};
  try {
    zmq::send_multipart(publisher, parts, zmq::send_flags::dontwait);
  } catch (const zmq::error_t& e) {
    // A lost message is a gap subscribers see by its seq; the replies must still go out.
    log::error("dispatcher.service", "could not publish {}: {}", topic, e.what());
  }
}

void DispatcherService::Impl::publishHeartbeat() { publish("hb", handler->heartbeat()); }

}  // namespace jiujin::service
