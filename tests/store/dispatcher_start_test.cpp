// The real jiujin-dispatcher, started on a database it must refuse, says why on its output,
// exits with 1, and never says READY (a hall that cannot save must not take residents).
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "store_fixtures.hpp"
#include "support/dispatcher_process.hpp"
#include "support/test_hall.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

constexpr uid_t kNobody = 65534;

std::vector<std::string> dispatcherCommand(const TestHall& hall) {
  std::vector<std::string> argv;
  if (::geteuid() == 0) {
    // As root every file is writable: run the dispatcher as an ordinary user, as a hall does.
    argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  for (const std::string& a : {dispatcherBinary().string(), std::string("--config"), hall.hallFile.string(),
                               std::string("--db"), hall.database.string(), std::string("--commands"),
                               std::string("tcp://127.0.0.1:0"), std::string("--events"),
                               std::string("tcp://127.0.0.1:0"), std::string("--hours"), std::string("ignore")}) {
    argv.push_back(a);
  }
  return argv;
}

/// The hall's folder and files belong to the user the dispatcher runs as.
void handToDispatcherUser(const std::filesystem::path& dir) {
  if (::geteuid() != 0) return;
  ASSERT_EQ(::chown(dir.c_str(), kNobody, kNobody), 0);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    ASSERT_EQ(::chown(entry.path().c_str(), kNobody, kNobody), 0);
  }
}

TEST(DispatcherStart, EmptyDatabaseFileStopsTheDispatcherBeforeReady) {
  TempDir dir;
  const TestHall hall = writeTestHall(dir.path());
  writeBytes(hall.database, "");
  handToDispatcherUser(dir.path());

  std::string output;
  EXPECT_EQ(runProgram(dispatcherCommand(hall), output), 1) << output;
  EXPECT_NE(output.find(hall.database.string() + " is an empty file (0 bytes), not a hall database"),
            std::string::npos)
      << output;
  // Nothing was being saved: the log says the database cannot be opened, not that a change failed.
  EXPECT_NE(output.find("the hall's database cannot be opened or read back"), std::string::npos) << output;
  EXPECT_EQ(output.find("could not be saved"), std::string::npos) << output;
  EXPECT_EQ(output.find("READY"), std::string::npos) << output;
  EXPECT_EQ(std::filesystem::file_size(hall.database), 0u);
}

TEST(DispatcherStart, ReadOnlyDatabaseStopsTheDispatcherBeforeReady) {
  TempDir dir;
  const TestHall hall = writeTestHall(dir.path());
  makeHallDatabase(hall.database);
  handToDispatcherUser(dir.path());
  ASSERT_EQ(::chmod(hall.database.c_str(), 0444), 0);
  const std::string bytes = bytesOf(hall.database);

  std::string output;
  EXPECT_EQ(runProgram(dispatcherCommand(hall), output), 1) << output;
  EXPECT_NE(output.find(hall.database.string() + " is read-only: the hall cannot save anything"), std::string::npos)
      << output;
  EXPECT_EQ(output.find("READY"), std::string::npos) << output;
  EXPECT_EQ(bytesOf(hall.database), bytes);
}

}  // namespace
}  // namespace jiujin::store
