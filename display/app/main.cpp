// jiujin-display: the hall screen and the voice that calls numbers.
// Thin: parse options, wire the model, the voice and the screen, run.
#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <cstdio>

#include "jiujin/clientqt/qt_log.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/clientqt/link_options.hpp"
#include "jiujin/config/loader.hpp"

#include "display_view.hpp"
#include "demo_hall.hpp"
#include "jiujin/display/display_model.hpp"
#include "jiujin/voice/announcement_player.hpp"
#include "jiujin/voice/call_announcer.hpp"
#include "jiujin/voice/segment_generator.hpp"

Q_LOGGING_CATEGORY(lcApp, "display.app")

namespace {

using namespace jiujin;

int fail(const QString& message) {
  std::fprintf(stderr, "jiujin-display: %s\n", qPrintable(message));
  return 2;
}

/// How calls are spoken: the hall file's [announcements] (when --config is given), with the
/// command line's options over them. Templates with words the voice has no recording of are
/// reported and replaced by the default ones.
voice::AnnouncementStyle voiceStyle(const QCommandLineParser& args, const config::Announcements* hall) {
  voice::AnnouncementStyle style;
  if (hall) {
    style.templates = voice::templatesFromHallFile(hall->zh, hall->en);
    style.repeats = hall->repeat;
    style.english = hall->english;
    style.chime = hall->chime;
    if (auto problem = voice::checkTemplates(style)) {
      qCWarning(lcApp) << "announcements in the hall file cannot be spoken, using the default ones:"
                       << QString::fromStdString(problem->message);
      style.templates = voice::AnnouncementTemplates{};
    }
  }
  if (args.isSet("english-voice")) style.english = true;
  if (args.isSet("repeats")) style.repeats = args.value("repeats").toInt();
  if (args.isSet("no-chime")) style.chime = false;
  return style;
}

/// Quiet hours: --quiet, else the hall file's announcements.quiet_hours.
std::vector<voice::QuietHours> quietHours(const QCommandLineParser& args, const config::Announcements* hall) {
  std::vector<voice::QuietHours> quiet;
  if (args.isSet("quiet")) {
    if (auto q = voice::parseQuietHours(args.value("quiet"))) quiet.push_back(*q);
  } else if (hall) {
    for (const auto& span : hall->quietHours) {
      quiet.push_back({QTime(span.start.hour() % 24, span.start.minute()), QTime(span.end.hour() % 24, span.end.minute())});
    }
  }
  return quiet;
}

/// The voice, or nothing when it is switched off or cannot be set up (the screen still runs).
std::unique_ptr<voice::CallAnnouncer> makeVoice(const QCommandLineParser& args, voice::AnnouncementPlayer& player,
                                                const config::Announcements* hall) {
  std::vector<std::filesystem::path> folders;
  if (args.isSet("recordings")) folders.emplace_back(args.value("recordings").toStdString());
  const auto cache = args.isSet("segments") ? std::filesystem::path(args.value("segments").toStdString())
                                            : voice::defaultSegmentCache();
  voice::GeneratorOptions generate;
  const voice::AnnouncementStyle style = voiceStyle(args, hall);
  generate.english = style.english;
  if (auto made = voice::generateSegments(cache, generate); !made) {
    qCWarning(lcApp) << "voice segments:" << QString::fromStdString(made.error().message);
  }
  folders.push_back(cache);
  auto library = voice::SegmentLibrary::load(folders);
  if (!library) {
    qCWarning(lcApp) << "voice off:" << QString::fromStdString(library.error().message);
    return nullptr;
  }
  auto announcer = std::make_unique<voice::CallAnnouncer>(voice::AnnouncementComposer(style),
                                                          std::move(library).value(), player);
  announcer->setQuietHours(quietHours(args, hall));
  announcer->setMaxDelay(hall ? std::chrono::seconds(hall->maxDelaySeconds) : voice::kDefaultMaxDelay);
  return announcer;
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QUICK_CONTROLS_STYLE", "Basic");
  clientqt::routeQtMessagesToLog();
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName("jiujin-display");
  QCoreApplication::setOrganizationName("jiujin");

  QCommandLineParser args;
  args.setApplicationDescription("Jiujin hall display (综合屏) and voice calls");
  args.addHelpOption();
  args.addOptions({
      {"config", "The hall file; its [service] endpoints are used unless given below.", "file"},
      {"commands", "The dispatcher's command endpoint.", "endpoint"},
      {"events", "The dispatcher's event endpoint.", "endpoint"},
      {"key", "This computer's CURVE secret key file, for a dispatcher on another computer.", "file"},
      {"server-key", "The dispatcher's CURVE public key (Z85 text or a file holding it); with --key.", "key"},
      {"screenshots", "Save the screen to DIR/display.png every few seconds (headless demo).", "dir"},
      {"demo", "Feed the screen from a scripted in-process hall instead of a dispatcher."},
      {"portrait", "Lay out for a 1080x1920 portrait screen."},
      {"fullscreen", "Fill the screen; the layout follows its aspect."},
      {"windows", "Show only these windows, e.g. 1-6,9.", "list"},
      {"lang", "Screen language: zh (default) or en.", "lang", "zh"},
      {"mute", "No voice."},
      {"english-voice", "Say each call in English after the Mandarin (default: the hall file's announcements)."},
      {"repeats", "Times each call is said (default: the hall file's, else 2).", "n"},
      {"no-chime", "No 叮咚 before each call (default: the hall file's chime, else on)."},
      {"volume", "Voice volume, 0-100 (default: the hall file's, else 100).", "percent"},
      {"quiet", "Quiet hours without voice, e.g. 12:00-13:30 (default: the hall file's).", "span"},
      {"recordings", "Folder of the hall's own WAV clips, overriding segments by name.", "dir"},
      {"segments", "Folder of generated segments (made on first run if missing).", "dir"},
  });
  args.process(app);
  QString keyProblem;
  const auto curve = clientqt::curveKeysFrom(args, keyProblem);
  if (!keyProblem.isEmpty()) return fail(keyProblem);

  auto zone = display::Zone::parse(args.value("windows").toStdString());
  if (!zone) return fail(QString::fromStdString(zone.error().zh + " / " + zone.error().en));
  if (args.isSet("quiet") && !voice::parseQuietHours(args.value("quiet"))) {
    return fail("--quiet takes a span like 12:00-13:30");
  }
  if (args.value("lang") != "zh") {
    if (!display::installTranslation(args.value("lang"))) return fail("no translation for " + args.value("lang"));
    QLocale::setDefault(QLocale(args.value("lang")));
  } else {
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  }
  display::useHallFont();

  display::DisplayModel::Options options;
  options.zone = zone.value();
  display::DisplayModel model(options);

  // The hall file: endpoints and the announcements.
  std::optional<config::HallConfig> hall;
  if (args.isSet("config")) {
    auto loaded = config::loadHallConfig(args.value("config").toStdString());
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", config::toString(e).c_str());
      return 2;
    }
    hall = std::move(loaded.config);
  }
  const config::Announcements* announcements = hall ? &hall->announcements : nullptr;

  std::unique_ptr<voice::AnnouncementPlayer> player;
  std::unique_ptr<voice::CallAnnouncer> announcer;
  if (!args.isSet("mute")) {
    player = std::make_unique<voice::AnnouncementPlayer>();
    const double volume = args.isSet("volume") ? args.value("volume").toDouble()
                          : announcements    ? announcements->volume
                                             : 100.0;
    player->setVolume(volume / 100.0);
    announcer = makeVoice(args, *player, announcements);
  }
  if (announcer) {
    QObject::connect(&model, &display::DisplayModel::callAnnounced, announcer.get(), &voice::CallAnnouncer::announce);
    // Before a call is said: is the ticket still called there? (Served, transferred, a
    // no-show or called elsewhere meanwhile: the screen has moved on, so the voice does too.)
    announcer->setStillCalled([&model](const voice::Call& call) {
      return model.isCalledTo(QString::fromStdString(call.ticketNumber), call.window);
    });
  }

  std::unique_ptr<display::DemoHall> demo;
  std::unique_ptr<clientqt::HallLink> link;
  if (args.isSet("demo")) {
    demo = std::make_unique<display::DemoHall>(model);
    demo->prepare();
    demo->start(std::chrono::seconds(6));
  } else {
    client::ConnectionOptions connection;
    if (hall) {
      connection.commands = hall->service.commands;
      connection.events = hall->service.events;
    }
    if (args.isSet("commands")) connection.commands = args.value("commands").toStdString();
    if (args.isSet("events")) connection.events = args.value("events").toStdString();
    if (curve) {
      connection.curve = curve;  // the dispatcher knows this display by its key
    } else {
      connection.identity = client::StatedIdentity{"display", std::nullopt, "jiujin-display"};
    }
    model.setConnected(false);
    link = std::make_unique<clientqt::HallLink>(connection);
    // The link resyncs by itself (gap, restart): each snapshot resets the screen.
    QObject::connect(link.get(), &clientqt::HallLink::reset, &model, [&model, l = link.get()] {
      if (l->hall()) model.resetFromSnapshot(l->hall()->definition(), l->hall()->state(), l->seq());
    });
    QObject::connect(link.get(), &clientqt::HallLink::eventApplied, &model,
                     [&model](quint64 seq, const core::Event& event) { model.onEvent(seq, event); });
    QObject::connect(link.get(), &clientqt::HallLink::connectedChanged, &model,
                     [&model, l = link.get()] { model.setConnected(l->connected()); });
    link->start();
  }

  QQmlApplicationEngine engine;
  QString error;
  auto* window = display::loadDisplay(engine, model, args.isSet("portrait") ? display::kPortrait : display::kLandscape,
                                      &error);
  if (!window) return fail(error);
  if (args.isSet("fullscreen")) window->showFullScreen();
  QTimer screenshots;
  if (args.isSet("screenshots")) {
    QDir().mkpath(args.value("screenshots"));
    const QString path = args.value("screenshots") + "/display.png";
    QObject::connect(&screenshots, &QTimer::timeout, window, [window, path] { window->grabWindow().save(path); });
    screenshots.start(5000);
  }
  return QGuiApplication::exec();
}
