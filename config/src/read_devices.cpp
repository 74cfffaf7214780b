#include <array>
#include <limits>

#include <fmt/format.h>

#include "jiujin/config/names.hpp"
#include "jiujin/core/names.hpp"
#include "reading.hpp"

namespace jiujin::config {

namespace {
constexpr std::array<std::int64_t, 9> kBauds = {1200,  2400,  4800,  9600,  14400,
                                                19200, 38400, 57600, 115200};
}  // namespace

bool isStandardBaud(std::int64_t baud) {
  return std::find(kBauds.begin(), kBauds.end(), baud) != kBauds.end();
}

std::string standardBauds() {
  return fmt::format("{}", fmt::join(kBauds, ", "));
}

namespace {

bool isZ85Key(std::string_view key) {
  constexpr std::string_view kZ85 =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
  return key.size() == 40 && key.find_first_not_of(kZ85) == std::string_view::npos;
}

void readBus(TableReader& t, HallConfig& config, Sources& sources) {
  BusConfig bus;
  if (auto id = t.string("id", Need::Required)) bus.id = *id;
  if (auto port = t.string("port")) bus.port = *port;
  if (auto host = t.string("tcp_host")) bus.tcpHost = *host;
  if (auto v = t.integer("tcp_port", 1, 65535)) bus.tcpPort = static_cast<int>(*v);
  if (bus.port.empty() && bus.tcpHost.empty() && !t.node("port") && !t.node("tcp_host")) {
    t.report().error(t.self(), fmt::format("bus \"{}\" has neither port (a serial device such as "
                                           "\"/dev/ttyUSB0\") nor tcp_host (a Modbus TCP "
                                           "gateway); expected one of them",
                                           bus.id));
  } else if (!bus.port.empty() && !bus.tcpHost.empty()) {
    t.report().error(t.at("tcp_host"), fmt::format("bus \"{}\" has both port and tcp_host; "
                                                   "expected one of them",
                                                   bus.id));
  }
  if (auto baud = t.integer("baud", 1, 4000000)) {
    if (isStandardBaud(*baud)) {
      bus.baud = static_cast<int>(*baud);
    } else {
      t.report().error(t.at("baud"), fmt::format("baud {} of bus \"{}\" is not a serial speed; "
                                                 "expected one of {}",
                                                 *baud, bus.id, standardBauds()));
    }
  }
  if (auto parity = t.string("parity")) {
    if (*parity == "N" || *parity == "E" || *parity == "O") {
      bus.parity = parity->front();
    } else {
      t.report().error(t.at("parity"), fmt::format("parity \"{}\" of bus \"{}\" is not one of "
                                                   "\"N\" (none), \"E\" (even), \"O\" (odd)",
                                                   *parity, bus.id));
    }
  }
  if (auto v = t.integer("data_bits", 7, 8)) bus.dataBits = static_cast<int>(*v);
  if (auto v = t.integer("stop_bits", 1, 2)) bus.stopBits = static_cast<int>(*v);
  if (auto v = t.integer("response_timeout_ms", 10, 5000)) {
    bus.responseTimeoutMs = static_cast<int>(*v);
  }
  if (auto v = t.integer("poll_interval_ms", 20, 10000)) bus.pollIntervalMs = static_cast<int>(*v);
  sources.buses.push_back({t.at("id"), t.node("response_timeout_ms") ? t.at("response_timeout_ms") : Position{}});
  config.buses.push_back(std::move(bus));
}

/// transfer_to = { kind = "issuing" } | { window = 3 } | { queue = "social" }: the protocol's
/// transfer target (docs/protocol.md), written the same way.
std::optional<core::TransferTarget> readTransferTarget(const toml::table& table, const std::string& device,
                                                       Report& report) {
  TableReader t(table, fmt::format("transfer_to of device \"{}\"", device), report);
  const auto kind = t.string("kind");
  const auto window = t.integer("window", 1, 999);
  const auto queue = t.string("queue");
  t.rejectUnknownKeys();
  const int given = int{t.node("kind") != nullptr} + int{t.node("window") != nullptr} + int{t.node("queue") != nullptr};
  if (given != 1) {
    report.error(t.self(), fmt::format("transfer_to of device \"{}\" needs exactly one of kind = \"<window kind>\", "
                                       "window = <number> or queue = \"<queue id>\"; found {}",
                                       device, given));
    return std::nullopt;
  }
  if (window) return core::TransferTarget{static_cast<core::WindowNumber>(*window)};
  if (queue) return core::TransferTarget{*queue};
  if (!kind) return std::nullopt;  // reported as a wrong type already
  if (const auto parsed = core::parseWindowKind(*kind)) return core::TransferTarget{*parsed};
  report.error(t.at("kind"), fmt::format("transfer_to kind \"{}\" of device \"{}\" is not one of general, "
                                         "specialist, issuing, complaints",
                                         *kind, device));
  return std::nullopt;
}

void readDevice(TableReader& t, HallConfig& config, Sources& sources) {
  DeviceConfig device;
  std::optional<DeviceKind> kind;
  if (auto id = t.string("id", Need::Required)) device.id = *id;
  if (auto bus = t.string("bus", Need::Required)) device.bus = *bus;
  if (auto text = t.string("kind", Need::Required)) {
    kind = parseDeviceKind(*text);
    if (!kind) {
      t.report().error(t.at("kind"), fmt::format("device kind \"{}\" is not one of "
                                                 "window_display, main_strip, keypad, eval_pad",
                                                 *text));
    }
  }
  if (kind) device.kind = *kind;
  if (auto address = t.integer("address", std::numeric_limits<std::int64_t>::min(),
                               std::numeric_limits<std::int64_t>::max(), Need::Required)) {
    if (*address < 1 || *address > 247) {
      t.report().error(t.at("address"), fmt::format("address {} of device \"{}\" is out of "
                                                    "range; Modbus addresses are 1 to 247",
                                                    *address, device.id));
    } else {
      device.address = static_cast<int>(*address);
    }
  }
  if (auto profile = t.string("profile")) {
    device.profile = *profile;
  } else if (kind) {
    device.profile = std::string(defaultProfile(*kind));
  }
  if (auto window = t.integer("window", 1, 999)) device.window = static_cast<int>(*window);
  if (kind && belongsToWindow(*kind) && !device.window && !t.node("window")) {
    t.report().error(t.self(), fmt::format("device \"{}\" is a {}, so it needs window = <the "
                                           "number of its window>",
                                           device.id, toString(*kind)));
  } else if (kind && !belongsToWindow(*kind) && t.node("window")) {
    t.report().error(t.at("window"), fmt::format("device \"{}\" is a {}, which serves the whole "
                                                 "hall; remove its window",
                                                 device.id, toString(*kind)));
  }
  std::optional<Position> transferAt;  // set only for a target read, which the cross-check then checks
  if (const auto* to = t.table("transfer_to")) {
    if (kind && *kind != DeviceKind::Keypad) {
      t.report().error(t.at("transfer_to"), fmt::format("device \"{}\" is a {}; only keypads have a transfer key "
                                                        "(remove transfer_to)",
                                                        device.id, toString(*kind)));
    } else if (auto target = readTransferTarget(*to, device.id, t.report())) {
      device.transferTo = *target;
      transferAt = t.at("transfer_to");
    }
  }
  sources.devices.push_back({t.at("id"), t.at("bus"), t.at("address"), t.at("window"), transferAt, t.at("profile")});
  config.devices.push_back(std::move(device));
}

void readClient(TableReader& t, HallConfig& config, Sources& sources) {
  ClientConfig client;
  ClientSource source;
  std::optional<ClientRole> role;
  if (auto name = t.string("name", Need::Required)) client.name = *name;
  if (auto text = t.string("role", Need::Required)) {
    role = parseClientRole(*text);
    if (!role) {
      t.report().error(t.at("role"), fmt::format("client role \"{}\" is not one of kiosk, "
                                                 "console, devices, display, manager, admin",
                                                 *text));
    }
  }
  if (role) client.role = *role;
  if (auto key = t.string("public_key", Need::Required)) {
    if (!isZ85Key(*key)) {
      t.report().error(t.at("public_key"),
                       fmt::format("public_key of client \"{}\" is not a CURVE key; expected 40 "
                                   "Z85 characters (found {} characters)",
                                   client.name, key->size()));
    }
    client.publicKey = *key;
  }
  source.name = t.at("name");
  source.publicKey = t.at("public_key");
  source.window = t.at("window");
  if (auto window = t.integer("window", 1, 999)) client.window = static_cast<int>(*window);
  if (role == ClientRole::Console && !t.node("window")) {
    t.report().error(t.self(), fmt::format("client \"{}\" is a console, so it needs window = <the "
                                           "number of the window it sits at>",
                                           client.name));
  } else if (role && role != ClientRole::Console && t.node("window")) {
    t.report().error(t.at("window"), fmt::format("client \"{}\" is not a console; only consoles "
                                                 "sit at a window",
                                                 client.name));
  }
  if (const auto* buses = t.array("buses")) {
    if (role && role != ClientRole::Devices) {
      t.report().error(t.at("buses"), fmt::format("client \"{}\" is not a devices client; only "
                                                  "those drive buses",
                                                  client.name));
    }
    for (auto& [bus, at] : stringsOf(*buses, "the buses of a client", t.report())) {
      client.buses.push_back(bus);
      source.buses.push_back(at);
    }
  }
  sources.clients.push_back(std::move(source));
  config.clients.push_back(std::move(client));
}

}  // namespace

void readDevices(TableReader& root, HallConfig& config, Sources& sources) {
  forEachTable(root, "bus", [&](TableReader& t) { readBus(t, config, sources); });
  forEachTable(root, "device", [&](TableReader& t) { readDevice(t, config, sources); });
  forEachTable(root, "client", [&](TableReader& t) { readClient(t, config, sources); });
}

}  // namespace jiujin::config
