// A dispatcher-like child process appends and acknowledges over a pipe and is killed with
// SIGKILL at random moments. After each kill the store must hold every acknowledged
// ticket, nothing half-written, and numbering must continue without repeats.
// 20 kills by default; JIUJIN_LONG_TESTS=1 runs 200.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <random>

#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/store/database.hpp"
#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

constexpr Date kFirstDay = 2024y / 3 / 11;

/// The child: recover, then issue tickets (and serve some) forever, one command per
/// commit, writing "<request key>\n" to `ackFd` only after the commit returned.
[[noreturn]] void dispatcherChild(const std::filesystem::path& path, int ackFd, int startKey) {
  StoreOptions options;
  options.snapshotEvery = 25;  // snapshots happen often, so kills land inside them too
  auto store = HallStore::open(path, options);
  if (!store.ok()) ::_exit(10);
  auto recovered = store.value()->recover(townshipHall());
  if (!recovered.ok()) ::_exit(11);
  Hall hall = std::move(recovered.value().hall);
  auto commit = [&](const Command& c, TimePoint now) {
    auto r = hall.execute(c, now);
    if (!r.ok() || r.value().empty()) return false;
    if (!store.value()->append(r.value(), hall).ok()) ::_exit(12);
    return true;
  };
  Date day = hall.state().day.value_or(kFirstDay);
  int minute = static_cast<int>(hall.state().tickets.size());
  if (!hall.state().open) {
    commit(cmd::OpenDay{day}, morning(day, 0));
  }
  if (!hall.state().windows.at(1).clerk) commit(cmd::ClerkLogin{1, "张敏"}, morning(day, 0));
  if (hall.state().windows.at(1).state == WindowState::Closed) commit(cmd::OpenWindow{1}, morning(day, 0));
  for (int key = startKey;; ++key) {
    if (hall.state().lastSequence.contains("general") && hall.state().lastSequence.at("general") >= 990) {
      // numbers run out at 999 per queue and day: move on to the next day
      commit(cmd::CloseDay{}, morning(day, ++minute));
      day = Date{std::chrono::sys_days{day} + std::chrono::days{1}};
      minute = 0;
      commit(cmd::OpenDay{day}, morning(day, 0));
    }
    const std::string requestKey = "k" + std::to_string(key);
    if (!commit(cmd::IssueTicket{"GAOLING", Channel::Kiosk, PriorityClass::Normal, std::nullopt, requestKey},
                morning(day, ++minute))) {
      ::_exit(13);
    }
    const std::string ack = requestKey + "\n";
    if (::write(ackFd, ack.data(), ack.size()) != static_cast<ssize_t>(ack.size())) ::_exit(14);
    if (key % 3 == 0) {  // serve one now and then, so tickets change state too
      commit(cmd::CallNext{1}, morning(day, minute));
      commit(cmd::StartService{1}, morning(day, minute));
      commit(cmd::Complete{1}, morning(day, minute));
    }
  }
}

/// Reads acknowledgements until `wanted` arrived (or the child died); returns the keys.
std::vector<std::string> readAcks(int fd, int wanted, std::string& partial) {
  std::vector<std::string> keys;
  char buffer[256];
  while (static_cast<int>(keys.size()) < wanted) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10'000) <= 0) break;  // bounded: a stuck child fails the test below
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    partial.append(buffer, static_cast<std::size_t>(n));
    for (std::size_t nl; (nl = partial.find('\n')) != std::string::npos;) {
      keys.push_back(partial.substr(0, nl));
      partial.erase(0, nl + 1);
    }
  }
  return keys;
}

TEST(StoreCrash, EveryAcknowledgedTicketSurvivesSigkillAtRandomMoments) {
  const char* longTests = std::getenv("JIUJIN_LONG_TESTS");
  const int kills = longTests != nullptr && std::string(longTests) == "1" ? 200 : 20;
  TempFolder dir;
  const auto path = dir / "hall.db";
  std::mt19937 random{std::random_device{}()};
  std::set<std::string> acknowledged;
  int nextKey = 0;

  for (int round = 0; round < kills; ++round) {
    int pipeFds[2];
    ASSERT_EQ(::pipe(pipeFds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(pipeFds[0]);
      dispatcherChild(path, pipeFds[1], nextKey);
    }
    ::close(pipeFds[1]);
    // Kill after a random number of acknowledgements: the child is then somewhere in
    // its next command, snapshot or commit.
    std::string partial;
    const auto keys = readAcks(pipeFds[0], std::uniform_int_distribution<int>(0, 40)(random), partial);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    // Acks written before the kill may still sit in the pipe: they count too.
    auto rest = readAcks(pipeFds[0], 1'000'000, partial);
    ::close(pipeFds[0]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child stopped by itself with code " << WEXITSTATUS(status);
    acknowledged.insert(keys.begin(), keys.end());
    acknowledged.insert(rest.begin(), rest.end());
    nextKey += static_cast<int>(keys.size() + rest.size()) + 1;  // never reuse a key that may be half-issued

    // Recover as the restarted dispatcher would.
    auto store = HallStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto recovered = store.value()->recover(townshipHall());
    ASSERT_TRUE(recovered.ok()) << recovered.error().message;
    const auto& state = recovered.value().hall.state();
    // The report table was written in the same transactions as the journal: it must
    // agree with the replayed state on every ticket of the open day.
    auto db = Database::open(path, Database::Mode::OpenExisting);
    ASSERT_TRUE(db.ok());
    std::set<std::string> storedKeys;
    {
      auto q = db.value().prepare("SELECT request_key, state, day FROM ticket");
      ASSERT_TRUE(q.ok());
      while (q.value().step().value()) storedKeys.insert(q.value().text(0));
    }
    for (const auto& key : acknowledged) ASSERT_TRUE(storedKeys.contains(key)) << "acknowledged " << key << " was lost";
    std::set<std::string> numbers;
    for (const auto& [id, t] : state.tickets) {
      EXPECT_TRUE(numbers.insert(t.number).second) << "number " << t.number << " given twice";
      EXPECT_TRUE(storedKeys.contains(t.requestKey));
    }
    const auto reportRows = db.value().queryInteger(
        "SELECT count(*) FROM ticket WHERE day = '" + protocol::dateToString(state.day.value_or(kFirstDay)) + "'");
    ASSERT_TRUE(reportRows.ok());
    EXPECT_EQ(static_cast<std::size_t>(reportRows.value()), state.tickets.size());
    if (state.lastSequence.contains("general")) {
      EXPECT_EQ(state.lastSequence.at("general"), static_cast<int>(state.tickets.size()))
          << "numbering has a gap or a repeat";
    }
  }
  EXPECT_GT(acknowledged.size(), 0u);
}

}  // namespace
}  // namespace jiujin::store
