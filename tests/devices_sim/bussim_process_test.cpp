// jiujin-bussim as a user starts it: a real process on the sample township hall.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
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

// A jiujin-bussim child with its stdout on a pipe and its stderr in a file.
struct BussimChild {
  pid_t pid = -1;
  int out = -1;
  std::filesystem::path errors;
};

BussimChild startBussim(const std::filesystem::path& hall, const std::filesystem::path& runtimeDir,
                        const std::vector<std::string>& extra) {
  BussimChild child;
  child.errors = runtimeDir / "stderr.txt";
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return child;
  std::vector<std::string> args{JIUJIN_BUSSIM_EXE, "--config", hall.string(), "--runtime-dir",
                                runtimeDir.string(), "--no-pacing"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  child.pid = fork();
  if (child.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int err = open(child.errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) dup2(err, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  child.out = out[0];
  return child;
}

// Waits for the child to exit within `bound`; its exit status, or -1.
int exitStatusWithin(pid_t pid, std::chrono::milliseconds bound) {
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) return -1;
  pollfd p{pidfd, POLLIN, 0};
  const bool ended = poll(&p, 1, static_cast<int>(bound.count())) == 1;
  close(pidfd);
  if (!ended) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A vendor profile file that is not TOML: a section header left open.
void writeBrokenProfile(const std::filesystem::path& dir, const std::string& name) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "vendor-file.toml") << "name = \"" << name << "\"\nkind = \"main_strip\"\n[text\naddress = 0\n";
}

// The sample township hall copied into `dir` (with the files it names), its main strip on
// the profile `profile`.
std::filesystem::path sampleHallWithStripProfile(const std::filesystem::path& dir, const std::string& profile) {
  const std::filesystem::path sample = JIUJIN_SAMPLE_HALL;
  for (const auto& entry : std::filesystem::directory_iterator(sample.parent_path()))
    if (entry.is_regular_file()) std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  auto text = readFile(sample);
  const std::string from = "profile = \"jiujin-main-strip-v1\"";
  const auto at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), "profile = \"" + profile + "\"");
  const auto hall = dir / "hall.toml";
  std::ofstream(hall) << text;
  return hall;
}

}  // namespace

TEST(BussimProcess, SetsAsideABrokenProfileThatNoDeviceNames) {
  const auto dir = jiujin::devices::sim::test_support::makeRuntimeDir();
  writeBrokenProfile(dir / "vendor", "vendor-strip");
  auto child = startBussim(JIUJIN_SAMPLE_HALL, dir, {"--profiles", (dir / "vendor").string()});
  ASSERT_GT(child.pid, 0);
  std::string seen;
  const auto control = waitForLine(child.out, "control ", seen, std::chrono::seconds(10));
  EXPECT_FALSE(control.empty()) << "it must run the hall; stderr: " << readFile(child.errors);
  kill(child.pid, SIGTERM);
  EXPECT_EQ(exitStatusWithin(child.pid, std::chrono::seconds(5)), 0);
  const auto errors = readFile(child.errors);
  EXPECT_NE(errors.find("warning: no device of this hall names profile vendor-strip; set aside"), std::string::npos)
      << errors;
  close(child.out);
  std::filesystem::remove_all(dir);
}

TEST(BussimProcess, RefusesToStartWhenADeviceNeedsABrokenProfile) {
  const auto dir = jiujin::devices::sim::test_support::makeRuntimeDir();
  writeBrokenProfile(dir / "vendor", "vendor-strip");
  const auto hall = sampleHallWithStripProfile(dir, "vendor-strip");
  auto child = startBussim(hall, dir, {"--profiles", (dir / "vendor").string()});
  ASSERT_GT(child.pid, 0);
  EXPECT_EQ(exitStatusWithin(child.pid, std::chrono::seconds(10)), 2);
  const auto errors = readFile(child.errors);
  EXPECT_NE(errors.find("profile vendor-strip cannot be used: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("vendor-file.toml"), std::string::npos) << "the message names the file: " << errors;
  close(child.out);
  std::filesystem::remove_all(dir);
}

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
