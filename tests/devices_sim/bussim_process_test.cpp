// jiujin-bussim as a user starts it: a real process on the sample township hall.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <zmq.hpp>

#include "sim_fixture.hpp"

namespace {

// Reads the child's stdout until a line starting with `prefix` arrives, or the bound passes.
std::string waitForLine(int fd, const std::string& prefix, std::string& seen,
                        std::chrono::milliseconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  for (;;) {
    std::size_t start = 0;
    for (std::size_t end; (end = seen.find('\n', start)) != std::string::npos; start = end + 1) {
      const auto line = seen.substr(start, end - start);
      if (line.rfind(prefix, 0) == 0) return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return "";
    char buffer[1024];
    const auto n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return "";
    seen.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

TEST(BussimProcess, ServesTheSampleHallAndCleansUpOnSigterm) {
  const std::filesystem::path exe = JIUJIN_BUSSIM_EXE;
  const std::filesystem::path hall = JIUJIN_SAMPLE_HALL;
  ASSERT_TRUE(std::filesystem::exists(exe)) << exe;
  const auto dir = jiujin::devices::sim::test_support::makeRuntimeDir();

  int out[2];
  ASSERT_EQ(pipe2(out, O_CLOEXEC), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    execl(exe.c_str(), exe.c_str(), "--config", hall.c_str(), "--runtime-dir", dir.c_str(),
          "--no-pacing", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string seen;
  const auto control = waitForLine(out[0], "control ", seen, std::chrono::seconds(10));
  ASSERT_FALSE(control.empty()) << "output so far: " << seen;
  EXPECT_NE(seen.find("bus rs485-1 " + (dir / "rs485-1").string() + " -> /dev/pts/"), std::string::npos) << seen;
  EXPECT_TRUE(std::filesystem::is_symlink(dir / "rs485-1"));

  {
    zmq::context_t context;
    zmq::socket_t request(context, zmq::socket_type::req);
    request.set(zmq::sockopt::linger, 0);
    request.set(zmq::sockopt::rcvtimeo, 3000);
    request.connect(control.substr(std::string("control ").size()));
    request.send(zmq::str_buffer("show w1-display"), zmq::send_flags::none);
    zmq::message_t reply;
    ASSERT_TRUE(request.recv(reply));
    EXPECT_EQ(reply.to_string(), "ok text=\"\" lit=0");
  }

  ASSERT_EQ(kill(child, SIGTERM), 0);
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, child, 0));
  ASSERT_GE(pidfd, 0);
  pollfd p{pidfd, POLLIN, 0};
  ASSERT_EQ(poll(&p, 1, 5000), 1) << "jiujin-bussim did not stop within 5 s";
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_FALSE(std::filesystem::exists(dir / "rs485-1")) << "the link is removed on shutdown";
  close(pidfd);
  close(out[0]);
  std::filesystem::remove_all(dir);
}
