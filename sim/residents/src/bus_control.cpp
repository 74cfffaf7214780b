#include "jiujin/sim/bus_control.hpp"

namespace jiujin::sim {

std::string ControlReply::field(const std::string& key) const {
  const auto found = fields.find(key);
  return found == fields.end() ? std::string{} : found->second;
}

ControlReply parseControlReply(const std::string& text) {
  ControlReply reply;
  reply.text = text;
  const std::string line = text.substr(0, text.find('\n'));
  if (line.rfind("ok", 0) != 0) {
    reply.error = line.rfind("error ", 0) == 0 ? line.substr(6) : line;
    return reply;
  }
  reply.ok = true;
  std::size_t at = 2;
  while (at < line.size()) {
    while (at < line.size() && line[at] == ' ') ++at;
    const auto equals = line.find('=', at);
    if (equals == std::string::npos) break;
    const std::string key = line.substr(at, equals - at);
    std::string value;
    at = equals + 1;
    if (at < line.size() && line[at] == '"') {
      // Quoted UTF-8 text with \" and \\ escaped.
      for (++at; at < line.size() && line[at] != '"'; ++at) {
        if (line[at] == '\\' && at + 1 < line.size()) ++at;
        value += line[at];
      }
      ++at;
    } else {
      const auto end = line.find(' ', at);
      value = line.substr(at, end == std::string::npos ? std::string::npos : end - at);
      at = end == std::string::npos ? line.size() : end;
    }
    reply.fields[key] = value;
  }
  return reply;
}

BusControl::BusControl(zmq::context_t& context, std::string endpoint, std::chrono::milliseconds timeout)
    : context_(context), endpoint_(std::move(endpoint)), timeout_(timeout) {
  connect();
}

BusControl::~BusControl() = default;

void BusControl::connect() {
  socket_ = std::make_unique<zmq::socket_t>(context_, zmq::socket_type::req);
  socket_->set(zmq::sockopt::linger, 0);
  socket_->set(zmq::sockopt::rcvtimeo, static_cast<int>(timeout_.count()));
  socket_->set(zmq::sockopt::sndtimeo, static_cast<int>(timeout_.count()));
  socket_->connect(endpoint_);
}

ControlReply BusControl::send(const std::string& command) {
  try {
    if (!socket_->send(zmq::buffer(command), zmq::send_flags::none)) {
      connect();
      return ControlReply{false, "timeout", {}, {}};
    }
    zmq::message_t answer;
    if (!socket_->recv(answer, zmq::recv_flags::none)) {
      connect();  // a REQ socket that missed its reply cannot send again
      return ControlReply{false, "timeout", {}, {}};
    }
    return parseControlReply(answer.to_string());
  } catch (const zmq::error_t& e) {
    connect();
    return ControlReply{false, e.what(), {}, {}};
  }
}

}  // namespace jiujin::sim
