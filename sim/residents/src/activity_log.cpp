#include "jiujin/sim/activity_log.hpp"

namespace jiujin::sim {

ActivityLog::ActivityLog(const std::string& path) : out_(path, std::ios::app) {}

void ActivityLog::record(const std::string& what, nlohmann::json fields) {
  if (!out_.is_open()) return;
  fields["what"] = what;
  out_ << fields.dump() << '\n';
  out_.flush();
}

}  // namespace jiujin::sim
