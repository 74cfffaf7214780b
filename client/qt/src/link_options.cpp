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

client::ConnectionOptions linkOptions(const QCommandLineParser& args,
                                      const config::HallConfig& hall,
                                      client::StatedIdentity identity) {
  client::ConnectionOptions connection;
  connection.commands =
      args.isSet("commands") ? args.value("commands").toStdString() : hall.service.commands;
  connection.events =
      args.isSet("events") ? args.value("events").toStdString() : hall.service.events;
  connection.identity = std::move(identity);
  return connection;
}

}  // namespace jiujin::clientqt
