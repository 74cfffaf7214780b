#pragma once
// jiujin-web's HTTP side: Boost.Beast on one Asio thread (docs/web.md, "Why Beast"). It serves
// the pages, holds the server-sent-event streams of the pages following a ticket, and pushes
// a ticket's new view to them the moment the hall feed reports it. Everything a resident's
// phone can send is bounded: header and body sizes, time to send a request, requests per
// address, live streams per address, connections at once; a refusal is a page, never a crash.
// With a certificate and key (the hall's, [web] tls_certificate/tls_key) it serves HTTPS only.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "jiujin/web/pages.hpp"
#include "jiujin/web/ticket_source.hpp"
#include "jiujin/web/ticket_view.hpp"

namespace boost::asio {
class io_context;
}

namespace jiujin::web {

struct ServerSettings {
  std::string listen = "0.0.0.0";
  int port = 8080;  ///< 0: a free port (port() tells which)
  int maxConnections = 5000;
  int streamsPerAddress = 20;
  int requestsPerMinute = 600;
  std::size_t maxHeaderBytes = 8 * 1024;  ///< request line and headers; more: 431
  std::chrono::milliseconds requestTimeout{10000};  ///< to send a whole request; idle keep-alive too
  std::chrono::milliseconds keepAliveInterval{15000};  ///< an SSE comment so proxies keep the stream
  std::size_t maxPendingResolutions = 64;  ///< tokens being asked of the dispatcher at once; more: 503
  /// PEM files of the hall's certificate (chain) and its private key: both set, the port speaks
  /// TLS 1.2 or newer only (the handshake within requestTimeout); both empty, plain HTTP.
  std::string tlsCertificate;
  std::string tlsKey;
};

struct ServerCounters {
  std::uint64_t connections = 0;  ///< open now
  std::uint64_t streams = 0;      ///< SSE streams open now
  std::uint64_t requests = 0;     ///< answered since start
  std::uint64_t refused = 0;      ///< 4xx/5xx answers and connections closed at the limit
  std::uint64_t pushes = 0;       ///< SSE status events sent
};

class WebServer {
 public:
  /// `guide`: the hall file's catalog for the item guide (办事指南).
  WebServer(boost::asio::io_context& io, ServerSettings settings, TicketSource& source, Guide guide = {});
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  /// Why the hall's TLS certificate and key cannot serve (unreadable, not PEM, a key of
  /// another certificate), or empty when they can. start() checks the same.
  static std::string checkTls(const std::string& certificate, const std::string& key);

  /// Binds and starts accepting; an error text when the address cannot be bound, or when the
  /// TLS certificate or key cannot be read or do not belong together (nothing is served then).
  std::string start();
  int port() const;
  /// Whether the port speaks TLS (https://).
  bool tls() const;
  /// Closes the listener and every connection.
  void stop();

  /// The views of followed tickets now (from the hall feed, on the server's thread): streams
  /// whose ticket's view or liveness changed get a status event.
  void publish(const std::vector<std::pair<core::TicketId, TicketView>>& views, bool live);

  ServerCounters counters() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace jiujin::web
