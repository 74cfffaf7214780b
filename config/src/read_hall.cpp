#include <fstream>
#include <tuple>

#include <fmt/format.h>

#include "jiujin/config/names.hpp"
#include "reading.hpp"

namespace jiujin::config {

void withTable(TableReader& root, std::string_view key, Need need,
               const std::function<void(TableReader&)>& read) {
  const auto* table = root.table(key, need);
  if (!table) return;
  TableReader reader(*table, fmt::format("[{}]", key), root.report());
  read(reader);
  reader.rejectUnknownKeys();
}

std::optional<TimeSpan> readTimeSpan(const std::string& text, Position at, std::string_view what,
                                     Report& report) {
  const auto span = parseTimeSpan(text);
  if (!span) {
    report.error(at, fmt::format("{} \"{}\" does not parse; expected \"HH:MM-HH:MM\", e.g. "
                                 "\"08:30-17:30\"",
                                 what, text));
    return std::nullopt;
  }
  if (span->end <= span->start) {
    report.error(at, fmt::format("{} \"{}\" closes before it opens", what, text));
    return std::nullopt;
  }
  return span;
}

namespace {

void readHall(TableReader& t, HallConfig& config, Sources& sources) {
  if (auto name = t.string("name", Need::Required)) config.hall.name = *name;
  if (auto level = t.string("level", Need::Required)) {
    if (auto parsed = parseHallLevel(*level)) {
      config.hall.level = *parsed;
    } else {
      t.report().error(t.at("level"), fmt::format("level \"{}\" is not one of district, "
                                                  "township, village",
                                                  *level));
    }
  }
  if (auto code = t.string("region_code")) {
    const bool digits = code->find_first_not_of("0123456789") == std::string::npos;
    if (!digits || (code->size() != 6 && code->size() != 9 && code->size() != 12)) {
      t.report().error(t.at("region_code"),
                       fmt::format("region_code \"{}\" should be 6 (district), 9 (township) or "
                                   "12 (village) digits",
                                   *code));
    } else {
      config.hall.regionCode = *code;
    }
  }
  if (auto catalog = t.string("catalog", Need::Required)) {
    sources.catalog = t.at("catalog");
    sources.catalogName = *catalog;
    config.catalogFile = config.sourceFile.parent_path() / *catalog;
  }
  if (const auto* calendars = t.array("calendars")) sources.calendars = stringsOf(*calendars, "calendars", t.report());
}

std::vector<std::chrono::weekday> readDays(TableReader& t, std::string_view what) {
  std::vector<std::chrono::weekday> days;
  const auto* array = t.array("days", Need::Required);
  if (!array) return days;
  for (const auto& [text, at] : stringsOf(*array, fmt::format("{}.days", what), t.report())) {
    if (auto day = parseWeekday(text)) {
      days.push_back(*day);
    } else {
      t.report().error(at, fmt::format("day \"{}\" in {} is not a weekday; expected mon, tue, "
                                       "wed, thu, fri, sat, sun (or 周一 … 周日)",
                                       text, what));
    }
  }
  return days;
}

std::vector<Session> readSessions(TableReader& hours, std::string_view key) {
  std::vector<Session> sessions;
  const auto* array = hours.array(key);
  if (!array) return sessions;
  const auto what = fmt::format("[[hours.{}]]", key);
  for (const auto& node : *array) {
    const auto* table = node.as_table();
    if (!table) {
      hours.report().error(positionOf(node), fmt::format("each of hours.{} should be a table "
                                                         "{{ days = [...], time = "
                                                         "\"HH:MM-HH:MM\" }}, not {}",
                                                         key, describe(node.type())));
      continue;
    }
    TableReader t(*table, what, hours.report());
    Session session;
    session.days = readDays(t, what);
    if (auto time = t.string("time", Need::Required)) {
      if (auto span = readTimeSpan(*time, t.at("time"), fmt::format("{} time", what), t.report())) {
        session.time = *span;
      }
    }
    t.rejectUnknownKeys();
    sessions.push_back(std::move(session));
  }
  return sessions;
}

void readHours(TableReader& t, OpeningHours& hours) {
  hours.days = readDays(t, "[hours]");
  std::optional<TimeSpan> open;
  if (auto text = t.string("open", Need::Required)) {
    open = readTimeSpan(*text, t.at("open"), "opening hours", t.report());
    if (open) hours.open = *open;
  }
  if (const auto* breaks = t.array("breaks")) {
    for (const auto& [text, at] : stringsOf(*breaks, "hours.breaks", t.report())) {
      auto span = readTimeSpan(text, at, "break", t.report());
      if (!span) continue;
      if (open && (span->start < open->start || span->end > open->end)) {
        t.report().error(at, fmt::format("break \"{}\" is not within the opening hours {}", text,
                                         toString(*open)));
        continue;
      }
      for (const auto& earlier : hours.breaks) {
        if (earlier.overlaps(*span)) {
          t.report().error(
              at, fmt::format("break \"{}\" overlaps break \"{}\"", text, toString(earlier)));
        }
      }
      hours.breaks.push_back(*span);
    }
  }
  hours.extended = readSessions(t, "extended");
  hours.appointmentOnly = readSessions(t, "appointment_only");
}

void readRules(TableReader& t, core::Rules& rules) {
  if (auto v = t.integer("recall_limit", 0, 10)) rules.recallLimit = static_cast<int>(*v);
  if (auto v = t.integer("no_show_timeout_minutes", 1, 120))
    rules.noShowTimeout = core::Minutes{*v};
  if (auto v = t.integer("reactivation_window_minutes", 0, 480)) {
    rules.reactivationWindow = core::Minutes{*v};
  }
  if (auto v = t.integer("priority_aging_minutes", 1, 240)) {
    rules.priorityAgingLimit = core::Minutes{*v};
  }
  if (auto v = t.integer("waiting_target_minutes", 1, 480)) rules.waitingTarget = core::Minutes{*v};
  if (auto v = t.integer("evaluation_timeout_minutes", 1, 10)) {
    rules.evaluationTimeout = core::Minutes{*v};
  }
  if (auto v = t.integer("overflow_threshold", 1, 999))
    rules.overflowThreshold = static_cast<int>(*v);
  if (auto v = t.integer("idle_window_minutes", 1, 120)) rules.idleWindowLimit = core::Minutes{*v};
  if (auto v = t.number("service_time_smoothing", 0.01, 1.0)) rules.serviceTimeSmoothing = *v;
}

// Every {placeholder} in a call template must be one the voice can say: it speaks ticket
// numbers and window numbers from recorded digits and letters, but has no recording of a
// window's or a queue's name (the screens show those).
void checkTemplate(TableReader& t, std::string_view key, const std::string& text) {
  constexpr std::string_view known[] = {"number", "window"};
  bool hasNumber = false;
  for (std::size_t open = text.find('{'); open != std::string::npos;
       open = text.find('{', open + 1)) {
    const auto close = text.find('}', open);
    if (close == std::string::npos) {
      t.report().error(t.at(key), fmt::format("announcements.{} has a \"{{\" without \"}}\"", key));
      return;
    }
    const auto name = std::string_view(text).substr(open + 1, close - open - 1);
    if (name == "number") hasNumber = true;
    if (std::find(std::begin(known), std::end(known), name) == std::end(known)) {
      t.report().error(t.at(key), fmt::format("announcements.{} uses {{{}}}; the voice can say only "
                                              "{{number}} (the ticket) and {{window}} (the window's number)",
                                              key, name));
    }
  }
  if (!hasNumber) {
    t.report().error(t.at(key), fmt::format("announcements.{} never says {{number}}, so residents "
                                            "would not hear which ticket is called",
                                            key));
  }
}

void readAnnouncements(TableReader& t, Announcements& a) {
  if (auto zh = t.string("zh")) {
    checkTemplate(t, "zh", *zh);
    a.zh = *zh;
  }
  if (auto en = t.string("en")) {
    checkTemplate(t, "en", *en);
    a.en = *en;
  }
  if (auto v = t.integer("repeat", 1, 5)) a.repeat = static_cast<int>(*v);
  if (auto v = t.integer("volume", 0, 100)) a.volume = static_cast<int>(*v);
  if (auto v = t.boolean("english")) a.english = *v;
  if (auto v = t.boolean("chime")) a.chime = *v;
  // Below 5 s a short burst of calls would lose most of its announcements; above 120 s a
  // call is said to a hall that has long moved on.
  if (auto v = t.integer("max_delay_seconds", 5, 120)) a.maxDelaySeconds = static_cast<int>(*v);
  if (const auto* quiet = t.array("quiet_hours")) {
    for (const auto& [text, at] : stringsOf(*quiet, "announcements.quiet_hours", t.report())) {
      if (auto span = readTimeSpan(text, at, "quiet hours", t.report())) {
        a.quietHours.push_back(*span);
      }
    }
  }
}

void readEndpoint(TableReader& t, std::string_view key, std::string& endpoint) {
  auto text = t.string(key);
  if (!text) return;
  for (std::string_view scheme : {"tcp://", "ipc://", "inproc://"}) {
    if (text->starts_with(scheme) && text->size() > scheme.size()) {
      endpoint = *text;
      return;
    }
  }
  t.report().error(t.at(key), fmt::format("service.{} \"{}\" is not a ZeroMQ endpoint; expected "
                                          "e.g. \"tcp://127.0.0.1:5570\"",
                                          key, *text));
}

void readService(TableReader& t, ServiceEndpoints& s, const std::filesystem::path& hallFile) {
  readEndpoint(t, "commands", s.commands);
  readEndpoint(t, "events", s.events);
  if (s.commands == s.events) {
    t.report().error(t.at("events"), "service.events must differ from service.commands");
  }
  if (auto v = t.boolean("curve")) s.curve = *v;
  auto keyFile = t.string("secret_key_file");
  if (keyFile) s.secretKeyFile = hallFile.parent_path() / *keyFile;
  if (s.curve && !keyFile) {
    t.report().error(t.self(),
                     "[service] has curve = true but no secret_key_file; expected the "
                     "file holding the service's Z85 secret key");
  } else if (s.curve && !std::filesystem::is_regular_file(s.secretKeyFile)) {
    t.report().error(t.at("secret_key_file"), fmt::format("secret_key_file \"{}\" does not exist",
                                                          s.secretKeyFile.string()));
  }
}

void readStore(TableReader& t, StoreSettings& s) {
  if (auto mode = t.string("synchronous")) {
    if (auto parsed = parseSynchronous(*mode)) {
      s.synchronous = *parsed;
    } else {
      t.report().error(t.at("synchronous"),
                       fmt::format("store.synchronous \"{}\" is not one of full, normal", *mode));
    }
  }
  if (auto v = t.integer("retention_days", 1, 3650)) s.retentionDays = static_cast<int>(*v);
}

// An audit signing key file holds 128 hex characters (libsodium's Ed25519 secret key); the
// dispatcher checks the key itself when it starts.
bool holdsAuditSigningKey(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string key;
  in >> key;
  return key.size() == 128 && key.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

void readAudit(TableReader& t, AuditSettings& a, const std::filesystem::path& hallFile) {
  const auto keyFile = t.string("signing_key_file");
  if (keyFile) {
    a.signingKeyFile = hallFile.parent_path() / *keyFile;
    if (!std::filesystem::is_regular_file(a.signingKeyFile)) {
      t.report().error(t.at("signing_key_file"),
                       fmt::format("signing_key_file \"{}\" does not exist; make a key pair with "
                                   "`jiujinctl keys new --audit NAME`",
                                   a.signingKeyFile.string()));
    } else if (!holdsAuditSigningKey(a.signingKeyFile)) {
      t.report().error(t.at("signing_key_file"),
                       fmt::format("signing_key_file \"{}\" does not hold an audit signing key; expected "
                                   "128 hex characters, as written by `jiujinctl keys new --audit NAME`",
                                   a.signingKeyFile.string()));
    }
  }
  const auto checkpointFile = t.string("checkpoint_file");
  if (checkpointFile) a.checkpointFile = hallFile.parent_path() / *checkpointFile;
  const auto rows = t.integer("checkpoint_every_rows", 1, 100000);
  if (rows) a.checkpointEveryRows = static_cast<int>(*rows);
  const auto minutes = t.integer("checkpoint_every_minutes", 1, 1440);
  if (minutes) a.checkpointEveryMinutes = static_cast<int>(*minutes);
  if (!keyFile && (checkpointFile || rows || minutes)) {
    t.report().error(t.self(),
                     "[audit] sets checkpoints up but has no signing_key_file; expected the file "
                     "holding the hall's audit signing key (`jiujinctl keys new --audit NAME`)");
  }
}

// [cases]: the case register (docs/cases.md). The number prefix defaults to the region code,
// so that case numbers stay unique across the halls of a district (通办).
void readCases(TableReader& t, const HallInfo& hall, core::CaseRules& rules, StoreSettings& store) {
  if (!hall.regionCode.empty()) rules.numberPrefix = hall.regionCode;
  if (auto prefix = t.string("number_prefix")) {
    const bool ok = !prefix->empty() && prefix->size() <= 16 &&
                    prefix->find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
    if (ok) {
      rules.numberPrefix = *prefix;
    } else {
      t.report().error(t.at("number_prefix"), fmt::format("cases.number_prefix \"{}\" should be 1 to 16 upper-case "
                                                          "letters or digits (a scanner types it like a keyboard)",
                                                          *prefix));
    }
  }
  if (auto v = t.boolean("correction_time_counts")) rules.correctionTimeCounts = *v;
  if (auto v = t.integer("due_soon_working_days", 0, 30)) rules.dueSoonWorkingDays = static_cast<int>(*v);
  if (auto v = t.integer("archive_days", 0, 36500)) store.caseArchiveDays = static_cast<int>(*v);
}

void readKiosk(TableReader& t, KioskSettings& k) {
  if (auto port = t.string("printer_port")) k.printerPort = *port;
  if (auto baud = t.integer("printer_baud", 1, 4000000)) {
    if (isStandardBaud(*baud)) {
      k.printerBaud = static_cast<int>(*baud);
    } else {
      t.report().error(t.at("printer_baud"), fmt::format("kiosk.printer_baud {} is not a serial "
                                                         "speed; expected one of {}",
                                                         *baud, standardBauds()));
    }
  }
  if (auto v = t.integer("idle_seconds", 5, 600)) k.idleSeconds = static_cast<int>(*v);
  if (auto v = t.integer("printer_check_seconds", 2, 300)) k.printerCheckSeconds = static_cast<int>(*v);
}

void readWeb(TableReader& t, WebSettings& w, const std::filesystem::path& hallFile) {
  if (auto listen = t.string("listen")) {
    if (!listen->empty() && listen->find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos) {
      w.listen = *listen;
    } else {
      t.report().error(t.at("listen"), fmt::format("web.listen \"{}\" is not an IP address; expected e.g. "
                                                   "\"0.0.0.0\" (every interface) or \"192.168.1.10\"",
                                                   *listen));
    }
  }
  if (auto v = t.integer("port", 0, 65535)) w.port = static_cast<int>(*v);
  if (auto url = t.string("ticket_url")) {
    const bool web = url->starts_with("http://") || url->starts_with("https://");
    if (url->empty() || (web && url->find("{token}") != std::string::npos && url->size() <= 200)) {
      w.ticketUrl = *url;
    } else {
      t.report().error(t.at("ticket_url"), fmt::format("web.ticket_url \"{}\" should be an http:// or https:// URL "
                                                       "of at most 200 characters holding {{token}}, e.g. "
                                                       "\"http://192.168.1.10:8080/t/{{token}}\"",
                                                       *url));
    }
  }
  if (auto v = t.integer("max_connections", 16, 20000)) w.maxConnections = static_cast<int>(*v);
  if (auto v = t.integer("streams_per_address", 1, 20000)) w.streamsPerAddress = static_cast<int>(*v);
  if (auto v = t.integer("requests_per_minute", 10, 1000000)) w.requestsPerMinute = static_cast<int>(*v);
  // HTTPS with the hall's certificate (docs/web.md "TLS"): both files or neither.
  const auto certificate = t.string("tls_certificate");
  const auto key = t.string("tls_key");
  for (const auto& [name, given, into] : {std::tuple{"tls_certificate", &certificate, &w.tlsCertificate},
                                          std::tuple{"tls_key", &key, &w.tlsKey}}) {
    if (!*given) continue;
    *into = hallFile.parent_path() / **given;
    if ((*given)->empty() || !std::filesystem::is_regular_file(*into)) {
      t.report().error(t.at(name), fmt::format("web.{} \"{}\" does not exist; expected a PEM file (the "
                                               "hall's certificate and its private key, docs/web.md \"TLS\")",
                                               name, into->string()));
    }
  }
  if (certificate.has_value() != key.has_value()) {
    const char* given = certificate ? "tls_certificate" : "tls_key";
    t.report().error(t.at(given), fmt::format("[web] has {} but no {}; HTTPS needs both the certificate "
                                              "(tls_certificate) and its private key (tls_key)",
                                              given, certificate ? "tls_key" : "tls_certificate"));
  }
}

// [booking] and [[booking.session]]: 预约 (docs/booking.md). Queues and items are checked
// against the layout and the catalog in validate.cpp.
void readBookingSession(TableReader& t, core::BookingSession& s, BookingSessionSource& source) {
  source.table = t.self();
  if (auto queue = t.string("queue")) {
    s.queue = *queue;
    source.queue = t.at("queue");
  }
  if (const auto* items = t.array("items")) {
    for (const auto& [code, at] : stringsOf(*items, "booking.session.items", t.report())) {
      s.items.push_back(code);
      source.items.push_back(at);
    }
  }
  if (s.queue.empty() == s.items.empty()) {
    t.report().error(t.self(), "each [[booking.session]] names either a queue (queue = \"general\") or the items it "
                               "takes (items = [\"...\"]), not both and not neither");
  }
  if (const auto* days = t.array("days", Need::Required)) {
    for (const auto& [text, at] : stringsOf(*days, "booking.session.days", t.report())) {
      if (text == "working" || text == "工作日") {
        s.workingDays = true;
      } else if (auto day = parseWeekday(text)) {
        s.weekdays.push_back(day->iso_encoding());
      } else {
        t.report().error(at, fmt::format("day \"{}\" in [[booking.session]] days is not \"working\" (the "
                                         "calendar's working days) or a weekday (mon … sun, 周一 … 周日)",
                                         text));
      }
    }
    if (!s.workingDays && s.weekdays.empty() && days->empty())
      t.report().error(t.at("days"), "[[booking.session]] days is empty: the session would never run");
  }
  if (auto time = t.string("time", Need::Required)) {
    if (auto span = readTimeSpan(*time, t.at("time"), "[[booking.session]] time", t.report())) {
      s.from = core::Minutes{span->start.minutesSinceMidnight};
      s.to = core::Minutes{span->end.minutesSinceMidnight};
    }
  }
  if (auto v = t.integer("slot_minutes", 5, 240)) s.slotLength = core::Minutes{*v};
  if (auto v = t.integer("capacity", 1, 1000, Need::Required)) s.capacity = static_cast<int>(*v);
  if (auto name = t.string("name")) s.name = *name;
  if (s.to - s.from < s.slotLength) {
    t.report().error(t.at("time"), fmt::format("[[booking.session]] time is shorter than one slot of {} minutes",
                                               s.slotLength.count()));
  }
  t.rejectUnknownKeys();
}

void readBooking(TableReader& t, core::BookingRules& b, Sources& sources) {
  if (auto v = t.integer("advance_days", 1, 60)) b.advanceDays = static_cast<int>(*v);
  if (auto v = t.boolean("same_day")) b.sameDay = *v;
  if (auto v = t.integer("per_phone_per_day", 1, 10)) b.perPhonePerDay = static_cast<int>(*v);
  if (auto v = t.integer("early_minutes", 0, 240)) b.earlyCheckIn = core::Minutes{*v};
  if (auto v = t.integer("late_minutes", 0, 240)) b.lateCheckIn = core::Minutes{*v};
  if (auto v = t.string("late")) {
    if (auto rule = core::parseLateCheckIn(*v)) {
      b.late = *rule;
    } else {
      t.report().error(t.at("late"), fmt::format("booking.late \"{}\" should be \"walk_in\" (a late resident gets "
                                                 "an ordinary ticket) or \"refuse\"",
                                                 *v));
    }
  }
  if (auto v = t.integer("no_show_limit", 0, 100)) b.noShowLimit = static_cast<int>(*v);
  if (auto v = t.integer("no_show_days", 1, 365)) b.noShowDays = static_cast<int>(*v);
  const auto* sessions = t.array("session");
  if (!sessions) return;
  for (const auto& node : *sessions) {
    const auto* table = node.as_table();
    if (!table) {
      t.report().error(positionOf(node), fmt::format("each booking.session should be a table, not {}",
                                                     describe(node.type())));
      continue;
    }
    TableReader session(*table, "[[booking.session]]", t.report());
    core::BookingSession s;
    BookingSessionSource source;
    readBookingSession(session, s, source);
    b.sessions.push_back(std::move(s));
    sources.bookingSessions.push_back(std::move(source));
  }
}

}  // namespace

void readHallSections(TableReader& root, HallConfig& config, Sources& sources) {
  withTable(root, "hall", Need::Required, [&](TableReader& t) { readHall(t, config, sources); });
  withTable(root, "hours", Need::Required, [&](TableReader& t) { readHours(t, config.hours); });
  withTable(root, "rules", Need::Optional,
            [&](TableReader& t) { readRules(t, config.definition.rules); });
  withTable(root, "announcements", Need::Optional,
            [&](TableReader& t) { readAnnouncements(t, config.announcements); });
  withTable(root, "service", Need::Optional,
            [&](TableReader& t) { readService(t, config.service, config.sourceFile); });
  withTable(root, "store", Need::Optional, [&](TableReader& t) { readStore(t, config.store); });
  withTable(root, "audit", Need::Optional,
            [&](TableReader& t) { readAudit(t, config.audit, config.sourceFile); });
  withTable(root, "kiosk", Need::Optional, [&](TableReader& t) { readKiosk(t, config.kiosk); });
  withTable(root, "web", Need::Optional, [&](TableReader& t) { readWeb(t, config.web, config.sourceFile); });
  withTable(root, "booking", Need::Optional, [&](TableReader& t) { readBooking(t, config.booking, sources); });
  // Read even when absent: the prefix follows the region code.
  config.definition.cases.numberPrefix = config.hall.regionCode.empty() ? "BJ" : config.hall.regionCode;
  withTable(root, "cases", Need::Optional,
            [&](TableReader& t) { readCases(t, config.hall, config.definition.cases, config.store); });
}

}  // namespace jiujin::config
