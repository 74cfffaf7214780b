// jiujin-printersim as users run it: a separate process, a link path, control lines on stdin
// and printed tickets on stdout.
#include "jiujin/devices/printer/ticket_printer.hpp"
#include "sample_ticket.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace jiujin::devices::printer {
namespace {

using namespace std::chrono_literals;
using testing::sampleTicket;
using Clock = std::chrono::steady_clock;

constexpr auto kBound = 10s;

// The simulator process with pipes on its stdin and stdout.
class PrinterProgram {
 public:
  explicit PrinterProgram(const std::filesystem::path& link) {
    std::signal(SIGPIPE, SIG_IGN);  // a program that died makes writes fail, not kill the test
    int in[2];
    int out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string program = JIUJIN_PRINTERSIM_PATH;
    std::string linkArg = link.string();
    std::vector<char*> argv{program.data(), const_cast<char*>("--link"), linkArg.data(), nullptr};
    if (posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
  }
  ~PrinterProgram() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stdin_ >= 0) ::close(stdin_);
    if (stdout_ >= 0) ::close(stdout_);
  }

  bool running() const { return pid_ > 0; }

  void send(const std::string& line) {
    const std::string text = line + "\n";
    ASSERT_EQ(::write(stdin_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }

  // Reads stdout until `text` appears (true) or the bound passes or the program ends (false).
  bool waitForOutput(const std::string& text, std::chrono::milliseconds bound) {
    const auto deadline = Clock::now() + bound;
    while (output_.find(text, searched_) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left <= 0ms) return false;
      pollfd fd{stdout_, POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[1024];
      const auto n = ::read(stdout_, chunk, sizeof chunk);
      if (n <= 0) return false;
      output_.append(chunk, static_cast<std::size_t>(n));
    }
    searched_ = output_.find(text, searched_) + text.size();
    return true;
  }

  // Closes stdin after "quit" and waits for the exit status, bounded by the pipe closing.
  int quit() {
    send("quit");
    waitForOutput("stopped", kBound);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  std::string output_;
  std::size_t searched_ = 0;
};

TEST(PrinterSimulatorProgram, PrintsReceivedTicketsAndObeysStateLinesOnStdin) {
  std::string pattern = (std::filesystem::temp_directory_path() / "jiujin-printersim-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path link = std::filesystem::path(pattern) / "printer";

  PrinterProgram program(link);
  ASSERT_TRUE(program.running());
  ASSERT_TRUE(program.waitForOutput("ready", kBound)) << program.output();
  EXPECT_TRUE(std::filesystem::is_symlink(link));

  TicketPrinter printer{TicketPrinterSettings{link.string(), {}, 500ms}};
  auto outcome = printer.print(sampleTicket("A007"));
  EXPECT_TRUE(outcome.printed) << outcome.error.message;
  EXPECT_TRUE(program.waitForOutput("A007 (x3)", kBound)) << program.output();
  EXPECT_TRUE(program.waitForOutput("full cut", kBound)) << program.output();

  program.send("state out");
  ASSERT_TRUE(program.waitForOutput("state out", kBound)) << program.output();
  EXPECT_EQ(printer.print(sampleTicket("A008")).error.code, PrintErrorCode::PaperOut);

  EXPECT_EQ(program.quit(), 0);
  EXPECT_NE(program.output().find("printed 1 lost 0"), std::string::npos) << program.output();
  EXPECT_FALSE(std::filesystem::exists(link));
  std::filesystem::remove_all(pattern);
}

}  // namespace
}  // namespace jiujin::devices::printer
