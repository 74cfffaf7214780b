#include "jiujin/web/rate_limiter.hpp"

#include <algorithm>

namespace jiujin::web {

RateLimiter::RateLimiter(int perMinute, std::size_t maxAddresses)
    : perSecond_(perMinute / 60.0), burst_(std::max(1, perMinute)), maxAddresses_(maxAddresses) {}

bool RateLimiter::admit(const std::string& address, Clock::time_point now) {
  auto found = buckets_.find(address);
  if (found == buckets_.end()) {
    if (buckets_.size() >= maxAddresses_) prune(now);
    found = buckets_.emplace(address, Bucket{burst_, now}).first;
  }
  Bucket& b = found->second;
  const double seconds = std::chrono::duration<double>(now - b.last).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, seconds) * perSecond_);
  b.last = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

void RateLimiter::prune(Clock::time_point now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double seconds = std::chrono::duration<double>(now - it->second.last).count();
    if (it->second.tokens + seconds * perSecond_ >= burst_) {
      it = buckets_.erase(it);
    } else {
      ++it;
    }
  }
  // Every address still owes tokens: the oldest is dropped so the table stays bounded.
  if (buckets_.size() >= maxAddresses_) {
    auto oldest = std::min_element(buckets_.begin(), buckets_.end(),
                                   [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
    buckets_.erase(oldest);
  }
}

}  // namespace jiujin::web
