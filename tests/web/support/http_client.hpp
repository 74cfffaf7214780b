#pragma once
// A plain HTTP/1.1 client on POSIX sockets for the web tests and benchmarks: what a phone's
// browser sends, and a reader of server-sent events. Every wait is bounded.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace jiujin::web::testing {

struct HttpResponse {
  int status = 0;  ///< 0: no answer (closed or timed out)
  std::string headers;
  std::string body;
};

/// Sends `raw` as is to 127.0.0.1:`port` and reads the answer until the connection closes or
/// the response is complete (Content-Length), within `within`.
HttpResponse exchange(int port, const std::string& raw, std::chrono::milliseconds within = std::chrono::seconds(5));
/// GET `target` with Connection: close.
HttpResponse get(int port, const std::string& target, std::chrono::milliseconds within = std::chrono::seconds(5));

/// POST `form` (application/x-www-form-urlencoded) to `target` with Connection: close;
/// `headers`: more header lines, each ending in \r\n (e.g. an Origin).
HttpResponse postForm(int port, const std::string& target, const std::string& form, const std::string& headers = {},
                      std::chrono::milliseconds within = std::chrono::seconds(5));
/// The value of the rating form's hidden csrf field in a status page, empty if none.
std::string csrfIn(const std::string& page);

/// One page following a ticket: a connection that sent GET …/events and reads events.
class EventReader {
 public:
  EventReader(int port, const std::string& target);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;
  EventReader(EventReader&& other) noexcept;

  /// The status line's code once the headers came (0 before).
  int status() const { return status_; }
  /// The data of the next "status" event, waiting at most `within`.
  std::optional<std::string> next(std::chrono::milliseconds within);
  /// Reads without waiting; true while the connection is open.
  bool pump();
  int fd() const { return fd_; }

 private:
  bool fill(std::chrono::milliseconds within);
  int fd_ = -1;
  int status_ = 0;
  bool headersDone_ = false;
  std::string buffer_;
};

}  // namespace jiujin::web::testing
