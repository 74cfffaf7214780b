#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "csv.hpp"
#include "jiujin/config/catalog.hpp"
#include "jiujin/config/encoding.hpp"
#include "jiujin/config/names.hpp"
#include "spaces.hpp"

namespace jiujin::config {
namespace {

enum Column : std::size_t {
  kCode,
  kName,
  kCategory,
  kAuthority,
  kKind,
  kDays,
  kFees,
  kFeeBasis,
  kMaterials,
  kLegalBasis,
  kScope,
  kQueue,
  kMinutes,
  kPriority,
  kColumnCount,  // the required columns above, the optional ones below
  kTopic = kColumnCount,
  kInitials,
  kAllColumns
};

using ColumnPlaces = std::array<int, kAllColumns>;  // spreadsheet column (1 = A), 0: absent

std::string_view columnName(std::size_t c) {
  return c < kColumnCount ? kCatalogColumns[c] : kCatalogOptionalColumns[c - kColumnCount];
}

std::string trim(std::string_view s) { return std::string(trimSpaces(s)); }

std::vector<std::string> splitMaterials(std::string_view text) {
  // Managers separate materials with a full-width semicolon, a bar, or an ASCII semicolon.
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    auto t = trim(current);
    if (!t.empty()) out.push_back(std::move(t));
    current.clear();
  };
  constexpr std::string_view kFullWidth = "；";
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, kFullWidth.size()) == kFullWidth) {
      flush();
      i += kFullWidth.size();
    } else if (text[i] == '|' || text[i] == ';' || text[i] == '\n') {
      flush();
      ++i;
    } else {
      current.push_back(text[i++]);
    }
  }
  flush();
  return out;
}

std::string expectedHeader() {
  std::string out;
  for (auto name : kCatalogColumns) {
    if (!out.empty()) out += ",";
    out += name;
  }
  return out;
}

class RowReader {
 public:
  RowReader(const csv::Record& record, const ColumnPlaces& columns,
            const std::filesystem::path& file, std::vector<Diagnostic>& errors)
      : record_(record), columns_(columns), file_(file), errors_(errors) {}

  std::string text(Column c) const {
    if (columns_[c] == 0) return {};  // an optional column the file does not have
    const auto index = static_cast<std::size_t>(columns_[c] - 1);
    return index < record_.size() ? trim(record_[index].text) : std::string();
  }

  CellPosition where(Column c) const {
    const auto index = static_cast<std::size_t>(columns_[c] - 1);
    const int line = index < record_.size() ? record_[index].line : record_.front().line;
    return {line, columns_[c]};
  }

  void error(Column c, std::string message) {
    const auto at = where(c);
    errors_.push_back({file_, at.line, at.column,
                       fmt::format("{} (column {}): {}", columnName(c),
                                   csv::columnLetters(at.column), message)});
    failed_ = true;
  }

  std::string required(Column c, std::string_view why) {
    auto value = text(c);
    if (value.empty()) error(c, fmt::format("is empty; {}", why));
    return value;
  }

  template <typename T>
  T choice(Column c, std::optional<T> (*parse)(std::string_view), std::string_view allowed,
           T fallback) {
    const auto value = text(c);
    if (value.empty()) return fallback;
    if (auto parsed = parse(value)) return *parsed;
    error(c, fmt::format("\"{}\" is not one of {}", value, allowed));
    return fallback;
  }

  int number(Column c, int min, int max, int fallback) {
    const auto value = text(c);
    if (value.empty()) return fallback;
    int n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size() || n < min || n > max) {
      error(c, fmt::format("\"{}\" should be a whole number from {} to {}", value, min, max));
      return fallback;
    }
    return n;
  }

  bool failed() const { return failed_; }

 private:
  const csv::Record& record_;
  const ColumnPlaces& columns_;
  const std::filesystem::path& file_;
  std::vector<Diagnostic>& errors_;
  bool failed_ = false;
};

// Maps each known column to its place in the header; nothing when one is missing.
std::optional<ColumnPlaces> readHeader(const csv::Record& header, const std::filesystem::path& file,
                                       std::vector<Diagnostic>& errors) {
  ColumnPlaces columns{};
  for (const auto& field : header) {
    const auto name = trim(field.text);
    for (std::size_t c = 0; c < kAllColumns; ++c) {
      if (name != columnName(c)) continue;
      if (columns[c] != 0) {
        errors.push_back(
            {file, field.line, field.column,
             fmt::format("the header has column \"{}\" twice (columns {} and {})", name,
                         csv::columnLetters(columns[c]), csv::columnLetters(field.column))});
      } else {
        columns[c] = field.column;
      }
    }
  }
  bool complete = true;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    if (columns[c] != 0) continue;
    complete = false;
    errors.push_back({file, header.front().line, 1,
                      fmt::format("the header has no column \"{}\"; expected the header {}",
                                  kCatalogColumns[c], expectedHeader())});
  }
  if (!complete) return std::nullopt;
  return columns;
}

core::ServiceItem readItem(RowReader& row) {
  core::ServiceItem item;
  item.code = row.required(kCode, "every item needs its 事项编码");
  item.name = row.required(kName, "every item needs its name");
  item.category = row.text(kCategory);
  item.authority = row.choice(kAuthority, &parseCatalogAuthority, "区级, 镇街, 村居",
                              core::AuthorityLevel::Township);
  item.kind = row.choice(kKind, &parseCatalogItemKind, "即办件, 承诺件", core::ItemKind::Immediate);
  item.promisedWorkingDays = row.number(kDays, 0, 365, 0);
  item.fees = row.text(kFees);
  item.feeBasis = row.text(kFeeBasis);
  item.materials = splitMaterials(row.text(kMaterials));
  item.legalBasis = row.text(kLegalBasis);
  item.scope =
      row.choice(kScope, &parseCatalogScope, "本厅, 同区通办, 同城通办", core::TongbanScope::Hall);
  item.queue = row.required(kQueue, "expected the id of a queue defined in the hall file");
  item.typicalServiceMinutes = row.number(kMinutes, 1, 480, 10);
  item.priorityAllowed = row.choice(kPriority, &parseCatalogYesNo, "是, 否", true);
  if (row.failed()) return item;
  if (item.kind == core::ItemKind::Promised && item.promisedWorkingDays == 0) {
    row.error(kDays, "a 承诺件 needs a time limit of at least 1 working day");
  } else if (item.kind == core::ItemKind::Immediate && item.promisedWorkingDays != 0) {
    row.error(kDays, fmt::format("a 即办件 is done on the spot, so its time limit must be 0 "
                                 "(found {}); or make it a 承诺件",
                                 item.promisedWorkingDays));
  }
  return item;
}

/// 主题 and 拼音首字母 (optional): a short topic, initials in letters only.
ItemGuide readGuide(RowReader& row, const core::ItemCode& code) {
  ItemGuide guide{code, row.text(kTopic), row.text(kInitials)};
  constexpr std::size_t kMaxTopicCharacters = 10;
  const auto characters = static_cast<std::size_t>(std::count_if(
      guide.topic.begin(), guide.topic.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (characters > kMaxTopicCharacters) {
    row.error(kTopic, fmt::format("\"{}\" has {} characters; a topic has at most {} (a life event, e.g. 养老)",
                                  guide.topic, characters, kMaxTopicCharacters));
  }
  std::string initials;
  for (const char c : guide.initials) {
    if (c == ' ') continue;  // "GL JT" reads as GLJT
    if (c >= 'a' && c <= 'z') initials.push_back(static_cast<char>(c - 'a' + 'A'));
    else if (c >= 'A' && c <= 'Z') initials.push_back(c);
    else {
      row.error(kInitials, fmt::format("\"{}\" should be the initials of the name's pinyin in letters A–Z, e.g. "
                                       "GLJTSL for 高龄津贴申领",
                                       guide.initials));
      return guide;
    }
  }
  if (initials.size() > 40) row.error(kInitials, fmt::format("\"{}\" has more than 40 letters", guide.initials));
  guide.initials = std::move(initials);
  return guide;
}

// Bytes that are no text: where, and what was tried.
Diagnostic undecodable(std::string_view bytes, const std::filesystem::path& file) {
  const auto where = whereUndecodable(bytes);
  const std::string what = where.byte == 0 && where.offset >= bytes.size()
                               ? std::string("the file ends in the middle of a character")
                               : fmt::format("byte 0x{:02X} here", where.byte);
  const char* furthest = where.furthest == TextEncoding::Gb18030 ? "GB18030/GBK" : "UTF-8";
  const std::string tried = where.furthest == TextEncoding::Utf8WithBom
                                ? "its byte-order mark says UTF-8, and it is not"
                                : fmt::format("tried UTF-8 and GB18030/GBK; it reads as {} up to here", furthest);
  return {file, where.line, where.column,
          fmt::format("the catalog is neither UTF-8 nor GB18030/GBK text: {} ({}); correct that cell, or save the "
                      "file from Excel as \"CSV UTF-8\"",
                      what, tried)};
}

bool namesAnyColumn(const csv::Record& header) {
  return std::any_of(header.begin(), header.end(), [](const csv::Field& field) {
    const auto name = trimSpaces(field.text);
    return std::find(std::begin(kCatalogColumns), std::end(kCatalogColumns), name) != std::end(kCatalogColumns);
  });
}

// A file that is not UTF-8 was read as GB18030, which accepts almost any byte pair: a file in
// another encoding then "decodes" into a header of nonsense. One error that says so, instead
// of one per missing column.
Diagnostic unreadableHeader(std::string_view bytes, const csv::Record& header, const std::filesystem::path& file) {
  const std::string guess = readsAsBig5(bytes) ? "; its bytes read as Big5 (traditional Chinese)" : "";
  return {file, header.front().line, 1,
          fmt::format("the header names none of the catalog's columns: the file is not UTF-8, and read as "
                      "GB18030/GBK its first line is not a catalog header either (tried UTF-8 and GB18030/GBK{}); "
                      "save it from Excel as \"CSV UTF-8\" with the header {}",
                      guess, expectedHeader())};
}

}  // namespace

CatalogResult parseCatalog(std::string_view bytes, const std::filesystem::path& file) {
  CatalogResult result;
  const auto decoded = decodeText(bytes);
  if (!decoded) {
    result.errors.push_back(undecodable(bytes, file));
    return result;
  }
  const auto table = csv::parse(decoded->utf8);
  for (const auto& e : table.errors) result.errors.push_back({file, e.line, e.column, e.message});
  if (table.records.empty()) {
    result.errors.push_back(
        {file, 1, 1,
         fmt::format("the catalog is empty; expected the header {}", expectedHeader())});
    return result;
  }
  const auto& header = table.records.front();
  if (decoded->source == TextEncoding::Gb18030 && !namesAnyColumn(header)) {
    result.errors.push_back(unreadableHeader(bytes, header, file));
    return result;
  }
  const auto columns = readHeader(header, file, result.errors);
  if (!columns) return result;
  if (table.records.size() == 1) {
    result.errors.push_back(
        {file, header.front().line + 1, 1, "the catalog lists no items under its header"});
  }

  std::map<std::string, int> codeLines;
  for (std::size_t r = 1; r < table.records.size(); ++r) {
    if (table.damaged[r]) continue;  // its syntax error is reported; its cells mean little
    RowReader row(table.records[r], *columns, file, result.errors);
    auto item = readItem(row);
    auto guide = readGuide(row, item.code);
    if (!item.code.empty()) {
      const auto [it, fresh] = codeLines.emplace(item.code, row.where(kCode).line);
      if (!fresh) {
        row.error(kCode, fmt::format("item code \"{}\" is already used on line {}", item.code,
                                     it->second));
      }
    }
    if (row.failed()) continue;
    result.codeCells.push_back(row.where(kCode));
    result.queueCells.push_back(row.where(kQueue));
    result.items.push_back(std::move(item));
    result.guides.push_back(std::move(guide));
  }
  return result;
}

CatalogResult loadCatalog(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    CatalogResult result;
    result.errors.push_back({file, 0, 0, "cannot open the catalog file"});
    return result;
  }
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return parseCatalog(bytes, file);
}

}  // namespace jiujin::config
