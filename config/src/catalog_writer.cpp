#include <string>

#include "csv.hpp"
#include "jiujin/config/catalog.hpp"
#include "jiujin/config/names.hpp"

namespace jiujin::config {

void writeCatalog(const std::vector<core::ServiceItem>& items, std::ostream& out) {
  // The BOM is what makes Excel in China open UTF-8 instead of guessing GBK.
  out << "\xEF\xBB\xBF";
  bool first = true;
  for (auto name : kCatalogColumns) {
    out << (first ? "" : ",") << name;
    first = false;
  }
  out << "\r\n";
  for (const auto& item : items) {
    std::string materials;
    for (const auto& m : item.materials) {
      if (!materials.empty()) materials += "；";
      materials += m;
    }
    const std::string cells[] = {item.code,
                                 item.name,
                                 item.category,
                                 std::string(toChinese(item.authority)),
                                 std::string(toChinese(item.kind)),
                                 std::to_string(item.promisedWorkingDays),
                                 item.fees,
                                 item.feeBasis,
                                 materials,
                                 item.legalBasis,
                                 std::string(toChinese(item.scope)),
                                 item.queue,
                                 std::to_string(item.typicalServiceMinutes),
                                 std::string(toChinese(item.priorityAllowed))};
    first = true;
    for (const auto& cell : cells) {
      out << (first ? "" : ",") << csv::quote(cell);
      first = false;
    }
    out << "\r\n";
  }
}

}  // namespace jiujin::config
