#pragma once
// Typed reads from one TOML table that turn every surprise into a diagnostic:
// a missing key, a value of the wrong type, a number out of range, a key nobody asked for.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "jiujin/config/diagnostic.hpp"

namespace jiujin::config {

struct Position {
  int line = 0;
  int column = 0;
};

Position positionOf(const toml::source_region& region);
Position positionOf(const toml::node& node);

/// The diagnostics of one file.
class Report {
 public:
  Report(std::filesystem::path file, std::vector<Diagnostic>& out)
      : file_(std::move(file)), out_(out) {}
  void error(Position at, std::string message) {
    out_.push_back({file_, at.line, at.column, std::move(message)});
  }
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::vector<Diagnostic>& out_;
};

enum class Need { Optional, Required };

/// "a string", "an integer", … for messages.
std::string_view describe(toml::node_type type);

/// The nearest of `candidates` to a mistyped `word`, if one is close enough to be a typo.
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

class TableReader {
 public:
  /// `name` says where the table is, in the file's own words: "[hall]", "[[window]]".
  TableReader(const toml::table& table, std::string name, Report& report);

  std::optional<std::string> string(std::string_view key, Need need = Need::Optional);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                      Need need = Need::Optional);
  std::optional<double> number(std::string_view key, double min, double max,
                               Need need = Need::Optional);
  std::optional<bool> boolean(std::string_view key, Need need = Need::Optional);
  const toml::array* array(std::string_view key, Need need = Need::Optional);
  const toml::table* table(std::string_view key, Need need = Need::Optional);

  /// The raw value of a key (marked known), or nothing.
  const toml::node* node(std::string_view key);
  /// Marks a key as known without reading it (read elsewhere).
  void allow(std::string_view key) { known_.insert(std::string(key)); }

  /// Where the key's value is, or the table itself when the key is absent.
  Position at(std::string_view key) const;
  Position self() const { return positionOf(table_); }
  const std::string& name() const { return name_; }
  Report& report() { return report_; }

  /// Reports every key that no read asked for, with the nearest known key suggested.
  void rejectUnknownKeys();

 private:
  const toml::node* find(std::string_view key, Need need, std::string_view expected);
  void wrongType(std::string_view key, const toml::node& node, std::string_view expected);

  const toml::table& table_;
  std::string name_;
  Report& report_;
  std::set<std::string, std::less<>> known_;
};

/// Calls `read` for each table of the array of tables `key` ([[key]]) in `root`.
void forEachTable(TableReader& root, std::string_view key,
                  const std::function<void(TableReader&)>& read);

/// Reads each element of an array as a string, reporting the others.
std::vector<std::pair<std::string, Position>> stringsOf(const toml::array& array,
                                                        std::string_view what, Report& report);

}  // namespace jiujin::config
