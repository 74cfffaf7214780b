#include <gtest/gtest.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "sim_fixture.hpp"

using jiujin::devices::sim::test_support::SimBusTest;

namespace {

// Waits (bounded) until `name` is created or moved into `dir`.
bool waitForEntry(const std::filesystem::path& dir, const std::string& name,
                  std::chrono::milliseconds bound) {
  const int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) return false;
  inotify_add_watch(fd, dir.c_str(), IN_CREATE | IN_MOVED_TO);
  const auto deadline = std::chrono::steady_clock::now() + bound;
  bool found = std::filesystem::is_symlink(dir / name);
  while (!found) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    alignas(inotify_event) char buffer[4096];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
    found = std::filesystem::is_symlink(dir / name);
  }
  close(fd);
  return found;
}

}  // namespace

TEST_F(SimBusTest, VanishedPortTakesItsSymlinkAwayAndFailsTheMaster) {
  ASSERT_FALSE(sim_->vanishPort("line-1"));
  EXPECT_FALSE(std::filesystem::exists(link()));
  EXPECT_TRUE(sim_->buses().front().pty.empty());
  EXPECT_NE(master_->read(1, {0, 1}).error, 0);
  EXPECT_FALSE(master_->reconnect()) << "nothing to open while the port is gone";
}

TEST_F(SimBusTest, RestoredPortReturnsBehindTheSameSymlink) {
  ASSERT_FALSE(sim_->vanishPort("line-1"));
  ASSERT_FALSE(sim_->restorePort("line-1"));
  ASSERT_TRUE(std::filesystem::is_symlink(link()));
  ASSERT_TRUE(master_->reconnect());
  EXPECT_EQ(master_->read(1, {0, 1}).error, 0);
}

TEST_F(SimBusTest, PortVanishingForAWhileReturnsByItself) {
  ASSERT_FALSE(sim_->vanishPort("line-1", std::chrono::milliseconds(100)));
  ASSERT_TRUE(waitForEntry(runtimeDir_, "line-1", std::chrono::seconds(3)));
  ASSERT_TRUE(master_->reconnect());
  EXPECT_EQ(master_->read(2, {0, 1}).error, 0);
}

TEST_F(SimBusTest, UnknownBusCannotVanish) {
  const auto error = sim_->vanishPort("line-9");
  ASSERT_TRUE(error);
  EXPECT_NE(error->message.find("line-9"), std::string::npos);
}
