#include "jiujin/config/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace jiujin::config {

std::string toString(const Diagnostic& d) {
  return fmt::format("{}:{}:{}: {}: {}", d.file.string(), d.line, d.column, d.warning ? "warning" : "error", d.message);
}

std::ostream& operator<<(std::ostream& out, const Diagnostic& d) {
  return out << toString(d);
}

void sortByPlace(std::vector<Diagnostic>& diagnostics) {
  std::vector<std::filesystem::path> files;
  for (const auto& d : diagnostics) {
    if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
  }
  auto fileOrder = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.file) - files.begin();
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(fileOrder(a), a.line, a.column) <
                            std::tuple(fileOrder(b), b.line, b.column);
                   });
}

}  // namespace jiujin::config
