// Only the client library and the dispatcher name request types: everyone else sends typed
// requests (client::requests::…). Scans the source tree for a string literal that equals a
// request type, outside client/, dispatcher/ and tests/. The names come from the client
// library, whose command names request_test.cpp checks against the protocol codec.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "jiujin/client/request.hpp"

namespace jiujin::client {
namespace {

namespace fs = std::filesystem;

/// The string literals of C++ source, comments skipped (raw strings are read as plain ones;
/// none of ours holds a request type).
std::vector<std::string> stringLiterals(const std::string& text) {
  std::vector<std::string> literals;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) break;
      ++i;
    } else if (c == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '"') {
      std::string literal;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) literal += text[i++];
        literal += text[i];
      }
      literals.push_back(literal);
    }
  }
  return literals;
}

/// Literals that are spelt like a request type but name something else.
const std::map<std::string, std::set<std::string>> kNotRequests{
    // Keypad keys and pad commands by their register-map profile names (docs/devices.md).
    {"devices/drivers/src/profile.cpp", {"call_next", "recall", "complete", "transfer", "request_evaluation", "cancel"}},
    {"devices/sim/src/device_profile.cpp", {"cancel"}},
    {"sim/src/window_clerk.cpp", {"complete", "transfer"}},
    {"bench/devices/bus_bench.cpp", {"call_next"}},
    // An audit row's command name: data written straight into the store by its benchmark.
    {"bench/store/store_bench.cpp", {"issue_ticket"}},
};

TEST(RequestNames, NoFileOutsideClientDispatcherAndTestsNamesARequestType) {
  const fs::path root = JIUJIN_SOURCE_DIR;
  std::set<std::string> names;
  for (const auto kind : allRequestKinds()) names.insert(wireName(kind));

  std::vector<std::string> found;
  std::size_t scanned = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const fs::path relative = fs::relative(it->path(), root);
    const std::string top = relative.begin()->string();
    if (it->is_directory()) {
      if (it.depth() == 0 && (top == "client" || top == "dispatcher" || top == "tests" || top.rfind("build", 0) == 0 ||
                              top.front() == '.'))
        it.disable_recursion_pending();
      continue;
    }
    const std::string extension = relative.extension().string();
    if (extension != ".cpp" && extension != ".hpp" && extension != ".h") continue;
    ++scanned;
    std::ifstream in(it->path());
    std::stringstream text;
    text << in.rdbuf();
    const auto allowed = kNotRequests.find(relative.generic_string());
    for (const auto& literal : stringLiterals(text.str())) {
      if (!names.count(literal)) continue;
      if (allowed != kNotRequests.end() && allowed->second.count(literal)) continue;
      found.push_back(relative.generic_string() + ": \"" + literal + "\"");
    }
  }
  EXPECT_GT(scanned, 50u) << "the scan did not find the source tree at " << root;
  EXPECT_TRUE(found.empty()) << "send typed requests (jiujin/client/request.hpp) instead:\n"
                             << [&] {
                                  std::string all;
                                  for (const auto& f : found) all += "  " + f + "\n";
                                  return all;
                                }();
}

TEST(RequestNames, TheScannerSeesLiteralsButNotComments) {
  const auto literals = stringLiterals("a(\"call_next\"); // \"recall\"\n/* \"complete\" */ b('\"', \"x\\\"y\");");
  ASSERT_EQ(literals.size(), 2u);
  EXPECT_EQ(literals[0], "call_next");
  EXPECT_EQ(literals[1], "x\\\"y");
}

}  // namespace
}  // namespace jiujin::client
