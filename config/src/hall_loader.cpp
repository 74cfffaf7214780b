#include <algorithm>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/core/validation.hpp"
#include "reading.hpp"

namespace jiujin::config {
namespace {

std::optional<std::string> readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The catalog is read only when the hall file names one that exists.
CatalogResult readCatalog(const HallConfig& config, const Sources& sources, Report& hallFile) {
  if (config.catalogFile.empty()) return {};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(config.catalogFile, ec)) {
    hallFile.error(sources.catalog,
                   fmt::format("catalog file \"{}\" does not exist (a relative path is read "
                               "from the folder of the hall file)",
                               sources.catalogName));
    return {};
  }
  return loadCatalog(config.catalogFile);
}

// Each calendar the hall names, read next to the hall file; one per year.
void readCalendars(HallConfig& config, const Sources& sources, Report& hallFile, std::vector<Diagnostic>& errors) {
  for (const auto& [name, at] : sources.calendars) {
    const auto file = config.sourceFile.parent_path() / name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      hallFile.error(at, fmt::format("calendar file \"{}\" does not exist (a relative path is read from the folder "
                                     "of the hall file)",
                                     name));
      continue;
    }
    auto load = loadCalendarFile(file);
    errors.insert(errors.end(), load.errors.begin(), load.errors.end());
    if (!load.ok()) continue;
    const auto same = std::find_if(config.calendars.begin(), config.calendars.end(),
                                   [&](const CalendarFile& c) { return c.year == load.calendar->year; });
    if (same != config.calendars.end()) {
      hallFile.error(at, fmt::format("calendar \"{}\" is for {}, like {}; one file per year", name,
                                     load.calendar->year, same->file.filename().string()));
      continue;
    }
    if (!config.calendars.empty() && load.calendar->weekend != config.calendars.front().weekend) {
      hallFile.error(at, fmt::format("calendar \"{}\" has another weekend than {}", name,
                                     config.calendars.front().file.filename().string()));
      continue;
    }
    config.calendars.push_back(std::move(*load.calendar));
  }
}

void requireSome(std::size_t count, std::string_view what, Report& report) {
  if (count == 0) {
    report.error({1, 1},
                 fmt::format("the hall file defines no {}; a hall needs at least one", what));
  }
}

}  // namespace

LoadResult loadHallConfig(const std::filesystem::path& hallFile) {
  LoadResult result;
  Report report(hallFile, result.errors);
  const auto text = readFile(hallFile);
  if (!text) {
    report.error({0, 0}, "cannot open the hall file");
    return result;
  }
  toml::table root;
  try {
    root = toml::parse(*text, hallFile.string());
  } catch (const toml::parse_error& e) {
    // toml++ stops at the first syntax error; there is nothing sound to check after it.
    report.error(positionOf(e.source()),
                 fmt::format("the file is not valid TOML: {}", e.description()));
    return result;
  }

  HallConfig config;
  config.sourceFile = hallFile;
  Sources sources;
  TableReader reader(root, "the hall file", report);
  readHallSections(reader, config, sources);
  readLayout(reader, config, sources);
  readDevices(reader, config, sources);
  reader.rejectUnknownKeys();
  requireSome(config.definition.queues.size(), "[[queue]]", report);
  requireSome(config.definition.windows.size(), "[[window]]", report);

  readCalendars(config, sources, report, result.errors);
  config.definition.calendar = workingDaysOf(config.calendars);
  auto catalog = readCatalog(config, sources, report);
  result.errors.insert(result.errors.end(), catalog.errors.begin(), catalog.errors.end());
  Report catalogReport(config.catalogFile, result.errors);
  crossCheck(config, sources, catalog, report, catalogReport);

  // The hall file's errors first: the catalog's often follow from them.
  std::stable_partition(result.errors.begin(), result.errors.end(),
                        [&](const Diagnostic& d) { return d.file == hallFile; });
  sortByPlace(result.errors);
  if (!result.errors.empty()) return result;
  config.definition.name = config.hall.name;
  config.definition.items = std::move(catalog.items);
  config.guides = std::move(catalog.guides);
  // The rules above already cover what the core checks; asking the core too keeps a file
  // that passes here from being refused by the dispatcher if the two ever drift apart.
  if (const auto refused = core::checkDefinition(config.definition)) {
    report.error({1, 1}, fmt::format("the dispatcher refuses this hall: {}", refused->en));
    return result;
  }
  for (const auto& bus : sources.buses) result.busTimeoutPlaces.push_back({bus.responseTimeout.line, bus.responseTimeout.column});
  for (const auto& device : sources.devices) result.deviceProfilePlaces.push_back({device.profile.line, device.profile.column});
  result.config = std::move(config);
  return result;
}

}  // namespace jiujin::config
