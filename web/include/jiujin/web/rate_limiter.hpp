#pragma once
// Requests per address: a token bucket per client address, `perMinute` tokens a minute and a
// burst of as many (a page and its few files never wait). Time is passed in. Addresses whose
// bucket is full again are forgotten when the table grows, so a flood of addresses cannot
// grow it without bound.
#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>

namespace jiujin::web {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(int perMinute, std::size_t maxAddresses = 20000);

  /// Takes a token for `address`; false when it has none left (the request gets 429).
  bool admit(const std::string& address, Clock::time_point now);
  std::size_t addresses() const { return buckets_.size(); }

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last;
  };
  void prune(Clock::time_point now);

  double perSecond_;
  double burst_;
  std::size_t maxAddresses_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace jiujin::web
