// A hall app on another computer than the dispatcher: its --key and --server-key options give
// the CURVE keys, and the HallLink built from them is served and fed events under the name
// the hall file gives that key. Real dispatcher process, real CURVE sockets.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <chrono>
#include <fstream>
#include <optional>

#include <gtest/gtest.h>

#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/clientqt/link_options.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using namespace std::chrono_literals;

TestHallOptions curveHall() {
  TestHallOptions o;
  o.curve = true;
  o.clients = {{"display-lobby", "display", 0, {}, {}}, {"manager", "manager", 0, {}, {}}};
  return o;
}

/// Runs the Qt event loop until `done` or `bound` passes.
template <typename Done>
bool processUntil(Done done, std::chrono::milliseconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

std::filesystem::path writeKey(const std::filesystem::path& file, const std::string& key) {
  std::ofstream(file) << key << '\n';
  return file;
}

QStringList appArguments(const RunningHall& hall, QStringList more) {
  QStringList words{"jiujin-display", "--commands", QString::fromStdString(hall.commands), "--events",
                    QString::fromStdString(hall.events)};
  return words + more;
}

TEST(LinkOverCurve, AnAppGivenItsKeyIsServedAndFedUnderTheNameTheHallGivesIt) {
  RunningHall hall(curveHall());
  const auto& client = hall.hall.clients.at("display-lobby");
  const auto secret = writeKey(hall.dir.path() / "display-lobby.key", client.secretKey);
  const auto server = writeKey(hall.dir.path() / "service.pub", hall.hall.serverPublicKey);

  QCommandLineParser args;
  clientqt::addLinkOptions(args);
  ASSERT_TRUE(args.parse(appArguments(hall, {"--key", QString::fromStdString(secret.string()), "--server-key",
                                             QString::fromStdString(server.string())})));
  QString problem;
  ASSERT_TRUE(clientqt::curveKeysFrom(args, problem).has_value()) << problem.toStdString();
  const auto options =
      clientqt::linkOptions(args, config::HallConfig{}, client::StatedIdentity{"kiosk", std::nullopt, "stated"});
  ASSERT_TRUE(options.curve.has_value());
  EXPECT_FALSE(options.identity.has_value()) << "under CURVE the key says who it is, not the app";

  clientqt::HallLink link(options);
  link.start();
  std::optional<client::Reply> hello;
  link.request(client::requests::hello(), [&](const client::Reply& reply) { hello = reply; });
  ASSERT_TRUE(processUntil([&] { return hello.has_value(); }, 10s));
  ASSERT_TRUE(hello->ok) << hello->error.code << " " << hello->error.en;
  EXPECT_EQ(hello->result["client"], "display-lobby");
  EXPECT_EQ(hello->result["role"], "display");
  EXPECT_TRUE(hello->result["authenticated"].get<bool>());
  // The event stream is keyed too: the app gets its snapshot and follows the hall.
  EXPECT_TRUE(processUntil([&] { return link.synced(); }, 10s)) << "the link never synced over CURVE";
  link.stop();
}

TEST(LinkOverCurve, AnAppWithoutKeysStatesWhoItIsAndACurveDispatcherDoesNotAnswerIt) {
  RunningHall hall(curveHall());
  QCommandLineParser args;
  clientqt::addLinkOptions(args);
  ASSERT_TRUE(args.parse(appArguments(hall, {})));
  auto options =
      clientqt::linkOptions(args, config::HallConfig{}, client::StatedIdentity{"display", std::nullopt, "stated"});
  EXPECT_FALSE(options.curve.has_value());
  ASSERT_TRUE(options.identity.has_value());
  options.requestTimeout = 500ms;
  options.attempts = 1;
  clientqt::HallLink link(options);
  link.start();
  std::optional<client::Reply> hello;
  link.request(client::requests::hello(), [&](const client::Reply& reply) { hello = reply; });
  ASSERT_TRUE(processUntil([&] { return hello.has_value(); }, 10s));
  EXPECT_FALSE(hello->ok);
  EXPECT_EQ(hello->error.code, "timeout");
  link.stop();
}

struct KeyCase {
  const char* why;
  QStringList words;  // after the endpoints; KEY / SERVER stand for the files written
  const char* expected;
};

TEST(LinkOverCurve, KeysThatCannotBeUsedStopTheAppWithTheReason) {
  TempDir dir;
  const auto good = writeKey(dir.path() / "good.key", client::newKeyPair().secretKey);
  const auto bad = writeKey(dir.path() / "bad.key", "not a key");
  const auto serverPub = writeKey(dir.path() / "service.pub", client::newKeyPair().publicKey);
  const QString goodKey = QString::fromStdString(good.string());
  const std::vector<KeyCase> cases{
      {"server key without own key", {"--server-key", QString::fromStdString(serverPub.string())}, "without --key"},
      {"own key without server key", {"--key", goodKey}, "needs --server-key"},
      {"a file that is not a key", {"--key", QString::fromStdString(bad.string()), "--server-key",
                                    QString::fromStdString(serverPub.string())}, "does not hold a CURVE secret key"},
      {"a missing key file", {"--key", QString::fromStdString((dir.path() / "absent.key").string()), "--server-key",
                              QString::fromStdString(serverPub.string())}, "does not hold a CURVE secret key"},
      {"a server key that is neither", {"--key", goodKey, "--server-key", "short"}, "neither a Z85 key nor a file"},
  };
  for (const auto& c : cases) {
    QCommandLineParser args;
    clientqt::addLinkOptions(args);
    ASSERT_TRUE(args.parse(QStringList{"app"} + c.words)) << c.why;
    QString problem;
    EXPECT_FALSE(clientqt::curveKeysFrom(args, problem).has_value()) << c.why;
    EXPECT_TRUE(problem.contains(c.expected)) << c.why << ": " << problem.toStdString();
  }
  // Both given well: keys, no problem; the server key may be given as Z85 text too.
  QCommandLineParser args;
  clientqt::addLinkOptions(args);
  ASSERT_TRUE(args.parse({"app", "--key", goodKey, "--server-key", QString::fromStdString(client::newKeyPair().publicKey)}));
  QString problem;
  const auto keys = clientqt::curveKeysFrom(args, problem);
  ASSERT_TRUE(keys.has_value()) << problem.toStdString();
  EXPECT_TRUE(problem.isEmpty());
  EXPECT_EQ(keys->publicKey.size(), 40u);
}

}  // namespace
}  // namespace jiujin::testing

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
