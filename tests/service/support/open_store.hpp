#pragma once
// A hall database opened through the store, for unit tests of the service's parts that keep
// rows in it (alarms, audit record): `commit()` ends the batch those parts wrote into.
#include <filesystem>
#include <memory>

#include <gtest/gtest.h>

#include "jiujin/core/hall.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::testing {

class OpenStore {
 public:
  explicit OpenStore(const std::filesystem::path& file) {
    auto opened = store::HallStore::open(file);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().message);
    store_ = std::move(opened).value();
    auto recovered = store_->recover(core::HallDefinition{});
    EXPECT_TRUE(recovered.ok());
    hall_ = std::make_unique<core::Hall>(std::move(recovered).value().hall);
  }
  store::HallStore& store() { return *store_; }
  /// Commits what the batch holds, with `records` beside it.
  void commit(const store::BatchRecords& records = {}) {
    auto done = store_->append({}, *hall_, records);
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

 private:
  std::unique_ptr<store::HallStore> store_;
  std::unique_ptr<core::Hall> hall_;
};

}  // namespace jiujin::testing
