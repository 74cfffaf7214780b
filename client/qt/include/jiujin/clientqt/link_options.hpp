#pragma once
// How a hall app starts (kiosk, console): which hall and which dispatcher it is told to use
// (--config, --commands, --events), the hall file read once with every problem reported,
// and the connection its HallLink opens. --screenshots (render offscreen and exit) is
// decided before the application object exists, so it is read from the raw arguments.
#include <optional>

#include <QCommandLineParser>
#include <QString>

#include "jiujin/client/connection.hpp"
#include "jiujin/config/hall_config.hpp"

namespace jiujin::clientqt {

/// Before the application object exists: the Basic controls style (the same look on every
/// machine), offscreen rendering when `--screenshots` is given and no platform is set, and
/// our options kept from Qt (keepOptionsFromQt).
void prepareHallApp(int& argc, char** argv);

/// Qt's X11 platform takes `-name NAME` / `--name NAME` out of the arguments for itself (its
/// window class name), so `jiujin-kiosk --name kiosk-2` reached our parser without its name
/// and two kiosks shared one identity and printer id. The pair is joined into
/// `--name=kiosk-2`, which Qt leaves alone. `argv` is rewritten in place (its strings then
/// live as long as the process); `argc` shrinks by one per pair joined.
void keepOptionsFromQt(int& argc, char** argv);

/// Adds --config FILE, --commands ENDPOINT, --events ENDPOINT, --key FILE,
/// --server-key KEY|FILE and --screenshots DIR.
void addLinkOptions(QCommandLineParser& args);

/// The CURVE keys for a dispatcher on another computer (docs/installation.md, "Keys for the
/// LAN"): --key FILE, this computer's secret key (`jiujinctl keys new NAME`), and
/// --server-key, the dispatcher's public key as Z85 text or a file holding it. Nothing when
/// --key is not given (loopback: the app states who it is). `error` is set, and nothing
/// returned, when the keys given cannot be used: the app must not start unreachable.
std::optional<client::CurveKeys> curveKeysFrom(const QCommandLineParser& args, QString& error);

/// The hall file named by --config; nothing when it is missing or invalid, and `error`
/// then holds every problem found, one a line, and the file's name.
std::optional<config::HallConfig> loadHallFile(const QCommandLineParser& args, QString& error);

/// The dispatcher's endpoints (--commands / --events, else the hall file's [service]) and
/// who this app is: its CURVE keys when --key is given (the dispatcher knows it by its key,
/// the hall file's [[client]]), else `identity`, stated on loopback. Check the keys first
/// with curveKeysFrom. Timeouts keep the client library's defaults.
client::ConnectionOptions linkOptions(const QCommandLineParser& args,
                                      const config::HallConfig& hall,
                                      client::StatedIdentity identity);

}  // namespace jiujin::clientqt
