#pragma once
// The residents' pages as text: HTML rendered here, one style sheet and one small script
// embedded in the binary (no CDN, no outside font: the phone's own fonts). Chinese first,
// English with ?lang=en. Every word a page shows is chosen here, in C++, so the script only
// puts the server's words in place (static/status.js) and the tests read them.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/web/ticket_view.hpp"

namespace jiujin::web {

enum class Lang { Zh, En };

/// "lang=en" anywhere in the query string → English; anything else → Chinese.
Lang langOf(std::string_view query);
std::string htmlEscape(std::string_view text);

/// The big line and the small line of the status page, e.g. "请到3号窗口" / "A017 · 户籍业务".
struct Wording {
  std::string headline;
  std::string detail;
};
Wording wordingOf(const TicketView& view, Lang lang);

/// What an SSE "status" event carries: the view, its wording, and whether the figures are live.
nlohmann::json statusMessage(const TicketView& view, Lang lang, bool live);

/// The follow-your-ticket page (/t/<token>), rendered with its first state; the script then
/// follows /t/<token>/events.
/// `csrf`: the rating form's token for this ticket token (web_server.cpp), sent back with it.
std::string statusPage(Lang lang, const std::string& hallName, const std::string& token, const TicketView& view,
                       bool live, const std::string& csrf = {});
/// A rating level in the pad's words (非常满意 … 非常不满意) or in English.
std::string ratingWords(core::Rating rating, Lang lang);

/// The item guide (办事指南): the hall file's catalog with where and when, read before coming.
struct GuideItem {
  core::ServiceItem item;
  std::string queueName;             ///< the window group
  std::vector<std::string> windows;  ///< the windows whose profile serves its queue
  bool bookable = false;             ///< a [[booking.session]] takes it: the page offers 预约
};
struct Guide {
  std::string hoursZh;  ///< the opening hours in words (config::describeHoursZh)
  std::string hoursEn;
  std::vector<GuideItem> items;  ///< catalog order
};
/// Today's waiting figures per item code, from the hall as the mirror holds it; empty when
/// the hall is not known (the pages then show "—").
using ItemFigures = std::map<core::ItemCode, core::WaitEstimate>;

/// "%E6%88%B7+x" → "户 x"; malformed escapes are kept as they are.
std::string urlDecode(std::string_view text);
/// The value of `key` in a query string, decoded; empty when absent.
std::string queryValue(std::string_view query, std::string_view key);

/// / — the items by category, with a search box (`q`: a substring of name, category or code).
std::string guidePage(Lang lang, const std::string& hallName, const Guide& guide, const ItemFigures& figures,
                      const std::string& search);
/// /items/<code> — one item: materials (一次性告知), fees, time limit, scope, where, when, basis,
/// today's waiting.
std::string itemPage(Lang lang, const std::string& hallName, const Guide& guide, const GuideItem& item,
                     const ItemFigures& figures);

/// A page for a refusal: the status code's meaning in words and what to do, never a stack.
/// RatingRefused: already rated, or the rating period is over (409); StalePage: a form whose
/// CSRF token or origin does not match (403).
enum class Problem { UnknownToken, NotFound, TooMany, TooLarge, BadRequest, Unavailable, Busy, RatingRefused, StalePage };
int httpStatusOf(Problem problem);
std::string problemPage(Lang lang, const std::string& hallName, Problem problem);

/// The parts every page shares: <head> with the style sheet, and the top bar.
std::string pageHead(Lang lang, std::string_view title);
std::string pageTopBar(Lang lang, const std::string& hallName);

std::string_view styleSheet();
std::string_view statusScript();

}  // namespace jiujin::web
