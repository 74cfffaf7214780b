// The disk-space alarm (disk_watch.hpp) in the dispatcher's turn: raised like the desk's
// alarms, into the batch; when space returns, the dispatcher acknowledges it in the manager's
// book (by "dispatcher") and every monitor hears `alarm.updated`.
#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

namespace {

std::uint64_t megabytes(std::uint64_t bytes) { return bytes >> 20; }

}  // namespace

void RequestHandler::watchDisk() {
  const DiskWatch::Step step = diskWatch_.check();
  switch (step.change) {
    case DiskWatch::Change::None: return;
    case DiskWatch::Change::Unreadable:
      log::warning("dispatcher.store", "cannot read the free space of {}'s filesystem: the disk is not watched",
                   settings_.database.string());
      return;
    case DiskWatch::Change::Low: {
      Alarm a{.kind = "disk_space_low", .at = now_,
              .zh = fmt::format("数据库所在磁盘仅剩 {} MB（低于 {} MB）：请清理磁盘或转移备份，否则办理将无法记录",
                                megabytes(step.freeBytes), megabytes(diskWatch_.alarmBelowBytes())),
              .en = fmt::format("only {} MB left on the database's disk (below {} MB): free space or move backups "
                                "away before commits start failing",
                                megabytes(step.freeBytes), megabytes(diskWatch_.alarmBelowBytes()))};
      raise(a);
      return;
    }
    case DiskWatch::Change::Returned: {
      log::notice("dispatcher.store", "{} MB free again on the database's disk: disk_space_low cleared",
                  megabytes(step.freeBytes));
      if (!diskAlarm_) return;
      auto cleared = alarmBook_->acknowledge(*diskAlarm_, now_, "dispatcher");
      diskAlarm_.reset();
      if (!cleared) {
        log::error("dispatcher.alarms", "{}", cleared.error().en);
        return;
      }
      news_.emplace_back("alarm.updated", nlohmann::json{{"alarm", toJson(cleared.value())}});
      return;
    }
  }
}

}  // namespace jiujin::service::detail
