#pragma once
// A mistake found in a configuration file, said where it is and what was expected.
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace jiujin::config {

/// One error in a hall file or a catalog. Lines and columns start at 1; 0 means
/// "the file as a whole" (e.g. it cannot be opened). In a CSV catalog the column is
/// the spreadsheet column (1 = A), which is what a manager sees in Excel.
struct Diagnostic {
  std::filesystem::path file;
  int line = 0;
  int column = 0;
  std::string message;
  /// A warning is shown but does not make the configuration unusable (a device profile file
  /// that is broken but used by no device of the hall).
  bool warning = false;
  bool operator==(const Diagnostic&) const = default;
};

/// `file:line:column: error: message` (or `warning:`), the form compilers use, so editors can
/// jump to it.
std::string toString(const Diagnostic& diagnostic);
std::ostream& operator<<(std::ostream& out, const Diagnostic& diagnostic);

/// Orders diagnostics by file (in order of first appearance), then line and column.
void sortByPlace(std::vector<Diagnostic>& diagnostics);

}  // namespace jiujin::config
