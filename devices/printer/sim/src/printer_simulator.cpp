#include "jiujin/devices/printer/printer_simulator.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

namespace jiujin::devices::printer {
namespace {

std::string systemError(const char* what) { return fmt::format("{}: {}", what, std::strerror(errno)); }

// Replaces `link` atomically so a kiosk opening it never sees it missing.
std::string publishLink(const std::filesystem::path& link, const std::string& target) {
  std::error_code ec;
  const auto temporary = std::filesystem::path(link.string() + fmt::format(".{}.tmp", ::getpid()));
  std::filesystem::remove(temporary, ec);
  std::filesystem::create_symlink(target, temporary, ec);
  if (ec) return fmt::format("cannot create link {}: {}", temporary.string(), ec.message());
  std::filesystem::rename(temporary, link, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return fmt::format("cannot create link {}: {}", link.string(), ec.message());
  }
  return {};
}

}  // namespace

SimulatorStart PrinterSimulator::start(const std::filesystem::path& link, PrinterCondition condition) {
  int controller = -1;
  int device = -1;
  if (::openpty(&controller, &device, nullptr, nullptr, nullptr) != 0) return {nullptr, systemError("openpty")};
  // Raw on the device side: no echo of the printer's answers, no newline translation.
  termios tio{};
  ::tcgetattr(device, &tio);
  ::cfmakeraw(&tio);
  ::tcsetattr(device, TCSANOW, &tio);
  ::fcntl(controller, F_SETFL, ::fcntl(controller, F_GETFL) | O_NONBLOCK);
  const char* name = ::ttyname(device);
  const std::string devicePath = name != nullptr ? name : "";
  const int wake = ::eventfd(0, EFD_CLOEXEC);
  std::string error = devicePath.empty() ? systemError("ttyname") : wake < 0 ? systemError("eventfd") : "";
  if (error.empty()) error = publishLink(link, devicePath);
  if (!error.empty()) {
    ::close(controller);
    ::close(device);
    if (wake >= 0) ::close(wake);
    return {nullptr, error};
  }
  std::unique_ptr<PrinterSimulator> simulator(
      new PrinterSimulator(controller, device, wake, link, devicePath, condition));
  return {std::move(simulator), {}};
}

PrinterSimulator::PrinterSimulator(int controller, int device, int wake, std::filesystem::path link,
                                   std::string devicePath, PrinterCondition condition)
    : controller_(controller),
      device_(device),
      wake_(wake),
      link_(std::move(link)),
      devicePath_(std::move(devicePath)),
      printer_(condition),
      thread_([this] { serve(); }) {}

PrinterSimulator::~PrinterSimulator() {
  const std::uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(wake_, &one, sizeof one);
  thread_.join();
  std::error_code ec;
  std::filesystem::remove(link_, ec);
  ::close(controller_);
  ::close(device_);
  ::close(wake_);
}

void PrinterSimulator::serve() {
  std::uint8_t buffer[4096];
  for (;;) {
    pollfd fds[2] = {{controller_, POLLIN, 0}, {wake_, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if ((fds[0].revents & POLLIN) == 0) continue;
    const auto n = ::read(controller_, buffer, sizeof buffer);
    if (n <= 0) continue;
    std::vector<std::uint8_t> replies;
    {
      std::lock_guard lock(mutex_);
      replies = printer_.receive(std::span<const std::uint8_t>(buffer, static_cast<std::size_t>(n)));
    }
    printed_.notify_all();
    // A kiosk that stopped reading must not block the printer: unread answers are dropped.
    std::size_t sent = 0;
    while (sent < replies.size()) {
      const auto w = ::write(controller_, replies.data() + sent, replies.size() - sent);
      if (w <= 0) break;
      sent += static_cast<std::size_t>(w);
    }
  }
}

void PrinterSimulator::setCondition(PrinterCondition condition) {
  std::lock_guard lock(mutex_);
  printer_.setCondition(condition);
}

PrinterCondition PrinterSimulator::condition() const {
  std::lock_guard lock(mutex_);
  return printer_.condition();
}

void PrinterSimulator::setPaperRemaining(std::optional<int> tickets) {
  std::lock_guard lock(mutex_);
  printer_.setPaperRemaining(tickets);
}

void PrinterSimulator::onPrinted(std::function<void(const PrintedTicket&)> callback) {
  std::lock_guard lock(mutex_);
  printer_.onPrinted(std::move(callback));
}

std::vector<PrintedTicket> PrinterSimulator::printedTickets() const {
  std::lock_guard lock(mutex_);
  return printer_.printedTickets();
}

std::size_t PrinterSimulator::lostTickets() const {
  std::lock_guard lock(mutex_);
  return printer_.lostTickets();
}

std::size_t PrinterSimulator::printDataBytes() const {
  std::lock_guard lock(mutex_);
  return printer_.printDataBytes();
}

std::size_t PrinterSimulator::statusQuestionsAnswered() const {
  std::lock_guard lock(mutex_);
  return printer_.statusQuestionsAnswered();
}

std::vector<DecodeProblem> PrinterSimulator::problems() const {
  std::lock_guard lock(mutex_);
  return printer_.problems();
}

bool PrinterSimulator::waitForPrinted(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return printed_.wait_for(lock, timeout, [&] { return printer_.printedTickets().size() >= count; });
}

}  // namespace jiujin::devices::printer
