// jiujin-web: the residents' phone pages. A client of the dispatcher (role web) that follows
// the hall and serves, on the hall's network, the page a ticket's QR code opens. Thin: read
// the hall file, start the hall feed and the web server on one Asio thread, run until a signal.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>

#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "jiujin/base/service_manager.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/config/opening_hours.hpp"
#include "jiujin/web/hall_feed.hpp"
#include "jiujin/web/web_server.hpp"

namespace {

/// Every page following a ticket holds a socket: lift the soft limit of descriptors to the hard one.
void allowManyConnections(int wanted) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  const rlim_t need = static_cast<rlim_t>(wanted) + 64;
  if (limit.rlim_cur >= need) return;
  limit.rlim_cur = std::min(need, limit.rlim_max);
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

/// The item guide from the hall file: its catalog, where each item is served and the hours.
jiujin::web::Guide guideOf(const jiujin::config::HallConfig& hall) {
  jiujin::web::Guide guide;
  guide.hoursZh = jiujin::config::describeHoursZh(hall.hours);
  guide.hoursEn = jiujin::config::describeHoursEn(hall.hours);
  const auto& d = hall.definition;
  for (const auto& item : d.items) {
    jiujin::web::GuideItem g{item, {}, {}, jiujin::core::takesBookings(hall.booking, item)};
    for (const auto& q : d.queues)
      if (q.id == item.queue) g.queueName = q.name;
    for (const auto& w : d.windows)
      for (const auto& entry : w.profile.entries)
        if (entry.queue == item.queue) {
          g.windows.push_back(w.name.empty() ? fmt::format("{}号窗口", w.number) : w.name);
          break;
        }
    guide.items.push_back(std::move(g));
  }
  return guide;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jiujin;
  CLI::App app{"jiujin-web: the residents' phone pages (follow your ticket)"};
  std::string hallFile;
  std::string commands;
  std::string events;
  std::string name = "web";
  std::string listen;
  int port = -1;
  std::string keyFile;
  std::string serverKeyFile;
  app.add_option("--config", hallFile, "hall file (TOML)")->required();
  app.add_option("--commands", commands, "the dispatcher's command endpoint (default: the hall file's)");
  app.add_option("--events", events, "the dispatcher's event endpoint (default: the hall file's)");
  app.add_option("--name", name, "this process's name in the audit record (loopback)");
  app.add_option("--listen", listen, "address to serve on (default: [web] listen)");
  app.add_option("--port", port, "port to serve on, 0 for a free one (default: [web] port)")->check(CLI::Range(0, 65535));
  app.add_option("--key", keyFile, "CURVE secret key file of this client (a [[client]] with role web)");
  app.add_option("--server-key", serverKeyFile, "the dispatcher's CURVE public key file");
  CLI11_PARSE(app, argc, argv);

  const auto loaded = config::loadHallConfig(hallFile);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) log::error("web", "{}", config::toString(e));
    return 2;
  }
  const config::HallConfig& hall = *loaded.config;

  client::ConnectionOptions connection;
  connection.commands = commands.empty() ? hall.service.commands : commands;
  connection.events = events.empty() ? hall.service.events : events;
  connection.identity = client::StatedIdentity{"web", std::nullopt, name};
  connection.requestTimeout = std::chrono::milliseconds(1000);
  if (!keyFile.empty()) {
    client::CurveKeys keys;
    keys.secretKey = client::readKeyFile(keyFile);
    keys.publicKey = client::publicKeyOf(keys.secretKey);
    keys.serverKey = client::readKeyFile(serverKeyFile);
    if (keys.publicKey.empty() || keys.serverKey.size() != 40) {
      log::error("web", "--key and --server-key must name Z85 key files");
      return 2;
    }
    connection.curve = keys;
  }

  web::ServerSettings settings;
  settings.listen = listen.empty() ? hall.web.listen : listen;
  settings.port = port >= 0 ? port : hall.web.port;
  settings.maxConnections = hall.web.maxConnections;
  settings.streamsPerAddress = hall.web.streamsPerAddress;
  settings.requestsPerMinute = hall.web.requestsPerMinute;
  settings.tlsCertificate = hall.web.tlsCertificate.string();
  settings.tlsKey = hall.web.tlsKey.string();
  allowManyConnections(settings.maxConnections);
  // A certificate that cannot serve is a mistake in the hall's files, like an unusable key:
  // exit 2 (no restart), and never plain HTTP instead.
  if (!settings.tlsCertificate.empty()) {
    if (const auto error = web::WebServer::checkTls(settings.tlsCertificate, settings.tlsKey); !error.empty()) {
      log::error("web", "{}", error);
      return 2;
    }
  }

  boost::asio::io_context io;
  std::unique_ptr<web::WebServer> server;
  web::DispatcherFeed feed(io, connection, hall.hall.name,
                           [&](const auto& views, bool live) { server->publish(views, live); });
  server = std::make_unique<web::WebServer>(io, settings, feed, guideOf(hall));
  if (const auto error = server->start(); !error.empty()) {
    log::error("web", "{}", error);
    return 1;
  }
  feed.start();

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const auto&, int) {
    server->stop();
    io.stop();
  });
  const std::string shown = settings.listen == "0.0.0.0" ? "127.0.0.1" : settings.listen;
  fmt::print("READY {}://{}:{}/\n", server->tls() ? "https" : "http", shown, server->port());
  std::fflush(stdout);
  service_manager::notifyReady();
  io.run();
  feed.stop();
  fmt::print("jiujin-web: stopping\n");
  return 0;
}
