#include "jiujin/clientqt/link_options.hpp"

#include <cstring>
#include <deque>
#include <sstream>
#include <string>
#include <string_view>

#include "jiujin/clientqt/qt_log.hpp"
#include "jiujin/config/loader.hpp"

namespace jiujin::clientqt {

void keepOptionsFromQt(int& argc, char** argv) {
  // Strings for the joined options, alive until exit (argv's own strings are too).
  static std::deque<std::string> joined;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if ((arg == "--name" || arg == "-name") && i + 1 < argc) {
      joined.push_back(std::string("--name=") + argv[i + 1]);
      argv[out++] = joined.back().data();
      ++i;
      continue;
    }
    argv[out++] = argv[i];
  }
  argc = out;
  argv[argc] = nullptr;
}

void prepareHallApp(int& argc, char** argv) {
  keepOptionsFromQt(argc, argv);
  routeQtMessagesToLog();
  qputenv("QT_QUICK_CONTROLS_STYLE", "Basic");
  if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) return;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--screenshots") == 0) {
      qputenv("QT_QPA_PLATFORM", "offscreen");
      return;
    }
  }
}

void addLinkOptions(QCommandLineParser& args) {
  args.addOptions({
      {"config", "The hall file (TOML).", "file"},
      {"commands", "The dispatcher's command endpoint (overrides [service]).", "endpoint"},
      {"events", "The dispatcher's event endpoint (overrides [service]).", "endpoint"},
      {"key", "This computer's CURVE secret key file, for a dispatcher on another computer.", "file"},
      {"server-key", "The dispatcher's CURVE public key (Z85 text or a file holding it); with --key.", "key"},
      {"screenshots", "Render every screen offscreen into this folder and exit.", "dir"},
  });
}

std::optional<config::HallConfig> loadHallFile(const QCommandLineParser& args, QString& error) {
  if (!args.isSet("config")) {
    error = QStringLiteral("--config HALL.toml is required");
    return std::nullopt;
  }
  auto loaded = config::loadHallConfig(args.value("config").toStdString());
  if (!loaded.ok()) {
    std::ostringstream text;
    for (const auto& d : loaded.errors) text << d << '\n';
    error = QString::fromStdString(text.str()) + args.value("config") +
            QStringLiteral(" is not a valid hall file");
    return std::nullopt;
  }
  return std::move(loaded.config);
}

std::optional<client::CurveKeys> curveKeysFrom(const QCommandLineParser& args, QString& error) {
  error.clear();
  if (!args.isSet("key")) {
    if (args.isSet("server-key")) error = QStringLiteral("--server-key is given without --key (this computer's secret key)");
    return std::nullopt;
  }
  client::CurveKeys keys;
  const std::string keyFile = args.value("key").toStdString();
  keys.secretKey = client::readKeyFile(keyFile);
  keys.publicKey = client::publicKeyOf(keys.secretKey);
  if (keys.publicKey.empty()) {
    error = QStringLiteral("%1 does not hold a CURVE secret key (Z85, 40 characters)").arg(args.value("key"));
    return std::nullopt;
  }
  const std::string server = args.value("server-key").toStdString();
  keys.serverKey = server.size() == 40 ? server : client::readKeyFile(server);
  if (server.empty() || keys.serverKey.size() != 40) {
    error = server.empty() ? QStringLiteral("--key needs --server-key: the dispatcher's public key (Z85 text or a file)")
                           : QStringLiteral("--server-key %1 is neither a Z85 key nor a file holding one")
                                 .arg(args.value("server-key"));
    return std::nullopt;
  }
  return keys;
}

client::ConnectionOptions linkOptions(const QCommandLineParser& args,
                                      const config::HallConfig& hall,
                                      client::StatedIdentity identity) {
  client::ConnectionOptions connection;
  connection.commands =
      args.isSet("commands") ? args.value("commands").toStdString() : hall.service.commands;
  connection.events =
      args.isSet("events") ? args.value("events").toStdString() : hall.service.events;
  QString ignored;  // the app checked the keys with curveKeysFrom before
  if (auto keys = curveKeysFrom(args, ignored)) {
    connection.curve = std::move(keys);
  } else {
    connection.identity = std::move(identity);
  }
  return connection;
}

}  // namespace jiujin::clientqt
