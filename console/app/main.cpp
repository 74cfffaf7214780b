// jiujin-console --config HALL.toml (--window N | --manager) [--commands EP --events EP]
//                [--lang en] [--forms DIR] [--screenshots DIR]
// The clerk's console at a window, or the hall manager's monitor. Thin: read the hall file,
// wire the link to the dispatcher and the models, show Main.qml. --screenshots renders
// every screen offscreen from a demonstration morning and exits.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QQuickWindow>
#include <QStandardPaths>
#include <cstdio>
#include <set>

#include "console_view.hpp"
#include "demo_screens.hpp"
#include "jiujin/clientqt/link_options.hpp"
#include "jiujin/console/link_wiring.hpp"

namespace {

using namespace jiujin;

int fail(const QString& message, int code = 2) {
  std::fprintf(stderr, "jiujin-console: %s\n", qPrintable(message));
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  clientqt::prepareHallApp(argc, argv);
  // Qt Charts draws with QGraphicsView: the application must be a QApplication.
  QApplication app(argc, argv);
  QApplication::setApplicationName("jiujin-console");
  QCoreApplication::setOrganizationName("jiujin");

  QCommandLineParser args;
  args.setApplicationDescription("Jiujin console: the clerk's window console (--window N) or the manager's monitor (--manager)");
  args.addHelpOption();
  clientqt::addLinkOptions(args);
  args.addOptions({
      {"window", "The window this console sits at.", "number"},
      {"manager", "The hall manager's monitor."},
      {"lang", "Interface language: zh (default) or en.", "language", "zh"},
      {"fullscreen", "Fill the screen (a monitor on a wall screen); F11 or the window's button toggles it."},
      {"forms", "Where the case forms (收件回执单, 补交材料清单, 不予受理通知书) are written as A4 PDFs for the "
                "office printer (default: ~/Documents/jiujin-forms).", "dir"},
  });
  args.process(app);
  QString problem;
  const auto loaded = clientqt::loadHallFile(args, problem);
  if (!loaded) return fail(problem);
  if (clientqt::curveKeysFrom(args, problem); !problem.isEmpty()) return fail(problem);
  const config::HallConfig& hall = *loaded;
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  console::useHallFont();

  if (args.isSet("screenshots")) {
    const auto run = console::renderScreens(hall, args.value("screenshots"));
    for (const auto& file : run.files) std::printf("%s\n", qPrintable(file));
    return run.error.isEmpty() ? 0 : fail(run.error, 1);
  }
  bool numeric = false;
  const int window = args.value("window").toInt(&numeric);
  if (args.isSet("manager") == args.isSet("window")) return fail("give either --window N or --manager");
  if (args.isSet("window") && (!numeric || window <= 0)) return fail("--window needs a window number");

  clientqt::HallLink link(clientqt::linkOptions(
      args, hall,
      args.isSet("manager") ? client::StatedIdentity{"manager", std::nullopt, "monitor"}
                            : client::StatedIdentity{"console", window, "console-w" + std::to_string(window)}));

  std::unique_ptr<console::ClerkConsole> desk;
  std::unique_ptr<console::HallMonitor> monitor;
  std::map<std::string, std::string> names;  // clerks shown by name (王芳), not id
  for (const auto& c : hall.clerks) names[c.id] = c.name;
  if (args.isSet("manager")) {
    monitor = std::make_unique<console::HallMonitor>(console::sendThrough(link), names);
    std::map<std::string, std::string> managers;  // [[clerk]] manager = true: who may log in here
    for (const auto& c : hall.clerks)
      if (c.manager) managers[c.id] = c.name;
    monitor->setManagers(std::move(managers));
    console::followLink(*monitor, link);
  } else {
    desk = std::make_unique<console::ClerkConsole>(window, console::sendThrough(link), console::hallNow, names);
    std::set<std::string> agents;  // 代办员: may register a case for a resident not present
    for (const auto& c : hall.clerks)
      if (c.agent) agents.insert(c.id);
    desk->cases()->setAgents(std::move(agents));
    const QString forms = args.isSet("forms") ? args.value("forms")
                                              : QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                                    .filePath(QStringLiteral("jiujin-forms"));
    desk->cases()->setPrintForm(console::pdfFormsInto(forms));
    desk->setLanguage(args.value("lang"));
    console::followLink(*desk, link);
  }
  link.start();

  QQmlApplicationEngine engine;
  std::unique_ptr<QTranslator> translator;
  if (!console::useLanguage(engine, args.value("lang"), translator)) return fail("no translation for " + args.value("lang"));
  if (monitor) monitor->setLanguage(args.value("lang"));
  QString error;
  QQuickWindow* shown = console::loadConsole(engine, desk.get(), monitor.get(), &error);
  if (!shown) return fail(error, 1);
  if (args.isSet("fullscreen")) shown->showFullScreen();
  if (monitor) monitor->loadToday();
  const int code = QApplication::exec();
  link.stop();
  return code;
}
