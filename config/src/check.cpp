#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/config/names.hpp"

namespace jiujin::config {

int checkConfigFile(const std::filesystem::path& hallFile, std::ostream& out, const ExtraCheck& extra) {
  auto result = loadHallConfig(hallFile);
  std::vector<Diagnostic> warnings;
  if (result.ok() && extra) {
    for (auto& d : extra(result)) (d.warning ? warnings : result.errors).push_back(std::move(d));
    if (!result.errors.empty()) result.config.reset();
  }
  for (const auto& warning : warnings) out << warning << '\n';
  if (!result.ok()) {
    for (const auto& error : result.errors) out << error << '\n';
    out << fmt::format("{}: {} error{}, configuration not usable\n", hallFile.string(),
                       result.errors.size(), result.errors.size() == 1 ? "" : "s");
    return 1;
  }
  const auto& c = *result.config;
  out << fmt::format(
      "{}: ok — {} ({}), {} queues, {} windows, {} items, {} clerks, {} buses, "
      "{} devices, {} clients\n",
      hallFile.string(), c.hall.name, toString(c.hall.level), c.definition.queues.size(),
      c.definition.windows.size(), c.definition.items.size(), c.clerks.size(), c.buses.size(),
      c.devices.size(), c.clients.size());
  // Promised dates are counted on these; a sample or a missing year is worth a look.
  for (const auto& calendar : c.calendars) {
    if (calendar.sample)
      out << fmt::format("{}: note: the {} calendar is a sample; check its dates against the State Council's "
                         "notice, then set sample = false\n",
                         calendar.file.string(), calendar.year);
  }
  return 0;
}

}  // namespace jiujin::config
