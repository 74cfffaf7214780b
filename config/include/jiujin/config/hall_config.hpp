#pragma once
// A hall's whole configuration: what the core needs (core::HallDefinition) and what
// only the outer layers need (hours, clerks, devices, clients, voice, endpoints).
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/config/calendar_file.hpp"
#include "jiujin/config/catalog.hpp"
#include "jiujin/config/clock_time.hpp"
#include "jiujin/config/devices.hpp"
#include "jiujin/core/booking.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::config {

/// Where the hall sits in the three-level network.
enum class HallLevel {
  District,  ///< 区政务服务中心
  Township,  ///< 乡镇(街道)便民服务中心
  Village,   ///< 村(社区)便民服务站
};

struct HallInfo {
  std::string name;
  HallLevel level = HallLevel::Township;
  std::string regionCode;  ///< 行政区划代码: 6 (district), 9 (township) or 12 (village) digits
  bool operator==(const HallInfo&) const = default;
};

/// Extra hours on some days: 延时服务, or sessions for appointments only (预约服务).
struct Session {
  std::vector<std::chrono::weekday> days;
  TimeSpan time;
  bool operator==(const Session&) const = default;
};

struct OpeningHours {
  std::vector<std::chrono::weekday> days;  ///< regular working days
  TimeSpan open;                           ///< regular hours on those days
  std::vector<TimeSpan> breaks;            ///< none means 午间不间断服务
  std::vector<Session> extended;           ///< 延时服务: open to everyone
  std::vector<Session> appointmentOnly;    ///< only residents with an appointment
  bool continuousAtNoon() const { return breaks.empty(); }
  bool operator==(const OpeningHours&) const = default;
};

/// A window clerk (窗口工作人员) or a village agent (帮办代办员).
struct ClerkConfig {
  core::ClerkId id;
  std::string name;
  std::string pinHash;  ///< libsodium argon2id string; the PIN itself is never stored
  std::vector<core::WindowNumber> allowedWindows;  ///< empty: any window
  bool agent = false;                              ///< 代办员
  bool manager = false;  ///< 大厅管理员: may log in at the monitor (manager_login) with this PIN
  bool operator==(const ClerkConfig&) const = default;
};

enum class ClientRole { Kiosk, Console, Devices, Display, Manager, Admin, Web };

/// A program allowed to talk to the dispatcher, known by its CURVE public key.
struct ClientConfig {
  std::string name;
  std::string publicKey;  ///< Z85, 40 characters
  ClientRole role = ClientRole::Display;
  std::optional<core::WindowNumber> window;  ///< console only: the window it sits at
  std::vector<std::string> buses;            ///< devices role only: the buses it drives
  bool operator==(const ClientConfig&) const = default;
};

struct Announcements {
  /// Placeholders: {number} (ticket, e.g. A001), {window} (number), {window_name}, {queue}.
  std::string zh = "请{number}号到{window}号窗口办理";
  std::string en = "Number {number}, please go to window {window}";
  int repeat = 2;                    ///< times each call is spoken
  int volume = 80;                   ///< percent
  bool english = false;              ///< also speak the English template
  std::vector<TimeSpan> quietHours;  ///< calls shown but not spoken
  bool chime = true;                 ///< 叮咚 before each call
  /// A call not started within this many seconds of being made is dropped, never said late
  /// (the screen still shows it). 5–120.
  int maxDelaySeconds = 30;
  bool operator==(const Announcements&) const = default;
};

struct ServiceEndpoints {
  std::string commands = "tcp://127.0.0.1:5570";  ///< ROUTER: clients' commands
  std::string events = "tcp://127.0.0.1:5571";    ///< PUB: the hall's events
  bool curve = false;  ///< encrypt and authenticate with CURVE (clients listed in [[client]])
  std::filesystem::path secretKeyFile;  ///< the service's CURVE secret key (Z85), when curve is on
  bool operator==(const ServiceEndpoints&) const = default;
};

enum class Synchronous { Full, Normal };

struct StoreSettings {
  Synchronous synchronous = Synchronous::Full;
  int retentionDays = 400;  ///< journal days kept; monthly figures need at least a year
  /// [cases] archive_days: days a closed case keeps the applicant's ID number and phone in the
  /// case register (the archive period); 0 keeps them.
  int caseArchiveDays = 0;
  bool operator==(const StoreSettings&) const = default;
};

/// Signed checkpoints of the audit record (电子监察): the chain head signed with the hall's
/// Ed25519 key every so many rows or minutes (docs/protocol.md, "Audit checkpoints").
struct AuditSettings {
  std::filesystem::path signingKeyFile;  ///< the secret key (hex, `jiujinctl keys new --audit`); empty: none
  std::filesystem::path checkpointFile;  ///< empty: next to the database, "<database>.checkpoints"
  int checkpointEveryRows = 500;
  int checkpointEveryMinutes = 10;
  bool operator==(const AuditSettings&) const = default;
};

struct KioskSettings {
  std::string printerPort;  ///< serial device of the ticket printer; empty: no printer
  int printerBaud = 9600;
  int idleSeconds = 30;  ///< back to the start screen after this long untouched
  /// Between tickets the printer is asked how it is this often (2–300 s), so paper out
  /// reaches the manager before the next resident does.
  int printerCheckSeconds = 5;
  bool operator==(const KioskSettings&) const = default;
};

/// [web]: jiujin-web, the residents' phone pages (docs/web.md, "Settings").
struct WebSettings {
  std::string listen = "0.0.0.0";  ///< the address the pages are served on (IPv4 or IPv6 literal)
  int port = 8080;                 ///< 0–65535; 0 picks a free port (tests)
  /// The URL a printed ticket's QR code holds, "{token}" replaced by the ticket's token, e.g.
  /// "http://192.168.1.10:8080/t/{token}". Empty: the QR holds what it always did.
  std::string ticketUrl;
  int maxConnections = 5000;       ///< open connections at once (16–20000); more are closed at once
  int streamsPerAddress = 20;      ///< live pages following at once from one address (1–20000)
  int requestsPerMinute = 600;     ///< requests per address per minute (10–1000000); more get 429
  /// PEM files of the hall's certificate (chain) and private key, resolved next to the hall
  /// file; both set: jiujin-web serves HTTPS only. Both empty: plain HTTP.
  std::filesystem::path tlsCertificate;
  std::filesystem::path tlsKey;
  bool operator==(const WebSettings&) const = default;
};

struct HallConfig {
  HallInfo hall;
  OpeningHours hours;
  core::HallDefinition definition;  ///< items (from the catalog), queues, windows, rules
  std::vector<ClerkConfig> clerks;
  std::vector<BusConfig> buses;
  std::vector<DeviceConfig> devices;
  std::vector<ClientConfig> clients;
  Announcements announcements;
  ServiceEndpoints service;
  StoreSettings store;
  AuditSettings audit;
  KioskSettings kiosk;
  /// The catalog's 主题 and 拼音首字母 per item, in catalog order (the kiosk's home screen).
  std::vector<ItemGuide> guides;
  WebSettings web;
  /// [booking] and its [[booking.session]]s: 预约 (docs/booking.md). No session: no bookings.
  core::BookingRules booking;
  /// [hall] calendars: the working-day calendar of each year the hall counts promised
  /// dates in (one file per year, docs/configuration.md "Working-day calendar").
  std::vector<CalendarFile> calendars;
  std::filesystem::path sourceFile;   ///< the hall file it was read from
  std::filesystem::path catalogFile;  ///< the CSV catalog, resolved next to it
  bool operator==(const HallConfig&) const = default;
};

}  // namespace jiujin::config
