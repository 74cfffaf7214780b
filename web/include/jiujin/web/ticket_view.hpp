#pragma once
// What a resident's phone shows about one ticket, read from the client's copy of the hall.
// Pure: the hall and the time are passed in; no I/O. The page is pushed a new view whenever
// this changes (web_server.cpp), so equality is what decides whether anything is sent.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/core/hall.hpp"

namespace jiujin::web {

/// The ticket's place as the resident reads it; the page words each one (static/status.js).
enum class Phase {
  Waiting,      ///< 等候中: people ahead and the expected wait
  Called,       ///< 请到N号窗口 — the moment the page exists for
  Serving,      ///< 正在办理
  Done,         ///< 已办结 (the rating offer follows)
  Missed,       ///< 已过号: a no-show
  Cancelled,    ///< 已取消 (cancelled, or expired at the day's end)
  Gone,         ///< not in today's hall any more (a new day began)
};

const char* toString(Phase phase);

struct TicketView {
  Phase phase = Phase::Gone;
  std::string number;       ///< "A017" (the ticket it is now, after a transfer)
  std::string item;         ///< the item's name
  std::string queue;        ///< the queue's name
  int peopleAhead = 0;      ///< Waiting only
  std::int64_t waitSeconds = 0;  ///< Waiting only
  int window = 0;           ///< Called, Serving, Done, Missed: the window
  std::string windowName;
  int recalls = 0;          ///< a recall pushes the page again
  bool transferred = false;  ///< the ticket was passed on to another queue or window
  bool canRate = false;      ///< Done, and the window's pad still awaits its rating (评价二维码)
  std::string rating;        ///< the level it was rated ("satisfied"…), pad or phone; empty if not
  bool operator==(const TicketView&) const = default;
};

/// The view of `ticket` in `hall` at `now`; a transferred ticket is followed to the ticket it
/// became. A ticket the hall does not hold is Gone.
TicketView viewOf(const core::Hall& hall, core::TicketId ticket, core::TimePoint now);

/// {"phase":"called","number":"A017","window":3,…}: what the page's script reads.
nlohmann::json toJson(const TicketView& view);

}  // namespace jiujin::web
