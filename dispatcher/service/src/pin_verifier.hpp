#pragma once
// Clerk PINs are checked with a deliberately slow KDF (argon2id, ~0.1–0.2 s and 64 MiB each).
// Checking on the command thread would stall every kiosk, console and heartbeat while a clerk
// logs in, so the checks run on a thread of their own: the command thread submits, and reads
// the answers when fileDescriptor() becomes readable.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace jiujin::service::detail {

class PinVerifier {
 public:
  using Verify = std::function<bool(std::string_view hash, std::string_view pin)>;
  struct Answer {
    std::uint64_t job = 0;
    bool matches = false;
  };

  explicit PinVerifier(Verify verify);
  ~PinVerifier();
  PinVerifier(const PinVerifier&) = delete;
  PinVerifier& operator=(const PinVerifier&) = delete;

  /// Queues a check; its answer carries the returned job number. A decoy (a clerk id that
  /// does not exist, checked against another clerk's hash) never matches but costs the same
  /// time, so that the time to a refusal does not tell a guesser which clerk ids exist.
  std::uint64_t submit(std::string hash, std::string pin, bool decoy = false);
  /// The answers ready now (never waits).
  std::vector<Answer> takeAnswers();
  /// Readable while answers are waiting (an eventfd): poll it beside the sockets.
  int fileDescriptor() const { return eventFd_; }

 private:
  struct Job {
    std::uint64_t number;
    std::string hash;
    std::string pin;
    bool decoy = false;
  };
  void work();

  Verify verify_;
  int eventFd_ = -1;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::vector<Answer> answers_;
  std::uint64_t nextJob_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace jiujin::service::detail
