// jiujin-kiosk --config HALL.toml [--printer PATH] [--commands EP --events EP] [--screenshots DIR]
// The resident's touch screen. Thin: read the hall file, wire the link to the dispatcher,
// the printer and the models, show Main.qml. --screenshots renders every screen offscreen
// from a demonstration hall and exits.
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLocale>
#include <cstdio>

#include "demo_screens.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/clientqt/link_options.hpp"
#include "jiujin/kiosk/activity_filter.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/link_wiring.hpp"
#include "jiujin/kiosk/print_station.hpp"
#include "jiujin/kiosk/printer_watch.hpp"
#include "kiosk_view.hpp"

namespace {

using namespace jiujin;

int fail(const QString& message, int code = 2) {
  std::fprintf(stderr, "jiujin-kiosk: %s\n", qPrintable(message));
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  clientqt::prepareHallApp(argc, argv);
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName("jiujin-kiosk");
  QCoreApplication::setOrganizationName("jiujin");

  QCommandLineParser args;
  args.setApplicationDescription("Jiujin kiosk (取号机): the resident's touch screen and ticket printer");
  args.addHelpOption();
  clientqt::addLinkOptions(args);
  args.addOptions({
      {"printer", "Ticket printer port (overrides [kiosk] printer_port); \"none\" for no printer.", "path"},
      {"name", "This kiosk's name, as the dispatcher knows it.", "name", "kiosk-1"},
      {"fullscreen", "Fill the screen."},
  });
  args.process(app);
  QString problem;
  const auto loaded = clientqt::loadHallFile(args, problem);
  if (!loaded) return fail(problem);
  if (clientqt::curveKeysFrom(args, problem); !problem.isEmpty()) return fail(problem);
  const config::HallConfig& hall = *loaded;
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  kiosk::useHallFont();

  if (args.isSet("screenshots")) {
    const auto run = kiosk::renderScreens(hall, args.value("screenshots"));
    for (const auto& file : run.files) std::printf("%s\n", qPrintable(file));
    return run.error.isEmpty() ? 0 : fail(run.error, 1);
  }

  auto connection = clientqt::linkOptions(args, hall, client::StatedIdentity{"kiosk", std::nullopt, args.value("name").toStdString()});
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
  std::unique_ptr<kiosk::PrinterWatch> printerWatch;
  if (printer) {
    printerWatch = std::make_unique<kiosk::PrinterWatch>(
        std::chrono::seconds(hall.kiosk.printerCheckSeconds),
        [station = printer.get()](auto answered) { station->readStatus(std::move(answered)); },
        [&model] { return model.issuer()->printing(); },
        [&model](const kiosk::PrinterHealth& health) { model.issuer()->reportPrinterHealth(health); });
    printerWatch->start();
  }

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
