// jiujin-kiosk --config HALL.toml [--printer PATH] [--commands EP --events EP] [--screenshots DIR]
// The resident's touch screen. Thin: read the hall file, wire the link to the dispatcher,
// the printer and the models, show Main.qml. --screenshots renders every screen offscreen
// from a demonstration hall and exits.
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLocale>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "demo_screens.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/kiosk/activity_filter.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/link_wiring.hpp"
#include "jiujin/kiosk/print_station.hpp"
#include "kiosk_view.hpp"

namespace {

using namespace jiujin;

int fail(const QString& message, int code = 2) {
  std::fprintf(stderr, "jiujin-kiosk: %s\n", qPrintable(message));
  return code;
}

bool wantsScreenshots(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--screenshots") == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QUICK_CONTROLS_STYLE", "Basic");
  // The demo renders without a display.
  if (wantsScreenshots(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName("jiujin-kiosk");
  QCoreApplication::setOrganizationName("jiujin");

  QCommandLineParser args;
  args.setApplicationDescription("Jiujin kiosk (取号机): the resident's touch screen and ticket printer");
  args.addHelpOption();
  args.addOptions({
      {"config", "The hall file (TOML).", "file"},
      {"printer", "Ticket printer port (overrides [kiosk] printer_port); \"none\" for no printer.", "path"},
      {"commands", "The dispatcher's command endpoint (overrides [service]).", "endpoint"},
      {"events", "The dispatcher's event endpoint (overrides [service]).", "endpoint"},
      {"name", "This kiosk's name, as the dispatcher knows it.", "name", "kiosk-1"},
      {"screenshots", "Render every screen offscreen into this folder and exit.", "dir"},
      {"fullscreen", "Fill the screen."},
  });
  args.process(app);
  if (!args.isSet("config")) return fail("--config HALL.toml is required");

  const auto loaded = config::loadHallConfig(args.value("config").toStdString());
  if (!loaded.ok()) {
    std::ostringstream text;
    for (const auto& d : loaded.errors) text << d << '\n';
    return fail(QString::fromStdString(text.str()) + args.value("config") + " is not a valid hall file");
  }
  const config::HallConfig& hall = *loaded.config;
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  kiosk::useHallFont();

  if (args.isSet("screenshots")) {
    const auto run = kiosk::renderScreens(hall, args.value("screenshots"));
    for (const auto& file : run.files) std::printf("%s\n", qPrintable(file));
    return run.error.isEmpty() ? 0 : fail(run.error, 1);
  }

  client::ConnectionOptions connection;
  connection.commands = args.isSet("commands") ? args.value("commands").toStdString() : hall.service.commands;
  connection.events = args.isSet("events") ? args.value("events").toStdString() : hall.service.events;
  connection.identity = client::StatedIdentity{"kiosk", std::nullopt, args.value("name").toStdString()};
  // A resident is waiting: say "unreachable" after a few seconds, then keep retrying.
  connection.requestTimeout = std::chrono::milliseconds(1500);
  connection.attempts = 2;
  clientqt::HallLink link(connection);

  std::unique_ptr<kiosk::PrintStation> printer;
  const std::string port = args.isSet("printer") ? args.value("printer").toStdString() : hall.kiosk.printerPort;
  if (!port.empty() && port != "none") {
    devices::printer::TicketPrinterSettings settings;
    settings.portName = port;
    settings.serial.baud = hall.kiosk.printerBaud;
    printer = std::make_unique<kiosk::PrintStation>(settings);
  }
  kiosk::TicketIssuer::Print print;
  if (printer) {
    print = [station = printer.get()](const devices::printer::TicketPrint& ticket, kiosk::TicketIssuer::PrintDone done) {
      station->print(ticket, std::move(done));
    };
  }

  kiosk::KioskModel::Options options;
  options.kioskName = args.value("name").toStdString();
  kiosk::KioskModel model(hall, kiosk::sendThrough(link), print, options);
  kiosk::followLink(model, link);
  link.start();

  QQmlApplicationEngine engine;
  kiosk::LanguageSwitcher language(engine);
  model.setLanguageSwitch([&language](const QString& lang) { return language.switchTo(lang); });
  QString error;
  QQuickWindow* window = kiosk::loadKiosk(engine, model, kiosk::kKioskScreen, &error);
  if (!window) return fail(error, 1);
  kiosk::ActivityFilter activity(model);
  window->installEventFilter(&activity);
  if (args.isSet("fullscreen")) window->showFullScreen();
  const int code = QGuiApplication::exec();
  link.stop();
  return code;
}
