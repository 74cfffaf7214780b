#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace jiujin::web::testing {
namespace {

using Clock = std::chrono::steady_clock;

int connectTo(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool sendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

/// Reads what is there within the time left; false when the connection closed or time ran out.
bool readSome(int fd, std::string& into, Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left <= 0) return false;
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
  char chunk[16384];
  const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  into.append(chunk, static_cast<std::size_t>(n));
  return true;
}

int statusOf(const std::string& head) {
  if (head.rfind("HTTP/1.", 0) != 0 || head.size() < 12) return 0;
  return std::atoi(head.c_str() + 9);
}

}  // namespace

HttpResponse exchange(int port, const std::string& raw, std::chrono::milliseconds within) {
  HttpResponse response;
  const int fd = connectTo(port);
  if (fd < 0) return response;
  const auto deadline = Clock::now() + within;
  std::string data;
  if (sendAll(fd, raw)) {
    while (readSome(fd, data, deadline)) {
      const auto end = data.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      const auto length = data.find("Content-Length: ");
      if (length != std::string::npos && length < end) {
        const std::size_t n = std::strtoul(data.c_str() + length + 16, nullptr, 10);
        if (data.size() >= end + 4 + n) break;
      }
    }
  }
  ::close(fd);
  const auto end = data.find("\r\n\r\n");
  if (end == std::string::npos) return response;
  response.status = statusOf(data);
  response.headers = data.substr(0, end);
  response.body = data.substr(end + 4);
  return response;
}

HttpResponse get(int port, const std::string& target, std::chrono::milliseconds within) {
  return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: hall\r\nConnection: close\r\n\r\n", within);
}

HttpResponse postForm(int port, const std::string& target, const std::string& form, const std::string& headers,
                      std::chrono::milliseconds within) {
  return exchange(port,
                  "POST " + target + " HTTP/1.1\r\nHost: hall\r\nConnection: close\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                      std::to_string(form.size()) + "\r\n" + headers + "\r\n" + form,
                  within);
}

std::string csrfIn(const std::string& page) {
  const std::string marker = "name=\"csrf\" value=\"";
  const auto at = page.find(marker);
  if (at == std::string::npos) return {};
  const auto start = at + marker.size();
  return page.substr(start, page.find('"', start) - start);
}

EventReader::EventReader(int port, const std::string& target) : fd_(connectTo(port)) {
  if (fd_ >= 0) sendAll(fd_, "GET " + target + " HTTP/1.1\r\nHost: hall\r\nAccept: text/event-stream\r\n\r\n");
}

EventReader::~EventReader() {
  if (fd_ >= 0) ::close(fd_);
}

EventReader::EventReader(EventReader&& other) noexcept
    : fd_(other.fd_), status_(other.status_), headersDone_(other.headersDone_), buffer_(std::move(other.buffer_)) {
  other.fd_ = -1;
}

bool EventReader::fill(std::chrono::milliseconds within) {
  if (fd_ < 0) return false;
  if (!readSome(fd_, buffer_, Clock::now() + within)) return false;
  if (!headersDone_) {
    const auto end = buffer_.find("\r\n\r\n");
    if (end != std::string::npos) {
      status_ = statusOf(buffer_);
      headersDone_ = true;
      buffer_.erase(0, end + 4);
    }
  }
  return true;
}

bool EventReader::pump() { return fill(std::chrono::milliseconds(0)) || fd_ >= 0; }

std::optional<std::string> EventReader::next(std::chrono::milliseconds within) {
  const auto deadline = Clock::now() + within;
  while (true) {
    if (headersDone_) {
      // Events end with a blank line; comments (": keep-alive") and "retry:" are skipped.
      for (auto end = buffer_.find("\n\n"); end != std::string::npos; end = buffer_.find("\n\n")) {
        const std::string block = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        if (block.rfind("event: status\n", 0) != 0) continue;
        const auto data = block.find("data: ");
        if (data != std::string::npos) return block.substr(data + 6);
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !fill(left)) return std::nullopt;
  }
}

}  // namespace jiujin::web::testing
