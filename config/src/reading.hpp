#pragma once
// The steps of loading a hall file: each section's reader fills its part of the
// HallConfig and notes where things were written, so the cross-checks can point there.
#include <optional>
#include <vector>

#include "jiujin/config/catalog.hpp"
#include "jiujin/config/hall_config.hpp"
#include "table_reader.hpp"

namespace jiujin::config {

struct QueueSource {
  Position id;
  Position prefix;
};
struct WindowSource {
  Position number;
  std::vector<Position> profileQueues;  ///< parallel to the profile's entries
};
struct ClerkSource {
  Position id;
  std::vector<Position> windows;  ///< parallel to allowedWindows
};
struct BusSource {
  Position id;
  Position responseTimeout;  ///< line 0 when the bus leaves response_timeout_ms out
};
struct DeviceSource {
  Position id;
  Position bus;
  Position address;
  Position window;
  std::optional<Position> transferTo;  ///< where transfer_to's target is, when it is written
  Position profile;  ///< where its profile is named (the device's table when it is not)
};
struct ClientSource {
  Position name;
  Position publicKey;
  Position window;
  std::vector<Position> buses;  ///< parallel to buses
};

struct BookingSessionSource {
  Position table;
  Position queue;               ///< line 0 when the session names items instead
  std::vector<Position> items;  ///< parallel to the session's items
};

/// Parallel to the vectors of HallConfig: entry i was written at sources.x[i].
struct Sources {
  Position catalog;
  std::string catalogName;  ///< as written in the hall file
  std::vector<QueueSource> queues;
  std::vector<WindowSource> windows;
  std::vector<ClerkSource> clerks;
  std::vector<BusSource> buses;
  std::vector<DeviceSource> devices;
  std::vector<ClientSource> clients;
  std::vector<BookingSessionSource> bookingSessions;  ///< parallel to booking.sessions
  std::vector<std::pair<std::string, Position>> calendars;  ///< [hall] calendars, as written
};

/// [hall], [hours], [rules], [announcements], [service], [store], [audit], [kiosk].
void readHallSections(TableReader& root, HallConfig& config, Sources& sources);
/// [[queue]], [[window]], [[clerk]].
void readLayout(TableReader& root, HallConfig& config, Sources& sources);
/// [[bus]], [[device]], [[client]].
void readDevices(TableReader& root, HallConfig& config, Sources& sources);

/// Checks that entries agree with each other and with the catalog.
void crossCheck(const HallConfig& config, const Sources& sources, const CatalogResult& catalog,
                Report& hallFile, Report& catalogFile);

}  // namespace jiujin::config

namespace jiujin::config {

/// Calls `read` with a reader for the table `key` of `root`, if it is there.
void withTable(TableReader& root, std::string_view key, Need need,
               const std::function<void(TableReader&)>& read);

/// "08:30-17:30" at `at`, reported as `what` when it does not parse or ends before it starts.
std::optional<TimeSpan> readTimeSpan(const std::string& text, Position at, std::string_view what,
                                     Report& report);

/// Serial speeds RS-485 devices and printers are sold with.
bool isStandardBaud(std::int64_t baud);
std::string standardBauds();

}  // namespace jiujin::config
