#include "jiujin/web/web_server.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>
#include <variant>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <fmt/format.h>
#include <sodium.h>

#include "jiujin/base/log.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/web/pages.hpp"
#include "jiujin/web/booking_pages.hpp"
#include "jiujin/web/rate_limiter.hpp"
#include "static_files.hpp"

namespace jiujin::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t kMaxBodyBytes = 4 * 1024;
constexpr std::chrono::seconds kStreamWriteTimeout{30};

/// A token as the kiosk prints it is 28 base64url characters; anything not of that alphabet
/// or longer than 64 is refused without asking the dispatcher.
/// A booking code as the dispatcher makes them: 8 digits.
bool bookingCodeShaped(std::string_view code) {
  return code.size() == 8 && code.find_first_not_of("0123456789") == std::string_view::npos;
}

bool tokenShaped(std::string_view token) {
  if (token.empty() || token.size() > 64) return false;
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

/// The rating form's CSRF token: a MAC of the ticket token under a key of this process, so a
/// form made by another site (which cannot read our page) cannot carry it. 32 hex characters.
constexpr std::size_t kCsrfBytes = 16;
std::string csrfFor(const std::array<unsigned char, crypto_auth_KEYBYTES>& key, std::string_view token) {
  std::array<unsigned char, crypto_auth_BYTES> mac{};
  crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(token.data()), token.size(), key.data());
  std::array<char, kCsrfBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), kCsrfBytes);
  return std::string(hex.data(), kCsrfBytes * 2);
}

bool csrfMatches(const std::string& expected, std::string_view given) {
  return given.size() == expected.size() && sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

/// A form posted from another site: its Origin (or, lacking one, Sec-Fetch-Site) says so.
/// Browsers send Origin with every POST; a client sending neither is not a browser tricked.
/// Our pages say `Referrer-Policy: no-referrer` (the token is in the address), and with it a
/// browser sends `Origin: null` on the form's POST: then Sec-Fetch-Site decides (a null origin
/// from another site's sandboxed frame says cross-site there; the CSRF token guards it too).
bool crossSite(const http::request<http::string_body>& request) {
  const auto origin = request.find(http::field::origin);
  if (origin != request.end() && origin->value() != "null") {
    const std::string host(request[http::field::host]);
    const std::string given(origin->value());
    return host.empty() || (given != "http://" + host && given != "https://" + host);
  }
  const auto site = request.find("Sec-Fetch-Site");
  if (origin != request.end() && site == request.end()) return true;  // null, and nothing to say otherwise
  return site != request.end() && site->value() != "same-origin" && site->value() != "none";
}

std::string sseEvent(const nlohmann::json& message) {
  return "event: status\ndata: " + message.dump() + "\n\n";
}

}  // namespace

class Session;

struct WebServer::Impl : std::enable_shared_from_this<WebServer::Impl> {
  Impl(net::io_context& context, ServerSettings chosen, TicketSource& hall, Guide catalog)
      : settings(std::move(chosen)),
        source(hall),
        guide(std::move(catalog)),
        acceptor(context),
        keepAliveTimer(context),
        retryAccept(context),
        limiter(settings.requestsPerMinute) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    crypto_auth_keygen(csrfKey.data());
  }

  ServerSettings settings;
  TicketSource& source;
  const Guide guide;
  tcp::acceptor acceptor;
  net::steady_timer keepAliveTimer;
  net::steady_timer retryAccept;
  RateLimiter limiter;
  ServerCounters counters;
  bool stopped = false;
  int boundPort = 0;
  std::set<Session*> open;
  std::unordered_map<std::string, int> streamsByAddress;
  std::map<core::TicketId, std::set<Session*>> followers;
  std::map<core::TicketId, TicketView> lastViews;
  bool live = true;
  std::unordered_map<std::string, core::TicketId> tokens;  ///< vouched for by the dispatcher today
  std::size_t pendingResolutions = 0;
  std::array<unsigned char, crypto_auth_KEYBYTES> csrfKey{};  ///< the rating forms' CSRF tokens
  std::optional<net::ssl::context> tls;  ///< the hall's certificate and key: the port speaks https://

  void accept();
  void scheduleKeepAlive();
  void handle(const std::shared_ptr<Session>& session, http::request<http::string_body> request);
  void withTicket(const std::shared_ptr<Session>& session, const std::string& token,
                  std::function<void(const std::shared_ptr<Session>&, Resolution)> then);
  void awaitMirror(const std::shared_ptr<Session>& session, Resolution r, int tries,
                   std::function<void(const std::shared_ptr<Session>&, Resolution)> then);
  void startStream(const std::shared_ptr<Session>& session, core::TicketId ticket, Lang lang);
  void rate(const std::shared_ptr<Session>& session, const http::request<http::string_body>& request,
            const std::string& token, Lang lang);
  // 预约 (docs/booking.md): the slot page and its form, a booking's page and its cancel form.
  /// The page of a bookable item, or nothing.
  const GuideItem* bookableItem(const std::string& code) const;
  void showSlots(const std::shared_ptr<Session>& session, unsigned version, bool keepAlive, Lang lang,
                 const GuideItem& item, const std::string& error);
  void postBooking(const std::shared_ptr<Session>& session, const http::request<http::string_body>& request,
                   const GuideItem& item, Lang lang);
  void showBooking(const std::shared_ptr<Session>& session, unsigned version, bool keepAlive, Lang lang,
                   const std::string& code, const std::string& notice);
  void postCancel(const std::shared_ptr<Session>& session, const http::request<http::string_body>& request,
                  const std::string& code, Lang lang);
  /// Why a booking form's POST is refused: from another site or without its CSRF token made
  /// for `subject` (StalePage), not url-encoded (BadRequest); nothing when it may be read.
  std::optional<Problem> formRefusal(const http::request<http::string_body>& request, const std::string& subject) const;
  /// Whether another request to the dispatcher may start; answers 503 itself when not.
  bool mayAsk(const std::shared_ptr<Session>& session, unsigned version, Lang lang);
  void closed(Session* session);
};

/// One connection as the server sees it: HTTP requests (keep-alive) until it becomes an event
/// stream, if it does. StreamSession below is it over plain TCP or over TLS, with one code path.
class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(std::string peer) : address(std::move(peer)) {}
  virtual ~Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Registers with the server and reads the first request (after the TLS handshake, if any).
  virtual void start() = 0;
  /// A response to the request just read; the connection is read again if it stays open.
  virtual void reply(http::response<http::string_body> response) = 0;
  /// Turns the connection into an SSE stream with `first` as its first event.
  virtual void startStream(core::TicketId followed, Lang streamLang, const std::string& first) = 0;
  /// An SSE event: sent now, or after the write under way (only the newest waits).
  virtual void push(std::string event) = 0;
  virtual bool idle() const = 0;
  virtual void close() = 0;

  const std::string address;
  Lang lang = Lang::Zh;
  core::TicketId ticket = 0;
  bool streaming = false;
};

namespace {

/// A session over `Stream`: beast::tcp_stream (http://) or beast::ssl_stream<beast::tcp_stream>
/// (https://). Timeouts and closing act on the TCP stream below either.
template <class Stream>
class StreamSession final : public Session {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  /// `streamArgs`: the accepted socket, and for TLS the server's ssl::context.
  template <class... StreamArgs>
  StreamSession(std::shared_ptr<WebServer::Impl> server, std::string peer, StreamArgs&&... streamArgs)
      : Session(std::move(peer)), stream_(std::forward<StreamArgs>(streamArgs)...), server_(std::move(server)) {}
  ~StreamSession() override { unregister(); }

  void start() override {
    server_->open.insert(this);
    server_->counters.connections = server_->open.size();
    if constexpr (kTls) {
      // A client that never finishes its handshake (or speaks plain HTTP here) is dropped
      // within the time a request may take.
      lowest().expires_after(server_->settings.requestTimeout);
      stream_.async_handshake(net::ssl::stream_base::server, [self = self()](beast::error_code ec) {
        if (ec) return self->close();
        self->readRequest();
      });
    } else {
      readRequest();
    }
  }

  void reply(http::response<http::string_body> response) override {
    if (response.result_int() >= 400) ++server_->counters.refused;
    auto message = std::make_shared<http::response<http::string_body>>(std::move(response));
    message->prepare_payload();
    lowest().expires_after(server_->settings.requestTimeout);
    http::async_write(stream_, *message, [self = self(), message](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      if (!message->keep_alive()) return self->lingeringClose();
      self->readRequest();
    });
  }

  void startStream(core::TicketId followed, Lang streamLang, const std::string& first) override {
    ticket = followed;
    lang = streamLang;
    streaming = true;
    lowest().expires_never();
    outgoing_ =
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n"
        "X-Accel-Buffering: no\r\nConnection: keep-alive\r\n\r\nretry: 2000\n\n" +
        first;
    writeOutgoing();
    watchForClose();
  }

  void push(std::string event) override {
    if (closed_ || !streaming) return;
    if (writing_) {
      waiting_ = std::move(event);
      return;
    }
    outgoing_ = std::move(event);
    writeOutgoing();
  }
  bool idle() const override { return !writing_; }

  void close() override {
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    lowest().close();
    unregister();
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
  std::shared_ptr<StreamSession> self() { return std::static_pointer_cast<StreamSession>(shared_from_this()); }

  /// After a last response: stop sending, read and drop what the client still sends (at most
  /// 1 s), then close — closing with unread data would reset the connection and could destroy
  /// the response before the client reads it. Over TLS the same is TLS's close_notify and the
  /// wait for the client's.
  void lingeringClose() {
    lowest().expires_after(std::chrono::seconds(1));
    if constexpr (kTls) {
      stream_.async_shutdown([self = self()](beast::error_code) { self->close(); });
    } else {
      beast::error_code ignored;
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      drain();
    }
  }

  void readRequest() {
    if (closed_) return;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_->settings.maxHeaderBytes));
    parser_->body_limit(kMaxBodyBytes);
    lowest().expires_after(server_->settings.requestTimeout);
    http::async_read(stream_, buffer_, *parser_, [self = self()](beast::error_code ec, std::size_t) {
      self->onRead(ec);
    });
  }

  void onRead(beast::error_code ec) {
    if (closed_) return;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::eof || ec.category() == net::error::get_ssl_category() ||
        ec == net::ssl::error::stream_truncated) {
      return close();
    }
    if (ec) {
      // A malformed or oversized request: one refusal page, then the connection is closed
      // (the rest of what it sent cannot be trusted to be a request).
      const bool tooLarge =
          ec == http::error::header_limit || ec == http::error::body_limit || ec == http::error::buffer_overflow;
      const Problem problem = tooLarge ? Problem::TooLarge : Problem::BadRequest;
      http::response<http::string_body> response{static_cast<http::status>(httpStatusOf(problem)), 11};
      response.set(http::field::content_type, "text/html; charset=utf-8");
      response.body() = problemPage(Lang::Zh, server_->source.hallName(), problem);
      response.keep_alive(false);
      return reply(std::move(response));
    }
    server_->handle(shared_from_this(), parser_->release());
  }

  void writeOutgoing() {
    writing_ = true;
    lowest().expires_after(kStreamWriteTimeout);
    net::async_write(stream_, net::buffer(outgoing_), [self = self()](beast::error_code ec, std::size_t) {
      self->writing_ = false;
      if (ec) return self->close();
      self->lowest().expires_never();
      if (self->waiting_) {
        self->outgoing_ = std::move(*self->waiting_);
        self->waiting_.reset();
        self->writeOutgoing();
      } else {
        self->outgoing_.clear();
        self->outgoing_.shrink_to_fit();
      }
    });
  }

  void drain() {
    stream_.async_read_some(net::buffer(sink_), [self = self()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->drain();
    });
  }

  /// A page that goes away closes its socket: a read then fails, and the stream ends.
  void watchForClose() {
    stream_.async_read_some(net::buffer(sink_), [self = self()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->watchForClose();
    });
  }

  void unregister() {
    if (!registered_) return;
    registered_ = false;
    server_->closed(this);
  }

  Stream stream_;
  std::shared_ptr<WebServer::Impl> server_;
  beast::flat_buffer buffer_;  ///< bounded by the parser's header and body limits
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string outgoing_;
  std::optional<std::string> waiting_;
  std::array<char, 512> sink_{};
  bool writing_ = false;
  bool closed_ = false;
  bool registered_ = true;
};

http::response<http::string_body> respond(unsigned version, bool keepAlive, http::status status,
                                          std::string_view contentType, std::string body) {
  http::response<http::string_body> response{status, version};
  response.set(http::field::content_type, beast::string_view(contentType.data(), contentType.size()));
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");  // the token is in the address
  response.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  response.keep_alive(keepAlive);
  response.body() = std::move(body);
  return response;
}

http::response<http::string_body> problemResponse(unsigned version, bool keepAlive, Lang lang,
                                                  const std::string& hall, Problem problem) {
  return respond(version, keepAlive, static_cast<http::status>(httpStatusOf(problem)), "text/html; charset=utf-8",
                 problemPage(lang, hall, problem));
}

}  // namespace

void WebServer::Impl::accept() {
  acceptor.async_accept([self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
    if (self->stopped) return;
    if (ec) {
      // Out of descriptors, most likely: wait a little rather than spin.
      log::warning("web.server", "accept failed: {}", ec.message());
      self->retryAccept.expires_after(std::chrono::milliseconds(100));
      self->retryAccept.async_wait([self](beast::error_code e) {
        if (!e) self->accept();
      });
      return;
    }
    if (static_cast<int>(self->open.size()) >= self->settings.maxConnections) {
      ++self->counters.refused;
      beast::error_code ignored;
      socket.close(ignored);
    } else {
      beast::error_code addressError;
      const auto remote = socket.remote_endpoint(addressError);
      const std::string address = addressError ? std::string("?") : remote.address().to_string();
      if (self->tls)
        std::make_shared<StreamSession<beast::ssl_stream<beast::tcp_stream>>>(self, address, std::move(socket),
                                                                              *self->tls)
            ->start();
      else
        std::make_shared<StreamSession<beast::tcp_stream>>(self, address, std::move(socket))->start();
    }
    self->accept();
  });
}

void WebServer::Impl::scheduleKeepAlive() {
  keepAliveTimer.expires_after(settings.keepAliveInterval);
  keepAliveTimer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->stopped) return;
    for (const auto& [ticket, sessions] : self->followers)
      for (Session* s : sessions)
        if (s->idle()) s->push(": keep-alive\n\n");
    self->scheduleKeepAlive();
  });
}

void WebServer::Impl::closed(Session* session) {
  open.erase(session);
  counters.connections = open.size();
  if (!session->streaming) return;
  if (auto n = streamsByAddress.find(session->address); n != streamsByAddress.end() && --n->second <= 0)
    streamsByAddress.erase(n);
  if (auto f = followers.find(session->ticket); f != followers.end()) {
    f->second.erase(session);
    if (f->second.empty()) {
      followers.erase(f);
      lastViews.erase(session->ticket);
      if (!stopped) source.unfollow(session->ticket);
    }
  }
  --counters.streams;
}

void WebServer::Impl::handle(const std::shared_ptr<Session>& session, http::request<http::string_body> request) {
  ++counters.requests;
  const unsigned version = request.version();
  const bool keepAlive = request.keep_alive();
  const std::string target(request.target());
  const auto q = target.find('?');
  const std::string path = target.substr(0, q);
  const std::string_view query = q == std::string::npos ? std::string_view{} : std::string_view(target).substr(q + 1);
  const Lang lang = langOf(query);
  const std::string hall = source.hallName();

  if (!limiter.admit(session->address, RateLimiter::Clock::now()))
    return session->reply(problemResponse(version, false, lang, hall, Problem::TooMany));
  // The one form: the rating (评价二维码), POST /t/<token>/rate.
  if (path.rfind("/t/", 0) == 0 && path.ends_with("/rate") && path.size() > 8) {
    if (request.method() != http::verb::post) {
      auto response = problemResponse(version, false, lang, hall, Problem::BadRequest);
      response.result(http::status::method_not_allowed);
      response.set(http::field::allow, "POST");
      return session->reply(std::move(response));
    }
    return rate(session, request, path.substr(3, path.size() - 8), lang);
  }
  // 预约: /book/<item> (GET the slots, POST the form), /b/<code> (GET), /b/<code>/cancel (POST).
  if (path.rfind("/book/", 0) == 0) {
    const GuideItem* item = bookableItem(urlDecode(std::string_view(path).substr(6)));
    if (!item) return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::NotFound));
    if (request.method() == http::verb::post) return postBooking(session, request, *item, lang);
    if (request.method() == http::verb::get) return showSlots(session, version, keepAlive, lang, *item, {});
  }
  if (path.rfind("/b/", 0) == 0) {
    std::string code = path.substr(3);
    const bool cancel = code.size() > 7 && code.ends_with("/cancel");
    if (cancel) code.resize(code.size() - 7);
    if (!bookingCodeShaped(code))
      return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::NotFound));
    if (cancel && request.method() == http::verb::post) return postCancel(session, request, code, lang);
    if (!cancel && request.method() == http::verb::get) return showBooking(session, version, keepAlive, lang, code, {});
    auto response = problemResponse(version, false, lang, hall, Problem::BadRequest);
    response.result(http::status::method_not_allowed);
    response.set(http::field::allow, cancel ? "POST" : "GET");
    return session->reply(std::move(response));
  }
  if (request.method() != http::verb::get) {
    auto response = problemResponse(version, false, lang, hall, Problem::BadRequest);
    response.result(http::status::method_not_allowed);
    response.set(http::field::allow, "GET");
    return session->reply(std::move(response));
  }
  if (path == "/static/web.css") {
    auto response = respond(version, keepAlive, http::status::ok, "text/css; charset=utf-8", std::string(webCss()));
    response.set(http::field::cache_control, "max-age=3600");
    return session->reply(std::move(response));
  }
  if (path == "/static/status.js") {
    auto response =
        respond(version, keepAlive, http::status::ok, "text/javascript; charset=utf-8", std::string(statusJs()));
    response.set(http::field::cache_control, "max-age=3600");
    return session->reply(std::move(response));
  }
  if (path == "/healthz")
    return session->reply(respond(version, keepAlive, http::status::ok, "text/plain; charset=utf-8",
                                  source.live() ? "ok\n" : "dispatcher silent\n"));
  if (path == "/" || path == "/index.html") {
    std::string search = queryValue(query, "q");
    // At most 50 bytes, cut at a character's start so the echo stays valid UTF-8.
    if (search.size() > 50) {
      std::size_t cut = 50;
      while (cut > 0 && (static_cast<unsigned char>(search[cut]) & 0xC0) == 0x80) --cut;
      search.resize(cut);
    }
    return session->reply(respond(version, keepAlive, http::status::ok, "text/html; charset=utf-8",
                                  guidePage(lang, hall, guide, source.itemFigures(), search)));
  }
  if (path.rfind("/items/", 0) == 0) {
    const std::string code = urlDecode(std::string_view(path).substr(7));
    for (const GuideItem& item : guide.items)
      if (item.item.code == code)
        return session->reply(respond(version, keepAlive, http::status::ok, "text/html; charset=utf-8",
                                      itemPage(lang, hall, guide, item, source.itemFigures())));
    return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::NotFound));
  }
  if (path.rfind("/t/", 0) == 0) {
    std::string token = path.substr(3);
    const bool events = token.size() > 7 && token.ends_with("/events");
    if (events) token.resize(token.size() - 7);
    if (!tokenShaped(token))
      return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::UnknownToken));
    const std::string csrf = csrfFor(csrfKey, token);
    withTicket(session, token, [this, version, keepAlive, lang, hall, events, token, csrf](const std::shared_ptr<Session>& s,
                                                                               Resolution r) {
      if (r.answer == TokenAnswer::Unavailable)
        return s->reply(problemResponse(version, keepAlive, lang, hall, Problem::Unavailable));
      if (r.answer == TokenAnswer::Unknown)
        return s->reply(problemResponse(version, keepAlive, lang, hall, Problem::UnknownToken));
      const auto view = source.view(r.ticket);
      if (!view) return s->reply(problemResponse(version, keepAlive, lang, hall, Problem::Unavailable));
      if (events) return startStream(s, r.ticket, lang);
      return s->reply(respond(version, keepAlive, http::status::ok, "text/html; charset=utf-8",
                              statusPage(lang, hall, token, *view, source.live(), csrf)));
    });
    return;
  }
  return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::NotFound));
}

void WebServer::Impl::rate(const std::shared_ptr<Session>& session, const http::request<http::string_body>& request,
                           const std::string& token, Lang lang) {
  const unsigned version = request.version();
  const std::string hall = source.hallName();
  if (!tokenShaped(token)) return session->reply(problemResponse(version, false, lang, hall, Problem::UnknownToken));
  if (crossSite(request)) return session->reply(problemResponse(version, false, lang, hall, Problem::StalePage));
  // The form's fields, url-encoded like a query string; the body is at most 4 KiB (the parser).
  const std::string contentType(request[http::field::content_type]);
  if (contentType.rfind("application/x-www-form-urlencoded", 0) != 0)
    return session->reply(problemResponse(version, false, lang, hall, Problem::BadRequest));
  const std::string& form = request.body();
  const auto rating = core::parseRating(queryValue(form, "rating"));
  if (!rating) return session->reply(problemResponse(version, false, lang, hall, Problem::BadRequest));
  if (!csrfMatches(csrfFor(csrfKey, token), queryValue(form, "csrf")))
    return session->reply(problemResponse(version, false, lang, hall, Problem::StalePage));
  if (pendingResolutions >= settings.maxPendingResolutions) {
    ++counters.refused;
    return session->reply(problemResponse(version, false, lang, hall, Problem::Busy));
  }
  ++pendingResolutions;
  const bool keepAlive = request.keep_alive();
  source.rate(token, *rating,
              [self = shared_from_this(), session, token, lang, hall, version, keepAlive](RatingAnswer answer) {
                --self->pendingResolutions;
                switch (answer) {
                  case RatingAnswer::Accepted: {
                    // Post/redirect/get: the ticket's page, which now says 感谢您的评价.
                    auto response = respond(version, keepAlive, http::status::see_other, "text/plain; charset=utf-8",
                                            "");
                    response.set(http::field::location, "/t/" + token + (lang == Lang::En ? "?lang=en" : ""));
                    return session->reply(std::move(response));
                  }
                  case RatingAnswer::Refused:
                    return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::RatingRefused));
                  case RatingAnswer::Unknown:
                    return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::UnknownToken));
                  case RatingAnswer::Unavailable:
                    break;
                }
                session->reply(problemResponse(version, keepAlive, lang, hall, Problem::Unavailable));
              });
}

std::optional<Problem> WebServer::Impl::formRefusal(const http::request<http::string_body>& request,
                                                   const std::string& subject) const {
  if (crossSite(request)) return Problem::StalePage;
  const std::string contentType(request[http::field::content_type]);
  if (contentType.rfind("application/x-www-form-urlencoded", 0) != 0) return Problem::BadRequest;
  if (!csrfMatches(csrfFor(csrfKey, subject), queryValue(request.body(), "csrf"))) return Problem::StalePage;
  return std::nullopt;
}

bool WebServer::Impl::mayAsk(const std::shared_ptr<Session>& session, unsigned version, Lang lang) {
  if (pendingResolutions < settings.maxPendingResolutions) return true;
  ++counters.refused;
  session->reply(problemResponse(version, false, lang, source.hallName(), Problem::Busy));
  return false;
}

const GuideItem* WebServer::Impl::bookableItem(const std::string& code) const {
  for (const GuideItem& item : guide.items)
    if (item.item.code == code && item.bookable) return &item;
  return nullptr;
}

void WebServer::Impl::showSlots(const std::shared_ptr<Session>& session, unsigned version, bool keepAlive, Lang lang,
                                const GuideItem& item, const std::string& error) {
  if (!mayAsk(session, version, lang)) return;
  ++pendingResolutions;
  const std::string csrf = csrfFor(csrfKey, "book:" + item.item.code);
  source.bookingSlots(item.item.code, [self = shared_from_this(), session, version, keepAlive, lang, &item, csrf,
                                       error](BookingAnswer answer) {
    --self->pendingResolutions;
    const std::string hall = self->source.hallName();
    if (answer.kind != BookingAnswer::Kind::Ok)
      return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::Unavailable));
    session->reply(respond(version, keepAlive, error.empty() ? http::status::ok : http::status::conflict,
                           "text/html; charset=utf-8", bookingPage(lang, hall, item, answer.result, csrf, error)));
  });
}

void WebServer::Impl::postBooking(const std::shared_ptr<Session>& session,
                                  const http::request<http::string_body>& request, const GuideItem& item, Lang lang) {
  const unsigned version = request.version();
  const bool keepAlive = request.keep_alive();
  const std::string hall = source.hallName();
  if (const auto problem = formRefusal(request, "book:" + item.item.code))
    return session->reply(problemResponse(version, false, lang, hall, *problem));
  const std::string& form = request.body();
  const std::string slot = queryValue(form, "slot");
  const std::string phone = queryValue(form, "phone");
  if (slot.empty() || slot.size() > 15 || slot.find_first_not_of("0123456789") != std::string::npos)
    return showSlots(session, version, keepAlive, lang, item,
                     lang == Lang::Zh ? "请先选择一个时段。" : "Please choose a time first.");
  if (!mayAsk(session, version, lang)) return;
  ++pendingResolutions;
  const core::TimePoint start{core::Milliseconds{std::stoll(slot)}};
  source.book(item.item.code, start, phone,
              [self = shared_from_this(), session, version, keepAlive, lang, &item](BookingAnswer answer) {
                --self->pendingResolutions;
                const std::string hallName = self->source.hallName();
                if (answer.kind == BookingAnswer::Kind::Refused)
                  return self->showSlots(session, version, keepAlive, lang, item,
                                         lang == Lang::Zh ? answer.zh : answer.en);
                const auto& booking = answer.result.contains("booking") ? answer.result["booking"] : nlohmann::json();
                if (answer.kind != BookingAnswer::Kind::Ok || !booking.contains("code"))
                  return session->reply(problemResponse(version, keepAlive, lang, hallName, Problem::Unavailable));
                // Post/redirect/get: the booking's own page, which a resident keeps (a screenshot).
                auto response = respond(version, keepAlive, http::status::see_other, "text/plain; charset=utf-8", "");
                response.set(http::field::location, "/b/" + booking["code"].get<std::string>() +
                                                        (lang == Lang::En ? "?lang=en" : ""));
                session->reply(std::move(response));
              });
}

void WebServer::Impl::showBooking(const std::shared_ptr<Session>& session, unsigned version, bool keepAlive, Lang lang,
                                  const std::string& code, const std::string& notice) {
  if (!mayAsk(session, version, lang)) return;
  ++pendingResolutions;
  const std::string csrf = csrfFor(csrfKey, "booking:" + code);
  source.booking(code, [self = shared_from_this(), session, version, keepAlive, lang, csrf,
                        notice](BookingAnswer answer) {
    --self->pendingResolutions;
    const std::string hall = self->source.hallName();
    if (answer.kind == BookingAnswer::Kind::Refused)
      return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::NotFound));
    if (answer.kind != BookingAnswer::Kind::Ok || !answer.result.contains("booking"))
      return session->reply(problemResponse(version, keepAlive, lang, hall, Problem::Unavailable));
    session->reply(respond(version, keepAlive, notice.empty() ? http::status::ok : http::status::conflict,
                           "text/html; charset=utf-8", bookedPage(lang, hall, answer.result["booking"], csrf, notice)));
  });
}

void WebServer::Impl::postCancel(const std::shared_ptr<Session>& session,
                                 const http::request<http::string_body>& request, const std::string& code, Lang lang) {
  const unsigned version = request.version();
  const bool keepAlive = request.keep_alive();
  const std::string hall = source.hallName();
  if (const auto problem = formRefusal(request, "booking:" + code))
    return session->reply(problemResponse(version, false, lang, hall, *problem));
  if (!mayAsk(session, version, lang)) return;
  ++pendingResolutions;
  source.cancelBooking(code, [self = shared_from_this(), session, version, keepAlive, lang, code](BookingAnswer answer) {
    --self->pendingResolutions;
    if (answer.kind == BookingAnswer::Kind::Refused)
      return self->showBooking(session, version, keepAlive, lang, code, lang == Lang::Zh ? answer.zh : answer.en);
    if (answer.kind != BookingAnswer::Kind::Ok)
      return session->reply(problemResponse(version, keepAlive, lang, self->source.hallName(), Problem::Unavailable));
    auto response = respond(version, keepAlive, http::status::see_other, "text/plain; charset=utf-8", "");
    response.set(http::field::location, "/b/" + code + (lang == Lang::En ? "?lang=en" : ""));
    session->reply(std::move(response));
  });
}

void WebServer::Impl::withTicket(const std::shared_ptr<Session>& session, const std::string& token,
                                 std::function<void(const std::shared_ptr<Session>&, Resolution)> then) {
  if (const auto known = tokens.find(token); known != tokens.end()) {
    const auto view = source.view(known->second);
    if (view && view->phase == Phase::Gone) {
      tokens.erase(known);  // a new day: yesterday's tokens are dead
      return then(session, Resolution{TokenAnswer::Unknown, 0});
    }
    return then(session, Resolution{TokenAnswer::Found, known->second});
  }
  if (pendingResolutions >= settings.maxPendingResolutions) {
    ++counters.refused;
    return session->reply(problemResponse(11, false, Lang::Zh, source.hallName(), Problem::Busy));
  }
  ++pendingResolutions;
  source.resolve(token, [self = shared_from_this(), session, token, then = std::move(then)](Resolution r) {
    --self->pendingResolutions;
    if (r.answer == TokenAnswer::Found) {
      if (self->tokens.size() > 100000) self->tokens.clear();  // bounded; the dispatcher is asked again
      self->tokens[token] = r.ticket;
      // The dispatcher knows the ticket; the mirror may be a moment behind (a code scanned
      // right after issue): wait for it, bounded.
      return self->awaitMirror(session, r, 20, then);
    }
    then(session, r);
  });
}

void WebServer::Impl::awaitMirror(const std::shared_ptr<Session>& session, Resolution r, int tries,
                                  std::function<void(const std::shared_ptr<Session>&, Resolution)> then) {
  const auto view = source.view(r.ticket);
  if (tries <= 0 || stopped || (view && view->phase != Phase::Gone)) return then(session, r);
  auto timer = std::make_shared<net::steady_timer>(retryAccept.get_executor());
  timer->expires_after(std::chrono::milliseconds(100));
  timer->async_wait([self = shared_from_this(), timer, session, r, tries, then](beast::error_code) {
    self->awaitMirror(session, r, tries - 1, then);
  });
}

void WebServer::Impl::startStream(const std::shared_ptr<Session>& session, core::TicketId ticket, Lang lang) {
  int& streams = streamsByAddress[session->address];
  if (streams >= settings.streamsPerAddress) {
    if (streams == 0) streamsByAddress.erase(session->address);
    return session->reply(problemResponse(11, false, lang, source.hallName(), Problem::TooMany));
  }
  ++streams;
  ++counters.streams;
  const auto view = source.view(ticket).value_or(TicketView{});
  const bool first = !followers.contains(ticket);
  followers[ticket].insert(session.get());
  if (first) source.follow(ticket);
  ++counters.pushes;
  session->startStream(ticket, lang, sseEvent(statusMessage(view, lang, source.live())));
}

namespace {

/// OpenSSL's reason for the last failure (its error queue, emptied), or `fallback`.
std::string openSslReason(const beast::error_code& ec) {
  std::string reason;
  while (const unsigned long e = ERR_get_error()) {
    std::array<char, 256> text{};
    ERR_error_string_n(e, text.data(), text.size());
    reason = text.data();
  }
  return reason.empty() ? ec.message() : reason;
}

/// The server's TLS context from the hall's PEM files: TLS 1.2 or newer, the key checked
/// against the certificate. An error text a clerk can act on when something is wrong.
std::variant<net::ssl::context, std::string> tlsContext(const std::string& certificate, const std::string& key) {
  if (certificate.empty() || key.empty())
    return std::string("TLS needs both a certificate and its key ([web] tls_certificate and tls_key)");
  for (const auto& [what, file] : {std::pair{"certificate", certificate}, std::pair{"key", key}}) {
    if (!std::ifstream(file).good())
      return fmt::format("cannot read the TLS {} {}: {}", what, file, std::strerror(errno));
  }
  net::ssl::context context(net::ssl::context::tls_server);
  context.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                      net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 |
                      net::ssl::context::single_dh_use);
  SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION);
  // Thousands of pages wait on their streams: an idle connection keeps no read/write buffers.
  SSL_CTX_set_mode(context.native_handle(), SSL_MODE_RELEASE_BUFFERS);
  // A key protected by a passphrase fails here instead of asking on a terminal nobody watches.
  context.set_password_callback([](std::size_t, net::ssl::context::password_purpose) { return std::string(); });
  beast::error_code ec;
  ERR_clear_error();
  // The key first: a certificate of another key then leaves none, which the check below names.
  context.use_private_key_file(key, net::ssl::context::pem, ec);
  if (ec)
    return fmt::format("the TLS key {} is not a PEM private key without a passphrase: {}", key, openSslReason(ec));
  context.use_certificate_chain_file(certificate, ec);
  if (ec) return fmt::format("the TLS certificate {} is not a PEM certificate: {}", certificate, openSslReason(ec));
  if (SSL_CTX_check_private_key(context.native_handle()) != 1) {
    ERR_clear_error();
    return fmt::format("the TLS key {} does not belong to the certificate {}", key, certificate);
  }
  return context;
}

}  // namespace

WebServer::WebServer(net::io_context& io, ServerSettings settings, TicketSource& source, Guide guide)
    : impl_(std::make_shared<Impl>(io, std::move(settings), source, std::move(guide))) {}

WebServer::~WebServer() { stop(); }

std::string WebServer::start() {
  if (!impl_->settings.tlsCertificate.empty() || !impl_->settings.tlsKey.empty()) {
    auto context = tlsContext(impl_->settings.tlsCertificate, impl_->settings.tlsKey);
    if (auto* error = std::get_if<std::string>(&context)) return *error;
    impl_->tls.emplace(std::move(std::get<net::ssl::context>(context)));
  }
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->settings.listen, ec);
  if (ec) return fmt::format("{} is not an IP address", impl_->settings.listen);
  const tcp::endpoint endpoint{address, static_cast<unsigned short>(impl_->settings.port)};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fmt::format("cannot listen on {}:{}: {}", impl_->settings.listen, impl_->settings.port, ec.message());
  impl_->boundPort = acceptor.local_endpoint().port();
  impl_->accept();
  impl_->scheduleKeepAlive();
  return {};
}

std::string WebServer::checkTls(const std::string& certificate, const std::string& key) {
  auto context = tlsContext(certificate, key);
  if (auto* error = std::get_if<std::string>(&context)) return *error;
  return {};
}

int WebServer::port() const { return impl_->boundPort; }

bool WebServer::tls() const { return impl_->tls.has_value(); }

void WebServer::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  beast::error_code ignored;
  impl_->acceptor.close(ignored);
  impl_->keepAliveTimer.cancel();
  impl_->retryAccept.cancel();
  const std::vector<Session*> open(impl_->open.begin(), impl_->open.end());
  for (Session* s : open) s->close();
}

void WebServer::publish(const std::vector<std::pair<core::TicketId, TicketView>>& views, bool live) {
  Impl& s = *impl_;
  const bool liveChanged = live != s.live;
  s.live = live;
  for (const auto& [ticket, view] : views) {
    const auto f = s.followers.find(ticket);
    if (f == s.followers.end()) continue;
    const auto last = s.lastViews.find(ticket);
    if (!liveChanged && last != s.lastViews.end() && last->second == view) continue;
    s.lastViews[ticket] = view;
    std::optional<std::string> zh, en;
    for (Session* session : f->second) {
      auto& text = session->lang == Lang::En ? en : zh;
      if (!text) text = sseEvent(statusMessage(view, session->lang, live));
      ++s.counters.pushes;
      session->push(*text);
    }
  }
}

ServerCounters WebServer::counters() const { return impl_->counters; }

}  // namespace jiujin::web
