// Only the client library and the dispatcher name request types: everyone else — the apps, the
// gateway, the simulators, jiujinctl and the Qt adapter — sends typed requests
// (client::requests::…). Scans the source tree for a string literal that equals a request
// type, outside client/lib/, dispatcher/ and tests/. The names come from the client library,
// whose command names request_test.cpp checks against the protocol codec.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "jiujin/client/request.hpp"

namespace jiujin::client {
namespace {

namespace fs = std::filesystem;

/// A string literal of C++ source and where its opening quote is.
struct Literal {
  std::string text;
  std::size_t at = 0;
};

/// The string literals of C++ source, comments skipped (raw strings are read as plain ones;
/// none of ours holds a request type).
std::vector<Literal> stringLiterals(const std::string& text) {
  std::vector<Literal> literals;
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
      Literal literal{{}, i};
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) literal.text += text[i++];
        literal.text += text[i];
      }
      literals.push_back(literal);
    }
  }
  return literals;
}

/// Whether the literal at `at` is the name given to a `…subcommand(` call, possibly after the
/// parent app (`app.add_subcommand("recall", …)`, `windowSubcommand(app, "recall", …)`): a word
/// of jiujinctl's command line, which may be spelt like a request type without being one.
bool isSubcommandName(const std::string& text, std::size_t at) {
  static const std::regex kBefore(R"([Ss]ubcommand\s*\(\s*(\w+\s*,\s*)?$)");
  const std::size_t from = at > 80 ? at - 80 : 0;
  return std::regex_search(text.substr(from, at - from), kBefore);
}

/// The literals of `text` that name a request type, other than subcommand names and `allowed`.
std::vector<std::string> requestTypesNamedIn(const std::string& text, const std::set<std::string>& names,
                                             const std::set<std::string>& allowed = {}) {
  std::vector<std::string> found;
  for (const auto& literal : stringLiterals(text)) {
    if (!names.count(literal.text) || allowed.count(literal.text)) continue;
    if (isSubcommandName(text, literal.at)) continue;
    found.push_back(literal.text);
  }
  return found;
}

/// The folders whose code may name request types: the client library that defines them, the
/// dispatcher that answers them, and the tests of both.
bool mayNameRequestTypes(const fs::path& relative) {
  const std::string path = relative.generic_string();
  for (const char* folder : {"client/lib", "dispatcher", "tests"})
    if (path == folder || path.starts_with(std::string(folder) + "/")) return true;
  return false;
}

std::set<std::string> requestTypeNames() {
  std::set<std::string> names;
  for (const auto kind : allRequestKinds()) names.insert(wireName(kind));
  return names;
}

/// Literals that are spelt like a request type but name something else.
const std::map<std::string, std::set<std::string>> kNotRequests{
    // The `booking` of the check_in reply, which the kiosk's screenshot demo writes as the
    // dispatcher does.
    {"kiosk/demo/demo_screens.cpp", {"booking"}},
    // Keypad keys and pad commands by their register-map profile names (docs/devices.md).
    {"devices/drivers/src/profile.cpp", {"call_next", "recall", "complete", "transfer", "request_evaluation", "cancel"}},
    {"devices/sim/src/device_profile.cpp", {"cancel"}},
    {"sim/residents/src/window_clerk.cpp", {"complete", "transfer"}},
    {"bench/devices/bus_bench.cpp", {"call_next"}},
    // The key of the line `jiujinctl watch --json` prints when the stream has resynced.
    {"client/ctl/watch.cpp", {"snapshot"}},
    // An audit row's command name: data written straight into the store by its benchmark.
    {"bench/store/store_bench.cpp", {"issue_ticket"}},
    // The `case` field of a case command's reply and of a case alarm, which the console's
    // screenshot demo writes as the dispatcher does.
    {"console/demo/demo_screens.cpp", {"case"}},
    // The monitor's alarm filter names its families (AlarmFamily::Case is "case").
    {"console/model/src/alarm_list.cpp", {"case"}},
    // The hall file's [booking] table and a [[booking.session]]'s `items`.
    {"config/src/read_hall.cpp", {"booking", "items"}},
    // The `booking` of the dispatcher's booking replies, which the phone's pages show.
    {"web/src/web_server.cpp", {"booking"}},
};

TEST(RequestNames, NoFileOutsideTheClientLibraryDispatcherAndTestsNamesARequestType) {
  const fs::path root = JIUJIN_SOURCE_DIR;
  const std::set<std::string> names = requestTypeNames();

  std::vector<std::string> found;
  std::size_t scanned = 0;
  std::size_t scannedInCtl = 0;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const fs::path relative = fs::relative(it->path(), root);
    const std::string top = relative.begin()->string();
    if (it->is_directory()) {
      if (mayNameRequestTypes(relative) || (it.depth() == 0 && (top.rfind("build", 0) == 0 || top.front() == '.')))
        it.disable_recursion_pending();
      continue;
    }
    const std::string extension = relative.extension().string();
    if (extension != ".cpp" && extension != ".hpp" && extension != ".h") continue;
    ++scanned;
    if (relative.generic_string().starts_with("client/ctl/")) ++scannedInCtl;
    std::ifstream in(it->path());
    std::stringstream text;
    text << in.rdbuf();
    const auto allowed = kNotRequests.find(relative.generic_string());
    for (const auto& literal :
         requestTypesNamedIn(text.str(), names, allowed != kNotRequests.end() ? allowed->second : std::set<std::string>{}))
      found.push_back(relative.generic_string() + ": \"" + literal + "\"");
  }
  EXPECT_GT(scanned, 50u) << "the scan did not find the source tree at " << root;
  EXPECT_GT(scannedInCtl, 5u) << "jiujinctl's files (client/ctl) were not scanned";
  EXPECT_TRUE(found.empty()) << "send typed requests (jiujin/client/request.hpp) instead:\n"
                             << [&] {
                                  std::string all;
                                  for (const auto& f : found) all += "  " + f + "\n";
                                  return all;
                                }();
}

TEST(RequestNames, OnlyTheClientLibraryTheDispatcherAndTestsMayNameThem) {
  EXPECT_TRUE(mayNameRequestTypes("client/lib/src/request.cpp"));
  EXPECT_TRUE(mayNameRequestTypes("dispatcher/service/src/query_table.cpp"));
  EXPECT_TRUE(mayNameRequestTypes("tests/client/request_test.cpp"));
  EXPECT_FALSE(mayNameRequestTypes("client/ctl/windows.cpp"));
  EXPECT_FALSE(mayNameRequestTypes("client/qt/src/hall_link.cpp"));
  EXPECT_FALSE(mayNameRequestTypes("client/library.cpp"));
  EXPECT_FALSE(mayNameRequestTypes("sim/residents/src/window_clerk.cpp"));
}

TEST(RequestNames, ASubcommandSpeltLikeARequestIsAWordButSendingThatTypeIsFound) {
  const std::set<std::string> names = requestTypeNames();
  // jiujinctl's `recall` and `snapshot` subcommands, registered either way.
  EXPECT_TRUE(requestTypesNamedIn("app.add_subcommand(\"snapshot\", \"大厅快照\");", names).empty());
  EXPECT_TRUE(requestTypesNamedIn("windowSubcommand(app, \"recall\", \"重呼\");", names).empty());
  EXPECT_TRUE(requestTypesNamedIn("windowOnlySubcommand(\n    \"recall\", \"重呼\", requests::recall);", names).empty());
  // A ctl file that names the type it sends is found, also beside a subcommand of that name.
  EXPECT_EQ(requestTypesNamedIn("channel.request(\"recall\", json{{\"window\", 1}});", names),
            std::vector<std::string>{"recall"});
  EXPECT_EQ(requestTypesNamedIn("auto* s = app.add_subcommand(\"ping\", \"is it there\");\n"
                                "s->callback([&] { type = \"ping\"; });",
                                names),
            std::vector<std::string>{"ping"});
  EXPECT_EQ(requestTypesNamedIn("app.add_subcommand(\"day\")->callback([&] { type = \"close_day\"; });", names),
            std::vector<std::string>{"close_day"});
}

TEST(RequestNames, TheScannerSeesLiteralsButNotComments) {
  const auto literals = stringLiterals("a(\"call_next\"); // \"recall\"\n/* \"complete\" */ b('\"', \"x\\\"y\");");
  ASSERT_EQ(literals.size(), 2u);
  EXPECT_EQ(literals[0].text, "call_next");
  EXPECT_EQ(literals[0].at, 2u);
  EXPECT_EQ(literals[1].text, "x\\\"y");
}

}  // namespace
}  // namespace jiujin::client
