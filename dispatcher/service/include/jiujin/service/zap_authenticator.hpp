#pragma once
// The ZAP handler (ZeroMQ RFC 27) behind every CURVE endpoint: a client whose public key
// is not in the hall's configuration never completes its handshake; a known one gets its
// configured name as the User-Id of each message it sends.
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <thread>

#include <zmq.hpp>

namespace jiujin::service {

class ZapAuthenticator {
 public:
  /// `clients`: Z85 public key → client name. Binds inproc://zeromq.zap.01 in `context`
  /// before returning, so sockets bound afterwards are covered.
  ZapAuthenticator(zmq::context_t& context, std::map<std::string, std::string> clients);
  ~ZapAuthenticator();
  ZapAuthenticator(const ZapAuthenticator&) = delete;
  ZapAuthenticator& operator=(const ZapAuthenticator&) = delete;

  /// Handshakes refused so far (unknown keys).
  std::uint64_t refusals() const { return refusals_.load(); }

 private:
  void serve(zmq::socket_t socket);

  std::map<std::string, std::string> clients_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> refusals_{0};
  std::thread thread_;
};

}  // namespace jiujin::service
