#include "pin_lockout.hpp"

#include <fmt/format.h>

namespace jiujin::service::detail {

ServiceError clerkLocked(const std::string& clerk) {
  return {"clerk_locked", fmt::format("工号 {} 因连续输错密码已被锁定，请联系大厅管理员解锁", clerk),
          fmt::format("clerk {} is locked after too many wrong PINs: ask the hall manager to unlock it", clerk)};
}

ServiceError refusalOf(const PinThrottle::Refusal& refusal, const std::string& clerk) {
  if (refusal.kind == PinThrottle::Refusal::Kind::Locked) return clerkLocked(clerk);
  const auto seconds = refusal.wait.count();
  if (refusal.byClient) {
    return {"pin_backoff", fmt::format("本终端密码错误次数过多，请 {} 秒后再试", seconds),
            fmt::format("too many wrong PINs from this terminal: try again in {} s", seconds)};
  }
  return {"pin_backoff", fmt::format("工号 {} 密码错误次数过多，请 {} 秒后再试", clerk, seconds),
          fmt::format("too many wrong PINs for clerk {}: try again in {} s", clerk, seconds)};
}

Alarm clerkLockedAlarm(const std::string& clerk, core::WindowNumber window, int wrongPins, core::TimePoint at) {
  // The same words whether or not the id is a clerk of this hall: alarms are published, and
  // a guesser must not learn which ids exist from them.
  if (window == 0) {  // a manager's PIN, typed at a monitor (manager_login)
    return Alarm{.kind = "clerk_locked",
                 .at = at,
                 .zh = fmt::format("工号 {} 在监控台连续 {} 次密码错误，已锁定；核实后可解锁", clerk, wrongPins),
                 .en = fmt::format("{} was locked after {} wrong PINs in a row at a monitor; unlock it once checked",
                                   clerk, wrongPins)};
  }
  return Alarm{.kind = "clerk_locked",
               .at = at,
               .zh = fmt::format("工号 {} 在 {} 号窗口连续 {} 次密码错误，已锁定；核实后可解锁", clerk, window, wrongPins),
               .en = fmt::format("clerk {} was locked after {} wrong PINs in a row at window {}; unlock it once checked",
                                 clerk, wrongPins, window),
               .window = window};
}

Outcome<std::string> clerkToUnlock(const nlohmann::json& body) {
  for (const auto& [key, value] : body.items()) {
    if (key != "clerk") return errors::invalidArgument(fmt::format("unknown field \"{}\" for unlock_clerk", key));
  }
  const auto clerk = body.find("clerk");
  if (clerk == body.end() || !clerk->is_string() || clerk->get_ref<const std::string&>().empty() ||
      clerk->get_ref<const std::string&>().size() > 64)
    return errors::invalidArgument("\"clerk\" must be a clerk id (a string of 1 to 64 bytes)");
  return clerk->get<std::string>();
}

}  // namespace jiujin::service::detail
