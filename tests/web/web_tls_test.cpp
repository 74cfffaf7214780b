// jiujin-web over TLS (docs/web.md "TLS"): a certificate made here at run time, the server on
// a real socket, and a real TLS client (Boost.Beast over OpenSSL) that checks the certificate
// as a phone would. The pages and the event stream over https://; plain HTTP, a silent client
// and a wrong key pair get nothing; the jiujin-web process itself refuses to start on a bad pair.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "jiujin/web/web_server.hpp"
#include "support/http_client.hpp"
#include "support/web_process.hpp"

namespace jiujin::web {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
const std::string kToken = "TestTokenTestTokenTestToken1";

/// A folder of the test's own, removed after it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "jiujin-web-tls-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct Pem {
  std::filesystem::path certificate;
  std::filesystem::path key;
};

/// A self-signed certificate for localhost and 127.0.0.1 (P-256, valid for an hour), as a hall
/// would make its own: `<name>.crt` and `<name>.key` in `dir`.
Pem selfSigned(const std::filesystem::path& dir, const std::string& name) {
  const Pem pem{dir / (name + ".crt"), dir / (name + ".key")};
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* certificate = X509_new();
  X509_set_version(certificate, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
  X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
  X509_gmtime_adj(X509_getm_notAfter(certificate), 3600);
  X509_set_pubkey(certificate, key);
  X509_NAME* subject = X509_get_subject_name(certificate);
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("localhost"), -1,
                             -1, 0);
  X509_set_issuer_name(certificate, subject);
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  X509_EXTENSION* names =
      X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
  X509_add_ext(certificate, names, -1);
  X509_EXTENSION_free(names);
  X509_sign(certificate, key, EVP_sha256());
  FILE* out = std::fopen(pem.certificate.c_str(), "w");
  PEM_write_X509(out, certificate);
  std::fclose(out);
  out = std::fopen(pem.key.c_str(), "w");
  PEM_write_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(out);
  X509_free(certificate);
  EVP_PKEY_free(key);
  return pem;
}

/// A hall of the test's own: one ticket (kToken), waiting, that the test calls.
class FakeHall : public TicketSource {
 public:
  void resolve(const std::string& token, std::function<void(Resolution)> done) override {
    done(token == kToken ? Resolution{TokenAnswer::Found, 1} : Resolution{TokenAnswer::Unknown, 0});
  }
  std::optional<TicketView> view(core::TicketId) override {
    std::lock_guard lock(mutex);
    return current;
  }
  bool live() override { return true; }
  void follow(core::TicketId) override { ++following; }
  void unfollow(core::TicketId) override { --following; }
  ItemFigures itemFigures() override { return {}; }
  std::string hallName() override { return "城关镇便民服务中心"; }

  std::mutex mutex;
  TicketView current = [] {
    TicketView v;
    v.phase = Phase::Waiting;
    v.number = "A017";
    v.peopleAhead = 4;
    return v;
  }();
  std::atomic<int> following{0};
};

/// A phone's browser at https://localhost:<port>: trusts only `trusted` (the hall's certificate)
/// and checks the name. Every operation is bounded (its own io_context, run for at most 5 s).
class TlsClient {
 public:
  /// `maxVersion`: the newest TLS version it offers (an old phone), 0: any.
  explicit TlsClient(const std::filesystem::path& trusted, int maxVersion = 0) {
    if (maxVersion != 0) {
      SSL_CTX_set_max_proto_version(context_.native_handle(), maxVersion);
      SSL_CTX_set_min_proto_version(context_.native_handle(), 0);
      SSL_CTX_set_security_level(context_.native_handle(), 0);  // lets this client offer TLS 1.1 at all
    }
    context_.load_verify_file(trusted.string());
    context_.set_verify_mode(ssl::verify_peer);
  }

  /// Connects and handshakes; the error, if any.
  beast::error_code connect(int port) {
    stream_.emplace(io_, context_);
    stream_->set_verify_callback(ssl::host_name_verification("localhost"));
    beast::error_code result = net::error::timed_out;
    beast::get_lowest_layer(*stream_).expires_after(5s);
    beast::get_lowest_layer(*stream_).async_connect(
        net::ip::tcp::endpoint(net::ip::address_v4::loopback(), static_cast<unsigned short>(port)),
        [this, &result](beast::error_code ec) {
          if (ec) {
            result = ec;
            return;
          }
          stream_->async_handshake(ssl::stream_base::client, [&result](beast::error_code e) { result = e; });
        });
    run();
    return result;
  }

  /// GET `target` on the connection; status 0 when no answer came.
  http::response<http::string_body> get(const std::string& target) {
    http::request<http::empty_body> request{http::verb::get, target, 11};
    request.set(http::field::host, "localhost");
    http::response<http::string_body> response;
    beast::get_lowest_layer(*stream_).expires_after(5s);
    http::async_write(*stream_, request, [this, &response](beast::error_code ec, std::size_t) {
      if (!ec) http::async_read(*stream_, buffer_, response, [](beast::error_code, std::size_t) {});
    });
    run();
    return response;
  }

  /// Asks for `target` as an event stream; then next() reads its events.
  void follow(const std::string& target) {
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n";
    beast::get_lowest_layer(*stream_).expires_after(5s);
    net::async_write(*stream_, net::buffer(request), [](beast::error_code, std::size_t) {});
    run();
  }

  /// The data of the next status event, waiting at most `within`.
  std::optional<std::string> next(std::chrono::milliseconds within) {
    const auto deadline = Clock::now() + within;
    for (;;) {
      const auto event = received_.find("event: status\ndata: ", consumed_);
      const auto end = event == std::string::npos ? event : received_.find("\n\n", event);
      if (end != std::string::npos) {
        consumed_ = end + 2;
        const auto data = event + 20;
        return received_.substr(data, end - data);
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left <= 0ms) return std::nullopt;
      std::array<char, 4096> chunk{};
      std::size_t got = 0;
      beast::get_lowest_layer(*stream_).expires_after(left);
      stream_->async_read_some(net::buffer(chunk), [&got](beast::error_code ec, std::size_t n) {
        if (!ec) got = n;
      });
      run();
      if (got == 0) return std::nullopt;
      received_.append(chunk.data(), got);
    }
  }
  const std::string& received() const { return received_; }

 private:
  void run() {
    io_.restart();
    io_.run_for(10s);
  }

  net::io_context io_;
  ssl::context context_{ssl::context::tls_client};
  std::optional<beast::ssl_stream<beast::tcp_stream>> stream_;
  beast::flat_buffer buffer_;
  std::string received_;
  std::size_t consumed_ = 0;
};

class WebTlsTest : public ::testing::Test {
 protected:
  void SetUp() override { pem = selfSigned(dir.path(), "web"); }

  /// The server with `pem` (or the settings' own files when given); the error of start().
  std::string startServer(ServerSettings settings = {}) {
    settings.listen = "127.0.0.1";
    settings.port = 0;
    if (settings.tlsCertificate.empty()) settings.tlsCertificate = pem.certificate.string();
    if (settings.tlsKey.empty()) settings.tlsKey = pem.key.string();
    server = std::make_unique<WebServer>(io, settings, hall);
    const std::string error = server->start();
    if (!error.empty()) return error;
    port = server->port();
    thread = std::thread([this] { io.run(); });
    return {};
  }
  void TearDown() override {
    if (server) net::post(io, [this] { server->stop(); });
    io.stop();
    if (thread.joinable()) thread.join();
  }
  ServerCounters counters() {
    std::promise<ServerCounters> p;
    net::post(io, [&] { p.set_value(server->counters()); });
    return p.get_future().get();
  }

  TempDir dir;
  Pem pem;
  net::io_context io;
  FakeHall hall;
  std::unique_ptr<WebServer> server;
  std::thread thread;
  int port = 0;
};

TEST_F(WebTlsTest, ThePagesAreServedOverHttpsWithTheHallsCertificate) {
  ASSERT_EQ(startServer(), "");
  EXPECT_TRUE(server->tls());
  TlsClient phone(pem.certificate);
  ASSERT_FALSE(phone.connect(port)) << "the handshake with the hall's certificate fails";
  const auto home = phone.get("/");
  EXPECT_EQ(home.result_int(), 200);
  EXPECT_NE(home.body().find("办事指南"), std::string::npos);
  const auto page = phone.get("/t/" + kToken);  // the same connection, kept alive
  EXPECT_EQ(page.result_int(), 200);
  EXPECT_NE(page.body().find("A017"), std::string::npos);
}

TEST_F(WebTlsTest, APhoneThatDoesNotTrustTheCertificateRefusesIt) {
  ASSERT_EQ(startServer(), "");
  const Pem other = selfSigned(dir.path(), "other");
  TlsClient phone(other.certificate);
  EXPECT_TRUE(phone.connect(port)) << "a certificate the phone does not trust was accepted";
}

TEST_F(WebTlsTest, AClientOfferingOnlyTls11IsRefusedByTheServer) {
  ASSERT_EQ(startServer(), "");
  TlsClient old(pem.certificate, TLS1_1_VERSION);
  const auto error = old.connect(port);
  ASSERT_TRUE(error);
  // The server's alert, not this client failing on its own: the server said no to the version.
  EXPECT_NE(error.message().find("protocol version"), std::string::npos) << error.message();
  TlsClient phone(pem.certificate, TLS1_2_VERSION);
  EXPECT_FALSE(phone.connect(port)) << "TLS 1.2 is served";
}

TEST_F(WebTlsTest, APlainHttpRequestOnTheTlsPortGetsNoPage) {
  ASSERT_EQ(startServer(), "");
  const auto plain = testing::get(port, "/");
  EXPECT_EQ(plain.status, 0) << plain.headers;
  EXPECT_EQ(plain.body.find("办事指南"), std::string::npos);
  TlsClient phone(pem.certificate);
  ASSERT_FALSE(phone.connect(port));
  EXPECT_EQ(phone.get("/").result_int(), 200) << "the server still serves over TLS";
}

TEST_F(WebTlsTest, AFollowedTicketIsPushedOverTls) {
  ASSERT_EQ(startServer(), "");
  TlsClient phone(pem.certificate);
  ASSERT_FALSE(phone.connect(port));
  phone.follow("/t/" + kToken + "/events");
  const auto first = phone.next(5s);
  ASSERT_TRUE(first) << phone.received();
  EXPECT_NE(phone.received().find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(*first)["phase"], "waiting");
  TicketView called;
  {
    std::lock_guard lock(hall.mutex);
    hall.current.phase = Phase::Called;
    hall.current.window = 3;
    called = hall.current;
  }
  net::post(io, [this, called] { server->publish({{1, called}}, true); });
  const auto pushed = phone.next(5s);
  ASSERT_TRUE(pushed);
  EXPECT_EQ(nlohmann::json::parse(*pushed)["headline"], "请到3号窗口");
  EXPECT_EQ(hall.following, 1);
}

TEST_F(WebTlsTest, AClientThatNeverHandshakesIsDroppedWithinTheRequestTimeout) {
  ServerSettings settings;
  settings.requestTimeout = 500ms;
  ASSERT_EQ(startServer(settings), "");
  const auto started = Clock::now();
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  pollfd p{fd, POLLIN, 0};
  ASSERT_EQ(::poll(&p, 1, 5000), 1) << "the silent client was not dropped within 5 s";
  char byte = 0;
  EXPECT_LE(::recv(fd, &byte, 1, 0), 0) << "the server sent something to a client that said nothing";
  const auto waited = Clock::now() - started;
  ::close(fd);
  EXPECT_GE(waited, 400ms);
  EXPECT_LT(waited, 3s);
}

TEST_F(WebTlsTest, TheLimitsOfPlainHttpApplyOverTls) {
  ServerSettings settings;
  settings.requestsPerMinute = 10;
  ASSERT_EQ(startServer(settings), "");
  TlsClient phone(pem.certificate);
  ASSERT_FALSE(phone.connect(port));
  int refused = 0;
  for (int i = 0; i < 12; ++i) {
    const auto response = phone.get("/static/web.css");
    if (response.result_int() == 429) {
      ++refused;
      ASSERT_TRUE(!phone.connect(port)) << "a refusal closes the connection; a new one is made";
    }
  }
  EXPECT_EQ(refused, 2);
}

TEST_F(WebTlsTest, AKeyOfAnotherCertificateMakesStartFailAndNothingIsServed) {
  const Pem other = selfSigned(dir.path(), "other");
  ServerSettings settings;
  settings.tlsKey = other.key.string();
  const std::string error = startServer(settings);
  EXPECT_NE(error.find("does not belong to the certificate"), std::string::npos) << error;
  EXPECT_EQ(server->port(), 0) << "nothing listens";
  EXPECT_FALSE(server->tls());
}

TEST_F(WebTlsTest, AnUnreadableOrMalformedFileMakesStartFailWithItsName) {
  ServerSettings missing;
  missing.tlsCertificate = (dir.path() / "nowhere.crt").string();
  const std::string unreadable = startServer(missing);
  EXPECT_NE(unreadable.find("cannot read the TLS certificate"), std::string::npos) << unreadable;
  EXPECT_NE(unreadable.find("nowhere.crt"), std::string::npos) << unreadable;

  std::ofstream(dir.path() / "garbage.crt") << "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n";
  ServerSettings garbage;
  garbage.tlsCertificate = (dir.path() / "garbage.crt").string();
  const std::string malformed = startServer(garbage);
  EXPECT_NE(malformed.find("is not a PEM certificate"), std::string::npos) << malformed;

  ServerSettings swapped;  // the certificate given as the key
  swapped.tlsKey = pem.certificate.string();
  const std::string notAKey = startServer(swapped);
  EXPECT_NE(notAKey.find("is not a PEM private key"), std::string::npos) << notAKey;
}

// The real jiujin-web with a hall file's [web] tls_certificate and tls_key (relative to it).
class WebTlsProcess : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path samples = std::filesystem::path(JIUJIN_TEST_SOURCE_DIR) / "config/samples";
    for (const char* file : {"village.toml", "village-catalog.csv", "calendar-2026.toml"})
      std::filesystem::copy_file(samples / file, dir.path() / file);
    pem = selfSigned(dir.path(), "web");
    other = selfSigned(dir.path(), "other");
  }
  std::filesystem::path hallWith(const std::string& key) {
    std::ofstream(dir.path() / "village.toml", std::ios::app)
        << "\n[web]\ntls_certificate = \"web.crt\"\ntls_key = \"" << key << "\"\n";
    return dir.path() / "village.toml";
  }

  TempDir dir;
  Pem pem;
  Pem other;
};

TEST_F(WebTlsProcess, ItSaysReadyHttpsAndServesTheGuideOverTls) {
  // No dispatcher: the guide is served from the hall file alone.
  testing::WebProcess web(hallWith("web.key"), "tcp://127.0.0.1:1", "tcp://127.0.0.1:2");
  ASSERT_TRUE(web.ready()) << web.output();
  EXPECT_TRUE(web.tls()) << web.output();
  TlsClient phone(pem.certificate);
  ASSERT_FALSE(phone.connect(web.port()));
  const auto home = phone.get("/");
  EXPECT_EQ(home.result_int(), 200);
  EXPECT_NE(home.body().find("办事指南"), std::string::npos);
}

TEST_F(WebTlsProcess, AWrongKeyMakesItRefuseToStartWithAClearMessage) {
  testing::WebProcess web(hallWith("other.key"), "tcp://127.0.0.1:1", "tcp://127.0.0.1:2");
  EXPECT_FALSE(web.ready()) << "it served with a key of another certificate";
  EXPECT_EQ(web.exitCode(5s), 2) << web.output();  // as for an invalid hall file: systemd does not restart it
  EXPECT_NE(web.output().find("does not belong to the certificate"), std::string::npos) << web.output();
  EXPECT_EQ(web.output().find("READY"), std::string::npos);
}

}  // namespace
}  // namespace jiujin::web
