// Every QML file of the apps is read for one shape that crashes on Qt 6.4: a Repeater placed
// directly inside a Quick Layout (RowLayout, ColumnLayout, GridLayout). When the Repeater's
// model changes, the layout keeps a freed delegate and the next relayout (a resize, a turned
// screen) dereferences it: the kiosk's 绿色通道 page crashed that way in the screenshot test
// 2 runs in 17. The fix is a positioner (Row, Column, Grid, Flow) between the two.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

bool isLayout(const std::string& element) {
  return element == "RowLayout" || element == "ColumnLayout" || element == "GridLayout";
}

/// The name of the element a `{` opens: the identifier just before it when it starts with a
/// capital letter (`Repeater {`, `delegate: CheckBox {`, `QtObject {`), else "" (a JS block,
/// an object literal, a grouped property such as `font {`).
std::string elementBefore(const std::string& text, std::size_t brace) {
  std::size_t end = brace;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n')) --end;
  std::size_t begin = end;
  while (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '_' ||
                       text[begin - 1] == '.'))
    --begin;
  const std::string word = text.substr(begin, end - begin);
  const std::string last = word.substr(word.find_last_of('.') == std::string::npos ? 0 : word.find_last_of('.') + 1);
  if (last.empty() || !std::isupper(static_cast<unsigned char>(last.front()))) return {};
  return last;
}

/// Line numbers of the Repeaters whose nearest enclosing element is a Quick Layout.
std::vector<int> repeatersInLayouts(const std::string& qml) {
  std::vector<int> found;
  std::vector<std::string> open;  // element names ("" for a block that is not an element)
  int line = 1;
  for (std::size_t i = 0; i < qml.size(); ++i) {
    const char c = qml[i];
    if (c == '\n') {
      ++line;
    } else if (c == '/' && i + 1 < qml.size() && qml[i + 1] == '/') {
      while (i < qml.size() && qml[i] != '\n') ++i;
      --i;
    } else if (c == '/' && i + 1 < qml.size() && qml[i + 1] == '*') {
      const auto close = qml.find("*/", i + 2);
      for (std::size_t j = i; j < std::min(close, qml.size()); ++j) line += qml[j] == '\n';
      i = close == std::string::npos ? qml.size() : close + 1;
    } else if (c == '"' || c == '\'' || c == '`') {
      for (++i; i < qml.size() && qml[i] != c; ++i) {
        if (qml[i] == '\\') ++i;
        else if (qml[i] == '\n') ++line;
      }
    } else if (c == '{') {
      const std::string element = elementBefore(qml, i);
      if (element == "Repeater") {
        for (auto it = open.rbegin(); it != open.rend(); ++it) {
          if (it->empty()) continue;
          if (isLayout(*it)) found.push_back(line);
          break;
        }
      }
      open.push_back(element);
    } else if (c == '}' && !open.empty()) {
      open.pop_back();
    }
  }
  return found;
}

}  // namespace

TEST(QmlRepeaterScan, ARepeaterDirectlyInALayoutIsFoundAndOneInAPositionerIsNot) {
  EXPECT_EQ(repeatersInLayouts("ColumnLayout {\n  Text { text: \"{\" }\n  Repeater {\n    model: m\n  }\n}\n"),
            std::vector<int>{3});
  EXPECT_EQ(repeatersInLayouts("GridLayout { columns: 2\n  Repeater { model: [{ a: 1 }] ; delegate: Text {} }\n}"),
            std::vector<int>{2});
  EXPECT_TRUE(repeatersInLayouts("RowLayout {\n  Row {\n    Repeater { model: m }\n  }\n}\n").empty());
  EXPECT_TRUE(repeatersInLayouts("ColumnLayout {\n  // Repeater {\n  Flow { Repeater { } }\n}\n").empty());
  EXPECT_TRUE(repeatersInLayouts("Column {\n  function f() { if (x) { return 1 } }\n  Repeater { }\n}\n").empty());
  EXPECT_EQ(repeatersInLayouts("RowLayout {\n  font { bold: true }\n  Layouts.Repeater { }\n}\n"), std::vector<int>{3});
}

TEST(QmlRepeaterScan, NoAppPutsARepeaterDirectlyInsideAQuickLayout) {
  const fs::path root = JIUJIN_SOURCE_DIR;
  std::size_t scanned = 0;
  std::string problems;
  for (const char* app : {"kiosk", "display", "console"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / app)) {
      if (entry.path().extension() != ".qml") continue;
      ++scanned;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      for (const int line : repeatersInLayouts(text.str()))
        problems += "  " + fs::relative(entry.path(), root).generic_string() + ":" + std::to_string(line) + "\n";
    }
  }
  EXPECT_GT(scanned, 20u) << "the apps' QML files were not found under " << root;
  EXPECT_TRUE(problems.empty()) << "put a Row/Column/Grid/Flow between the Layout and the Repeater:\n" << problems;
}
