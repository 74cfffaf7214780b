#include "jiujin/client/command_channel.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <random>

#include <fmt/format.h>
#include <zmq_addon.hpp>

#include "socket_setup.hpp"

namespace jiujin::client {

using nlohmann::json;

namespace {

std::string randomPrefix() {
  std::random_device device;
  return fmt::format("{:08x}", device());
}

Reply failure(std::string code, std::string zh, std::string en) {
  Reply reply;
  reply.error = Failure{std::move(code), std::move(zh), std::move(en), {}};
  return reply;
}

// The dispatcher names the refused field in its English text:
// "invalid argument: command.window: expected an integer from 1 to 999, got 0".
std::string refusedField(const Failure& failure) {
  constexpr std::string_view kPrefix = "invalid argument: ";
  if (failure.code != "invalid_argument" || failure.en.rfind(kPrefix, 0) != 0) return {};
  const std::string rest = failure.en.substr(kPrefix.size());
  const auto colon = rest.find(": ");
  if (colon == std::string::npos || rest.find(' ') < colon) return {};
  return rest.substr(0, colon);
}

Reply decodeReply(const json& parsed) {
  const auto ok = parsed.find("ok");
  if (ok == parsed.end() || !ok->is_boolean())
    return failure("bad_reply", "调度服务的应答无法识别", "the dispatcher's reply is not understood");
  Reply reply;
  reply.ok = ok->get<bool>();
  if (reply.ok) {
    reply.result = parsed.value("result", json());
    return reply;
  }
  const json error = parsed.value("error", json::object());
  if (!error.is_object())
    return failure("bad_reply", "调度服务的应答无法识别", "the dispatcher's reply is not understood");
  reply.error = Failure{error.value("code", "unknown"), error.value("zh", ""), error.value("en", ""), {}};
  reply.error.field = refusedField(reply.error);
  return reply;
}

}  // namespace

CommandChannel::CommandChannel(zmq::context_t& context, ConnectionOptions options)
    : context_(context), options_(std::move(options)), prefix_(randomPrefix()) {
  connect();
}

CommandChannel::~CommandChannel() = default;

void CommandChannel::connect() {
  socket_ = std::make_unique<zmq::socket_t>(context_, zmq::socket_type::dealer);
  detail::prepareSocket(*socket_, options_);
  socket_->set(zmq::sockopt::rcvhwm, 100000);
  socket_->set(zmq::sockopt::sndhwm, 100000);
  socket_->connect(options_.commands);
}

Reply CommandChannel::request(const std::string& type, const json& body) {
  return request(type, body, options_.requestTimeout, options_.attempts);
}

Reply CommandChannel::request(const std::string& type, const json& body, std::chrono::milliseconds timeout,
                              int attempts) {
  const std::string id = fmt::format("{}-{}", prefix_, nextId_++);
  json envelope{{"v", 1}, {"id", id}, {"type", type}, {"body", body}};
  if (options_.identity && !options_.curve) {
    json as{{"role", options_.identity->role}, {"name", options_.identity->name}};
    if (options_.identity->window) as["window"] = *options_.identity->window;
    envelope["as"] = as;
  }
  const std::string frame = envelope.dump(-1, ' ', false, json::error_handler_t::replace);

  for (int attempt = 0; attempt < std::max(1, attempts); ++attempt) {
    if (attempt > 0) connect();  // a fresh socket: a late reply to the old one is dropped with it
    std::array<zmq::const_buffer, 2> frames{zmq::const_buffer(), zmq::buffer(frame)};
    if (!zmq::send_multipart(*socket_, frames, zmq::send_flags::dontwait)) continue;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      zmq::pollitem_t item{socket_->handle(), 0, ZMQ_POLLIN, 0};
      int ready = 0;
      try {
        ready = zmq::poll(&item, 1, left);
      } catch (const zmq::error_t& e) {
        if (e.num() != EINTR) throw;  // ETERM: the context is shutting down
        return failure("interrupted", "请求被中断", "the request was interrupted");
      }
      if (ready <= 0) continue;
      std::vector<zmq::message_t> reply;
      if (!zmq::recv_multipart(*socket_, std::back_inserter(reply), zmq::recv_flags::dontwait)) continue;
      if (reply.empty()) continue;
      const json parsed = json::parse(reply.back().to_string_view(), nullptr, false);
      if (!parsed.is_object()) continue;
      // A reply to an earlier request that timed out on this socket: not ours.
      if (parsed.value("id", std::string()) != id) continue;
      return decodeReply(parsed);
    }
  }
  return failure("timeout", "调度服务无响应", "the dispatcher did not answer");
}

}  // namespace jiujin::client
