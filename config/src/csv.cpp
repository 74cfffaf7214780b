#include "csv.hpp"

#include <algorithm>

#include "spaces.hpp"

namespace jiujin::config::csv {
namespace {

bool isBlank(const Record& r) {
  return std::all_of(r.begin(), r.end(), [](const Field& f) {
    return isAllSpaces(f.text);
  });
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Table run() {
    while (pos_ < text_.size()) readRecord();
    return std::move(table_);
  }

 private:
  void readRecord() {
    Record record;
    const std::size_t errorsBefore = table_.errors.size();
    int column = 1;
    while (true) {
      Field field{{}, line_, column};
      bool endOfRecord = readField(field);
      record.push_back(std::move(field));
      if (endOfRecord) break;
      ++column;
    }
    if (isBlank(record)) return;
    table_.records.push_back(std::move(record));
    table_.damaged.push_back(table_.errors.size() != errorsBefore);
  }

  // Reads one field; true when it ended its record (line end or end of text).
  bool readField(Field& field) {
    if (pos_ < text_.size() && text_[pos_] == '"') return readQuoted(field);
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        return false;
      }
      if (atLineEnd()) {
        skipLineEnd();
        return true;
      }
      if (c == '"') {
        table_.errors.push_back({line_, field.column,
                                 "a quote inside an unquoted field; put the whole field in "
                                 "quotes and double the quote (\"\")"});
      }
      field.text.push_back(c);
      ++pos_;
    }
    return true;
  }

  bool readQuoted(Field& field) {
    const int openLine = line_;
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.text.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;  // closing quote
        return afterClosingQuote(field);
      }
      if (c == '\n') ++line_;
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        ++pos_;  // CRLF inside a field is kept as LF
        continue;
      }
      field.text.push_back(c);
      ++pos_;
    }
    table_.errors.push_back(
        {openLine, field.column, "a quoted field is never closed (missing closing quote \")"});
    return true;
  }

  bool afterClosingQuote(const Field& field) {
    if (pos_ < text_.size() && text_[pos_] != ',' && !atLineEnd()) {
      table_.errors.push_back({line_, field.column,
                               "text after the closing quote of a field; expected a comma or "
                               "the end of the line"});
      // Skip the stray text so the rest of the file is still read.
      while (pos_ < text_.size() && text_[pos_] != ',' && !atLineEnd()) ++pos_;
    }
    return endOfField();
  }

  // At a separator, a line end or the end of text: steps over it; true at a record's end.
  bool endOfField() {
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == ',') {
      ++pos_;
      return false;
    }
    skipLineEnd();
    return true;
  }

  bool atLineEnd() const {
    return text_[pos_] == '\n' ||
           (text_[pos_] == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] == '\n'));
  }

  void skipLineEnd() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  Table table_;
};

}  // namespace

Table parse(std::string_view text) {
  return Parser(text).run();
}

std::string quote(std::string_view field) {
  const bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string columnLetters(int column) {
  std::string letters;
  while (column > 0) {
    const int rem = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return letters;
}

}  // namespace jiujin::config::csv
