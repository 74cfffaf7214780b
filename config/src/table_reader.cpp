#include "table_reader.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace jiujin::config {

Position positionOf(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

Position positionOf(const toml::node& node) {
  return positionOf(node.source());
}

std::string_view describe(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a decimal number";
    case toml::node_type::boolean:
      return "true or false";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const auto d = editDistance(word, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

TableReader::TableReader(const toml::table& table, std::string name, Report& report)
    : table_(table), name_(std::move(name)), report_(report) {}

const toml::node* TableReader::find(std::string_view key, Need need, std::string_view expected) {
  known_.insert(std::string(key));
  const toml::node* node = table_.get(key);
  if (!node && need == Need::Required) {
    report_.error(self(), fmt::format("{} has no \"{}\"; expected {}", name_, key, expected));
  }
  return node;
}

void TableReader::wrongType(std::string_view key, const toml::node& node,
                            std::string_view expected) {
  report_.error(positionOf(node), fmt::format("\"{}\" in {} should be {}, not {}", key, name_,
                                              expected, describe(node.type())));
}

std::optional<std::string> TableReader::string(std::string_view key, Need need) {
  const auto* node = find(key, need, "a string");
  if (!node) return std::nullopt;
  if (const auto* s = node->as_string()) return s->get();
  wrongType(key, *node, "a string in quotes");
  return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max, Need need) {
  const auto* node = find(key, need, "an integer");
  if (!node) return std::nullopt;
  const auto* i = node->as_integer();
  if (!i) {
    wrongType(key, *node, "an integer");
    return std::nullopt;
  }
  if (i->get() < min || i->get() > max) {
    report_.error(positionOf(*node), fmt::format("\"{}\" in {} is {}; expected {} to {}", key,
                                                 name_, i->get(), min, max));
    return std::nullopt;
  }
  return i->get();
}

std::optional<double> TableReader::number(std::string_view key, double min, double max, Need need) {
  const auto* node = find(key, need, "a number");
  if (!node) return std::nullopt;
  double value = 0;
  if (const auto* f = node->as_floating_point()) {
    value = f->get();
  } else if (const auto* i = node->as_integer()) {
    value = static_cast<double>(i->get());
  } else {
    wrongType(key, *node, "a number");
    return std::nullopt;
  }
  if (!(value >= min && value <= max)) {  // also catches nan
    report_.error(positionOf(*node), fmt::format("\"{}\" in {} is {}; expected {} to {}", key,
                                                 name_, value, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
  const auto* node = find(key, need, "true or false");
  if (!node) return std::nullopt;
  if (const auto* b = node->as_boolean()) return b->get();
  wrongType(key, *node, "true or false (without quotes)");
  return std::nullopt;
}

const toml::array* TableReader::array(std::string_view key, Need need) {
  const auto* node = find(key, need, "an array [ … ]");
  if (!node) return nullptr;
  if (const auto* a = node->as_array()) return a;
  wrongType(key, *node, "an array [ … ]");
  return nullptr;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  const auto* node = find(key, need, "a table");
  if (!node) return nullptr;
  if (const auto* t = node->as_table()) return t;
  wrongType(key, *node, "a table");
  return nullptr;
}

Position TableReader::at(std::string_view key) const {
  if (const auto* node = table_.get(key)) return positionOf(*node);
  return self();
}

void TableReader::rejectUnknownKeys() {
  const std::vector<std::string> known(known_.begin(), known_.end());
  for (auto&& [key, node] : table_) {
    if (known_.contains(key.str())) continue;
    std::string message = fmt::format("unknown key \"{}\" in {}", key.str(), name_);
    if (auto guess = nearest(key.str(), known)) {
      message += fmt::format("; did you mean \"{}\"?", *guess);
    } else {
      message += fmt::format(" (known keys: {})", fmt::join(known, ", "));
    }
    report_.error(positionOf(key.source()), std::move(message));
  }
}

const toml::node* TableReader::node(std::string_view key) {
  known_.insert(std::string(key));
  return table_.get(key);
}

void forEachTable(TableReader& root, std::string_view key,
                  const std::function<void(TableReader&)>& read) {
  const auto* node = root.node(key);
  if (!node) return;
  if (node->is_table()) {
    root.report().error(positionOf(*node),
                        fmt::format("\"{}\" is a list: write [[{}]] (double brackets) before "
                                    "each entry, not [{}]",
                                    key, key, key));
    return;
  }
  const auto* entries = node->as_array();
  if (!entries) {
    root.report().error(positionOf(*node),
                        fmt::format("\"{}\" should be a list of [[{}]] tables, not {}", key, key,
                                    describe(node->type())));
    return;
  }
  for (const auto& entry : *entries) {
    const auto* table = entry.as_table();
    if (!table) {
      root.report().error(positionOf(entry),
                          fmt::format("each entry of \"{}\" should be a table written [[{}]], "
                                      "not {}",
                                      key, key, describe(entry.type())));
      continue;
    }
    TableReader reader(*table, fmt::format("[[{}]]", key), root.report());
    read(reader);
    reader.rejectUnknownKeys();
  }
}

std::vector<std::pair<std::string, Position>> stringsOf(const toml::array& array,
                                                        std::string_view what, Report& report) {
  std::vector<std::pair<std::string, Position>> out;
  for (const auto& element : array) {
    if (const auto* s = element.as_string()) {
      out.emplace_back(s->get(), positionOf(element));
    } else {
      report.error(positionOf(element), fmt::format("each of {} should be a string in quotes, "
                                                    "not {}",
                                                    what, describe(element.type())));
    }
  }
  return out;
}

}  // namespace jiujin::config
