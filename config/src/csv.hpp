#pragma once
// RFC 4180 records with the place each field starts, for diagnostics.
#include <string>
#include <string_view>
#include <vector>

namespace jiujin::config::csv {

struct Field {
  std::string text;
  int line = 0;    ///< line the field starts on (quoted fields may span lines)
  int column = 0;  ///< 1-based field number, i.e. the spreadsheet column
};

using Record = std::vector<Field>;

struct SyntaxError {
  int line = 0;
  int column = 0;
  std::string message;
};

struct Table {
  std::vector<Record> records;  ///< blank lines (no text in any field) are left out
  std::vector<bool> damaged;    ///< parallel to records: a syntax error fell inside it
  std::vector<SyntaxError> errors;
};

/// Splits UTF-8 text into records. Accepts LF and CRLF line ends, quoted fields with
/// "" for a quote, and a missing final line end.
Table parse(std::string_view text);

/// Quotes a field when it holds a comma, a quote, a line end or edge spaces.
std::string quote(std::string_view field);

/// "A", "B", …, "Z", "AA": the spreadsheet name of a 1-based column.
std::string columnLetters(int column);

}  // namespace jiujin::config::csv
