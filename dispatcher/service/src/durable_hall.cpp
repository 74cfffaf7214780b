#include "jiujin/service/durable_hall.hpp"

#include <fmt/format.h>

#include "jiujin/store/hall_store.hpp"

namespace jiujin::service {

namespace {
ServiceError fromStoreError(const store::StoreError& error) {
  ServiceError e = errors::storageFailed(error.message);
  if (error.code == store::StoreErrorCode::InUse) {
    e.code = "database_in_use";
    e.zh = fmt::format("大厅数据库正被另一个调度服务使用：{}", error.message);
    e.en = fmt::format("another dispatcher holds the hall's database: {}", error.message);
  }
  return e;
}

/// At start nothing was being saved: say that the hall's database could not be opened or
/// read back, not that a change was refused (the operator reads this in the journal).
ServiceError openingFailed(ServiceError e) {
  if (e.code != "storage_failed") return e;
  e.code = "storage_unusable";
  const auto reason = [](const std::string& text, std::string_view prefix) {
    return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
  };
  e.en = "the hall's database cannot be opened or read back: " + reason(e.en, "could not be saved, nothing changed: ");
  e.zh = "大厅数据库无法打开或读取：" + reason(e.zh, "保存失败，操作未生效：");
  return e;
}
}  // namespace

Outcome<std::unique_ptr<DurableHall>> DurableHall::open(const std::filesystem::path& database,
                                                        const core::HallDefinition& definition,
                                                        bool synchronousFull, int caseArchiveDays) {
  store::StoreOptions options;
  options.caseArchiveDays = caseArchiveDays;
  options.durability = synchronousFull ? store::Durability::Full : store::Durability::Normal;
  auto opened = store::HallStore::open(database, options);
  if (!opened) return openingFailed(fromStoreError(opened.error()));
  std::unique_ptr<DurableHall> hall(new DurableHall(std::move(opened).value(), definition));
  if (auto rebuilt = hall->rebuild(); !rebuilt) return openingFailed(rebuilt.error());
  return hall;
}

DurableHall::DurableHall(std::unique_ptr<store::HallStore> store, core::HallDefinition definition)
    : store_(std::move(store)), definition_(std::move(definition)) {}

DurableHall::~DurableHall() = default;

Outcome<bool> DurableHall::rebuild() {
  auto recovered = store_->recover(definition_);
  if (!recovered) return fromStoreError(recovered.error());
  hall_ = std::make_unique<core::Hall>(std::move(recovered.value().hall));
  lastSeq_ = static_cast<std::uint64_t>(recovered.value().lastSeq);
  return true;
}

Outcome<bool> DurableHall::rollBack(const std::vector<core::Event>& uncommitted) {
  if (auto rebuilt = rebuild(); !rebuilt) return rebuilt.error();
  for (const core::Event& e : uncommitted) hall_->apply(e);
  return true;
}

Outcome<std::uint64_t> DurableHall::commit(const std::vector<core::Event>& events,
                                           const store::BatchRecords& records) {
  auto first = store_->append(events, *hall_, records);
  if (!first) {
    ServiceError error = fromStoreError(first.error());
    if (events.empty()) return error;  // the hall itself did not change
    if (auto rebuilt = rebuild(); !rebuilt) {
      // The journal cannot even be read back: keep serving reads from the hall as it was
      // before the batch is impossible, so say both things.
      error.en += "; recovery also failed: " + rebuilt.error().en;
      error.zh += "；恢复也失败：" + rebuilt.error().zh;
    }
    return error;
  }
  lastSeq_ = static_cast<std::uint64_t>(first.value()) + events.size() - 1;
  return static_cast<std::uint64_t>(first.value());
}

}  // namespace jiujin::service
