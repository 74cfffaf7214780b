#include "pin_verifier.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace jiujin::service::detail {

PinVerifier::PinVerifier(Verify verify)
    : verify_(std::move(verify)), eventFd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)), worker_([this] { work(); }) {}

PinVerifier::~PinVerifier() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
  if (eventFd_ >= 0) ::close(eventFd_);
}

std::uint64_t PinVerifier::submit(std::string hash, std::string pin, bool decoy) {
  std::uint64_t number = 0;
  {
    std::lock_guard lock(mutex_);
    number = nextJob_++;
    jobs_.push_back(Job{number, std::move(hash), std::move(pin), decoy});
  }
  wake_.notify_one();
  return number;
}

std::vector<PinVerifier::Answer> PinVerifier::takeAnswers() {
  std::uint64_t count = 0;
  [[maybe_unused]] const auto n = ::read(eventFd_, &count, sizeof count);  // clears readability
  std::lock_guard lock(mutex_);
  std::vector<Answer> ready;
  ready.swap(answers_);
  return ready;
}

void PinVerifier::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    const bool matches = verify_ && verify_(job.hash, job.pin) && !job.decoy;
    {
      std::lock_guard lock(mutex_);
      answers_.push_back(Answer{job.number, matches});
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(eventFd_, &one, sizeof one);
  }
}

}  // namespace jiujin::service::detail
