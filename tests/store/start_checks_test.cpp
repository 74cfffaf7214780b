// The store refuses, at start, a database the hall could not save to or that is not a hall
// database — with a message that says what the file is — and leaves the file exactly as it
// was. A new hall is made only where no file exists.
#include <grp.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "jiujin/store/database.hpp"
#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

constexpr uid_t kNobody = 65534;

/// The outcome of HallStore::open, as far as a test needs it.
struct Opened {
  bool ok = false;
  StoreError error;
};

Opened outcomeOf(const StoreResult<std::unique_ptr<HallStore>>& store) {
  return store.ok() ? Opened{true, {}} : Opened{false, store.error()};
}

/// Tests often run as root, for whom no file is read-only. So the files of `dir` go to an
/// ordinary user (nobody), and openAsOrdinaryUser() opens as that user; run as anyone else,
/// both act as that user.
void handToOrdinaryUser(const std::filesystem::path& dir) {
  if (::geteuid() != 0) return;
  ASSERT_EQ(::chown(dir.c_str(), kNobody, kNobody), 0);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ASSERT_EQ(::chown(entry.path().c_str(), kNobody, kNobody), 0);
  }
}

Opened openAsOrdinaryUser(const std::filesystem::path& path) {
  if (::geteuid() != 0) return outcomeOf(HallStore::open(path));
  int fds[2];
  if (::pipe(fds) != 0) return {false, {StoreErrorCode::Other, "pipe failed"}};
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(fds[0]);
    if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(3);
    const Opened opened = outcomeOf(HallStore::open(path));
    const std::string answer =
        opened.ok ? std::string("ok") : std::to_string(static_cast<int>(opened.error.code)) + "\n" + opened.error.message;
    const bool written = ::write(fds[1], answer.data(), answer.size()) == static_cast<ssize_t>(answer.size());
    ::_exit(written ? 0 : 4);
  }
  ::close(fds[1]);
  std::string answer;
  char buffer[1024];
  for (;;) {
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, 30'000) <= 0) break;  // bounded: a hung child fails the test below
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return {false, {StoreErrorCode::Other, "the child running as nobody failed: " + answer}};
  }
  if (answer == "ok") return {true, {}};
  const auto newline = answer.find('\n');
  return {false, {static_cast<StoreErrorCode>(std::stoi(answer.substr(0, newline))), answer.substr(newline + 1)}};
}

/// Gives a folder its write permission back when the test ends, so it can be removed.
class WritableAgainAtEnd {
 public:
  explicit WritableAgainAtEnd(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~WritableAgainAtEnd() { ::chmod(dir_.c_str(), 0755); }
  WritableAgainAtEnd(const WritableAgainAtEnd&) = delete;
  WritableAgainAtEnd& operator=(const WritableAgainAtEnd&) = delete;

 private:
  std::filesystem::path dir_;
};

std::int64_t fileUserVersion(const std::filesystem::path& path, const std::string& change) {
  auto db = Database::open(path, Database::Mode::OpenExisting);
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE(db.value().exec(change).ok());
  return db.value().queryInteger("PRAGMA user_version").value();
}

// --- read-only ---------------------------------------------------------------------------

TEST(StoreStart, OrdinaryUserOpensAHallDatabaseThatIsTheirs) {
  // (the check the read-only tests below rest on: that user can open a writable hall)
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  handToOrdinaryUser(dir.path());
  const Opened opened = openAsOrdinaryUser(path);
  EXPECT_TRUE(opened.ok) << opened.error.message;
}

TEST(StoreStart, ReadOnlyDatabaseFileIsRefusedAndLeftUnchanged) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  handToOrdinaryUser(dir.path());
  ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
  const std::string bytes = bytesOf(path);

  const Opened opened = openAsOrdinaryUser(path);
  ASSERT_FALSE(opened.ok);
  EXPECT_EQ(opened.error.code, StoreErrorCode::ReadOnly) << opened.error.message;
  EXPECT_EQ(opened.error.message,
            path.string() + " is read-only: the hall cannot save anything; check its owner and permissions");
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreStart, DatabaseInAReadOnlyFolderIsRefusedBecauseTheWalCannotBeCreated) {
  // The file and its lock file are writable (left from an earlier run), the folder is not:
  // SQLite cannot create hall.db-wal, and every commit would fail.
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  ASSERT_TRUE(std::filesystem::exists(dir / "hall.db.lock"));
  ASSERT_FALSE(std::filesystem::exists(dir / "hall.db-wal"));
  handToOrdinaryUser(dir.path());
  const WritableAgainAtEnd restore(dir.path());
  ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
  const std::string bytes = bytesOf(path);

  const Opened opened = openAsOrdinaryUser(path);
  ASSERT_FALSE(opened.ok);
  EXPECT_EQ(opened.error.code, StoreErrorCode::ReadOnly) << opened.error.message;
  EXPECT_EQ(opened.error.message.rfind("the folder " + dir.path().string() + " is read-only", 0), 0u)
      << opened.error.message;
  EXPECT_NE(opened.error.message.find("cannot save anything"), std::string::npos) << opened.error.message;
  EXPECT_EQ(bytesOf(path), bytes);
  EXPECT_FALSE(std::filesystem::exists(dir / "hall.db-wal"));
}

TEST(StoreStart, WalLeftBySomeoneElseIsRefusedWithTheWalNamed) {
  // The dispatcher once ran as another user (root) and died: hall.db-wal and hall.db-shm are
  // theirs. The database and its folder are writable, but no commit could be.
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  const pid_t crashed = ::fork();
  if (crashed == 0) {
    auto db = Database::open(path, Database::Mode::OpenExisting);
    const bool written = db.ok() && db.value().exec("PRAGMA user_version = " + std::to_string(HallStore::schemaVersion())).ok();
    ::_exit(written ? 0 : 1);  // without closing: the -wal and -shm stay
  }
  int status = 0;
  ASSERT_EQ(::waitpid(crashed, &status, 0), crashed);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_TRUE(std::filesystem::exists(dir / "hall.db-wal"));
  if (::geteuid() == 0) {
    ASSERT_EQ(::chown(dir.path().c_str(), kNobody, kNobody), 0);
    ASSERT_EQ(::chown(path.c_str(), kNobody, kNobody), 0);
    ASSERT_EQ(::chown((dir / "hall.db.lock").c_str(), kNobody, kNobody), 0);
  } else {
    ASSERT_EQ(::chmod((dir / "hall.db-wal").c_str(), 0444), 0);
    ASSERT_EQ(::chmod((dir / "hall.db-shm").c_str(), 0444), 0);
  }
  const std::string bytes = bytesOf(path);
  const std::string walBytes = bytesOf(dir / "hall.db-wal");

  const Opened opened = openAsOrdinaryUser(path);
  ASSERT_FALSE(opened.ok);
  EXPECT_EQ(opened.error.code, StoreErrorCode::ReadOnly) << opened.error.message;
  EXPECT_EQ(opened.error.message.rfind("hall.db-wal or hall.db-shm beside " + path.string() + " cannot be written", 0),
            0u)
      << opened.error.message;
  EXPECT_EQ(bytesOf(path), bytes);
  EXPECT_EQ(bytesOf(dir / "hall.db-wal"), walBytes);
}

TEST(StoreStart, NewHallInAReadOnlyFolderIsRefusedWithTheFolderNamed) {
  TempFolder dir;
  handToOrdinaryUser(dir.path());
  const WritableAgainAtEnd restore(dir.path());
  ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);

  const Opened opened = openAsOrdinaryUser(dir / "hall.db");
  ASSERT_FALSE(opened.ok);
  EXPECT_EQ(opened.error.code, StoreErrorCode::ReadOnly) << opened.error.message;
  EXPECT_EQ(opened.error.message.rfind("the folder " + dir.path().string() + " is read-only", 0), 0u)
      << opened.error.message;
}

// --- what the file is ----------------------------------------------------------------------

TEST(StoreStart, EmptyFileIsRefusedAndNotTakenForANewHall) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  writeBytes(path, "");

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_EQ(store.error().message.rfind(path.string() + " is an empty file (0 bytes), not a hall database; "
                                                        "it was left untouched.", 0),
            0u)
      << store.error().message;
  EXPECT_NE(store.error().message.find("a new hall is created only where no file exists"), std::string::npos);
  EXPECT_EQ(std::filesystem::file_size(path), 0u);
  EXPECT_FALSE(std::filesystem::exists(dir / "hall.db-wal"));
}

TEST(StoreStart, EmptySqliteDatabaseIsRefusedAsNotAHallDatabase) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  {
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value().exec("CREATE TABLE scratch(x); DROP TABLE scratch").ok());
  }
  const std::string bytes = bytesOf(path);
  ASSERT_GT(bytes.size(), 0u);

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_EQ(store.error().message.rfind(path.string() + " is an empty SQLite database, not a hall database", 0), 0u)
      << store.error().message;
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreStart, NegativeSchemaVersionIsRefusedAsNoJiujinsFile) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  ASSERT_EQ(fileUserVersion(path, "PRAGMA user_version = -1"), -1);
  const std::string bytes = bytesOf(path);

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_EQ(store.error().message, path.string() + " has schema version -1, which no Jiujin ever wrote: it is not a "
                                                   "hall database or it is damaged; it was left untouched");
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreStart, SchemaVersionOneWithoutTheHallTablesIsRefusedAsAnotherProgramsFile) {
  TempFolder dir;
  const auto path = dir / "contacts.db";
  {
    auto db = Database::open(path, Database::Mode::CreateIfMissing);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value().exec("CREATE TABLE contacts(name TEXT); PRAGMA user_version = 1").ok());
  }
  const std::string bytes = bytesOf(path);

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_EQ(store.error().message,
            path.string() + " has schema version 1 but lacks journal, snapshot of that version's layout: it is "
                            "another program's database or a damaged hall database; it was left untouched");
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreStart, HallDatabaseThatLostATableIsRefusedWithTheTableNamed) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  ASSERT_EQ(fileUserVersion(path, "DROP TABLE ticket"), HallStore::schemaVersion());
  const std::string bytes = bytesOf(path);

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_NE(store.error().message.find("lacks ticket of that version's layout"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(bytesOf(path), bytes);
}

TEST(StoreStart, HallDatabaseThatLostAColumnIsRefusedWithTheColumnNamed) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  makeHallDatabase(path);
  fileUserVersion(path, "ALTER TABLE ticket DROP COLUMN request_key");
  const std::string bytes = bytesOf(path);

  auto store = HallStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, StoreErrorCode::NotADatabase);
  EXPECT_NE(store.error().message.find("lacks ticket.request_key"), std::string::npos) << store.error().message;
  EXPECT_EQ(bytesOf(path), bytes);
}

// --- a new hall ------------------------------------------------------------------------------

TEST(StoreStart, NewHallAppearsWholeAndAnInterruptedCreationIsCleanedUp) {
  TempFolder dir;
  const auto path = dir / "hall.db";
  // What a crash halfway through an earlier creation left behind.
  writeBytes(dir / "hall.db.creating", "SQLite format 3");
  writeBytes(dir / "hall.db.creating-journal", "half a journal");

  auto store = HallStore::open(path);
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir / "hall.db.creating"));
  EXPECT_FALSE(std::filesystem::exists(dir / "hall.db.creating-journal"));
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  EXPECT_EQ(recovered.value().lastSeq, 0);
  store.value().reset();

  // And the file is a hall database from the start: it opens again as one.
  EXPECT_TRUE(HallStore::open(path).ok());
}

}  // namespace
}  // namespace jiujin::store
