// The serial-port interface against real pseudo-terminals (openpty pairs) and real files.
#include <fcntl.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "jiujin/devices/serial_port.hpp"

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;

// One pseudo-terminal: the test holds the master, the port under test opens the slave.
struct PtyPair {
  int master = -1;
  std::string slaveName;
  PtyPair() {
    int slave = -1;
    char name[128] = {};
    if (::openpty(&master, &slave, name, nullptr, nullptr) != 0) throw std::runtime_error("openpty failed");
    slaveName = name;
    ::close(slave);  // the port under test opens it by name
  }
  ~PtyPair() { closeMaster(); }
  void closeMaster() {
    if (master >= 0) ::close(master);
    master = -1;
  }
  std::vector<std::uint8_t> readFromMaster(std::size_t count) const {
    std::vector<std::uint8_t> bytes(count);
    std::size_t got = 0;
    while (got < count) {
      const ssize_t n = ::read(master, bytes.data() + got, count - got);
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
  }
};

std::filesystem::path scratchFile(const std::string& stem) {
  auto path = std::filesystem::temp_directory_path() / (stem + "-" + std::to_string(::getpid()));
  std::filesystem::remove(path);
  return path;
}

TEST(SerialPort, BytesWrittenOnAPseudoTerminalArriveAtTheOtherEnd) {
  PtyPair pty;
  auto opened = openSerialPort(pty.slaveName, SerialSettings{});
  ASSERT_FALSE(opened.error) << opened.error.message;
  const std::vector<std::uint8_t> frame{0x01, 0x10, 0x00, 0x00, 0x00, 0x01, 0x02, 0xAB, 0xCD};
  ASSERT_FALSE(opened.port->write(frame));
  EXPECT_EQ(pty.readFromMaster(frame.size()), frame);
}

TEST(SerialPort, BytesFromTheOtherEndAreRead) {
  PtyPair pty;
  auto opened = openSerialPort(pty.slaveName, SerialSettings{19200, 8, Parity::Even, 1});
  ASSERT_FALSE(opened.error) << opened.error.message;
  const std::vector<std::uint8_t> reply{0x01, 0x03, 0x02, 0x12, 0x34};
  ASSERT_EQ(::write(pty.master, reply.data(), reply.size()), static_cast<ssize_t>(reply.size()));
  std::vector<std::uint8_t> got;
  while (got.size() < reply.size()) {
    auto read = opened.port->read(64, 1s);
    ASSERT_FALSE(read.error) << read.error.message;
    got.insert(got.end(), read.bytes.begin(), read.bytes.end());
  }
  EXPECT_EQ(got, reply);
}

TEST(SerialPort, SettingsAreAppliedToTheTerminal) {
  PtyPair pty;
  auto opened = openSerialPort(pty.slaveName, SerialSettings{4800, 8, Parity::None, 2});
  ASSERT_FALSE(opened.error) << opened.error.message;
  // Read back through a second descriptor on the same terminal. (A Linux pty forces
  // CS8 and no parity whatever is asked, so only speed and stop bits can be checked.)
  const int observer = ::open(pty.slaveName.c_str(), O_RDWR | O_NOCTTY);
  ASSERT_GE(observer, 0);
  termios tio{};
  ASSERT_EQ(::tcgetattr(observer, &tio), 0);
  ::close(observer);
  EXPECT_EQ(::cfgetospeed(&tio), static_cast<speed_t>(B4800));
  EXPECT_NE(tio.c_cflag & CSTOPB, 0u);
  EXPECT_EQ(tio.c_cc[VMIN], 0);
  EXPECT_EQ(tio.c_lflag & ICANON, 0u);  // raw: bytes are not held back for a line end
}

TEST(SerialPort, ReadWithNothingToReadTimesOutWithinItsBound) {
  PtyPair pty;
  auto opened = openSerialPort(pty.slaveName, SerialSettings{});
  ASSERT_FALSE(opened.error) << opened.error.message;
  const auto start = std::chrono::steady_clock::now();
  auto read = opened.port->read(16, 50ms);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(read.error.code, PortErrorCode::Timeout);
  EXPECT_TRUE(read.bytes.empty());
  EXPECT_GE(waited, 50ms);
  EXPECT_LT(waited, 2s);  // generous: a loaded 2-core machine, but never "forever"
}

TEST(SerialPort, AClosedOtherEndIsReportedAsClosedNotAsTimeout) {
  PtyPair pty;
  auto opened = openSerialPort(pty.slaveName, SerialSettings{});
  ASSERT_FALSE(opened.error) << opened.error.message;
  pty.closeMaster();
  auto read = opened.port->read(16, 1s);
  EXPECT_EQ(read.error.code, PortErrorCode::Closed) << read.error.message;
  const std::vector<std::uint8_t> frame{0x01, 0x03};
  EXPECT_EQ(opened.port->write(frame).code, PortErrorCode::Closed);
}

TEST(SerialPort, AMissingPortIsNotFoundAndTheMessageNamesIt) {
  auto opened = openSerialPort("/dev/ttyJIUJIN-no-such-port", SerialSettings{});
  EXPECT_EQ(opened.error.code, PortErrorCode::NotFound);
  EXPECT_EQ(opened.port, nullptr);
  EXPECT_NE(opened.error.message.find("/dev/ttyJIUJIN-no-such-port"), std::string::npos) << opened.error.message;
}

TEST(SerialPort, AnUnsupportedBaudRateIsRefusedWithAReason) {
  PtyPair pty;
  auto opened = openSerialPort(pty.slaveName, SerialSettings{12345, 8, Parity::None, 1});
  EXPECT_EQ(opened.error.code, PortErrorCode::Unsupported);
  EXPECT_NE(opened.error.message.find("12345"), std::string::npos) << opened.error.message;
}

TEST(SerialPort, APortTheUserMayNotOpenIsPermissionDenied) {
  const auto path = scratchFile("jiujin-locked-port");
  { std::FILE* f = std::fopen(path.c_str(), "w"); ASSERT_NE(f, nullptr); std::fclose(f); }
  ::chmod(path.c_str(), 0600);
  // root opens anything, so the check runs as an unprivileged user in a child process.
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::geteuid() == 0 && ::setuid(65534) != 0) ::_exit(3);
    auto opened = openSerialPort(path.string(), SerialSettings{});
    ::_exit(opened.error.code == PortErrorCode::PermissionDenied ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  std::filesystem::remove(path);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: not PermissionDenied, 3: could not drop privileges";
}

TEST(SerialPort, APlainFileOpensWithTheDescriptorBackend) {
  const auto path = scratchFile("jiujin-port-file");
  std::FILE* created = std::fopen(path.c_str(), "w");
  ASSERT_NE(created, nullptr);
  std::fclose(created);
  auto port = openSerialPort(path.string(), SerialSettings{});
  ASSERT_FALSE(port.error) << port.error.message;
  const std::vector<std::uint8_t> bytes{0x1B, 0x40};
  EXPECT_FALSE(port.port->write(bytes));
  port.port.reset();
  EXPECT_EQ(std::filesystem::file_size(path), bytes.size());
  std::filesystem::remove(path);
}

TEST(SerialPort, ListingPortsNeverFails) {
  // Whatever this machine has (often nothing in a container), every entry is named.
  for (const auto& info : listSerialPorts()) {
    EXPECT_FALSE(info.name.empty());
    EXPECT_FALSE(info.transport.empty());
  }
}

}  // namespace
}  // namespace jiujin::devices
