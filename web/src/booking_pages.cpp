#include "jiujin/web/booking_pages.hpp"

#include <chrono>
#include <memory>

#include <fmt/format.h>
#include <qrencode.h>

namespace jiujin::web {
namespace {

bool zh(Lang lang) { return lang == Lang::Zh; }
std::string langSuffix(Lang lang) { return zh(lang) ? "" : "?lang=en"; }

/// "2026-12-07" → "12月7日 周一" / "Mon 7 Dec"; the text as it came when it does not parse.
std::string dayWords(const std::string& date, Lang lang) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return date;
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!day.ok()) return date;
  const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{day}}.iso_encoding();
  static const char* zhDays[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static const char* enDays[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* enMonths[] = {"", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (zh(lang)) return fmt::format("{}月{}日 {}", m, d, zhDays[weekday]);
  return fmt::format("{} {} {}", enDays[weekday], d, m <= 12 ? enMonths[m] : "");
}

std::string text(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

/// "09:00" of a slot or booking's start minus `earlyMinutes`, from its ms fields.
std::string clockOf(std::int64_t ms) {
  const auto minutes = (ms / 60000) % (24 * 60);
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

}  // namespace

std::string groupedCode(const std::string& code) {
  if (code.size() != 8) return code;
  return code.substr(0, 4) + " " + code.substr(4);
}

std::string qrSvg(const std::string& content) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(content.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) return {};
  const int width = qr->width;
  const int quiet = 4;  // the quiet zone scanners need
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if (!(qr->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (qr->data[y * width + x + run] & 1)) ++run;
      path += fmt::format("M{} {}h{}v1h-{}z", x + quiet, y + quiet, run, run);
      x += run;
    }
  }
  const int size = width + 2 * quiet;
  return fmt::format("<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" "
                     "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\"><rect width=\"{0}\" height=\"{0}\" "
                     "fill=\"#fff\"/><path d=\"{1}\" fill=\"#000\"/></svg>",
                     size, path);
}

std::string bookingPage(Lang lang, const std::string& hallName, const GuideItem& g, const nlohmann::json& slots,
                        const std::string& csrf, const std::string& error) {
  const core::ServiceItem& item = g.item;
  std::string page = pageHead(lang, zh(lang) ? "预约办理" : "Book a visit");
  page += "<body>\n" + pageTopBar(lang, hallName);
  page += fmt::format("<main class=\"page booking-page\"><p><a href=\"/items/{}{}\">← {}</a></p><h1>{}</h1>\n"
                      "<p class=\"item-name\">{}</p>\n",
                      htmlEscape(item.code), langSuffix(lang), zh(lang) ? "事项说明" : "About this item",
                      zh(lang) ? "预约办理" : "Book a visit", htmlEscape(item.name));
  if (!error.empty()) page += fmt::format("<p class=\"error\" role=\"alert\">{}</p>\n", htmlEscape(error));
  const auto days = slots.find("days");
  bool any = false;
  if (days != slots.end() && days->is_array())
    for (const auto& d : *days) any = any || (d.contains("slots") && !d["slots"].empty());
  if (!any) {
    page += fmt::format("<p class=\"none\">{}</p>\n",
                        zh(lang) ? "近期没有可预约的时段。不预约也可以办理：请在办理时间到大厅现场取号。"
                                 : "No slot can be booked in the coming days. You can still come without booking: "
                                   "take a ticket in the hall during opening hours.");
    page += "</main>\n</body></html>\n";
    return page;
  }
  page += fmt::format("<form method=\"post\" action=\"/book/{}{}\">\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n",
                      htmlEscape(item.code), langSuffix(lang), htmlEscape(csrf));
  page += fmt::format("<h2>{}</h2>\n", zh(lang) ? "1. 选择时段" : "1. Choose a time");
  for (const auto& d : *days) {
    if (!d.contains("slots") || d["slots"].empty()) continue;
    page += fmt::format("<fieldset class=\"day\"><legend>{}</legend>\n", htmlEscape(dayWords(text(d, "date"), lang)));
    for (const auto& s : d["slots"]) {
      const auto free = number(s, "free");
      const std::string left = free <= 0 ? (zh(lang) ? "已约满" : "Full")
                                         : (zh(lang) ? fmt::format("余 {} 个", free) : fmt::format("{} left", free));
      page += fmt::format("<label class=\"slot{}\"><input type=\"radio\" name=\"slot\" value=\"{}\" required{}> "
                          "<span class=\"time\">{}–{}</span> <span class=\"left\">{}</span></label>\n",
                          free <= 0 ? " full" : "", number(s, "start"), free <= 0 ? " disabled" : "",
                          htmlEscape(text(s, "from")), htmlEscape(text(s, "to")), left);
    }
    page += "</fieldset>\n";
  }
  page += fmt::format("<h2>{}</h2>\n<label class=\"phone\" for=\"phone\">{}</label>\n"
                      "<input id=\"phone\" name=\"phone\" type=\"tel\" inputmode=\"numeric\" autocomplete=\"tel\" "
                      "pattern=\"1[3-9][0-9]{{9}}\" maxlength=\"11\" required placeholder=\"{}\">\n"
                      "<p class=\"hint\">{}</p>\n",
                      zh(lang) ? "2. 填写手机号码" : "2. Your mobile number", zh(lang) ? "手机号码" : "Mobile number",
                      zh(lang) ? "11 位手机号" : "11 digits",
                      zh(lang) ? "手机号只用来限制重复预约，不会显示在任何页面上，也不会发短信。"
                               : "The number only limits repeated bookings: it is shown on no page and no SMS is sent.");
  page += fmt::format("<p><button class=\"button\" type=\"submit\">{}</button></p>\n</form>\n",
                      zh(lang) ? "确认预约" : "Book");
  const auto perPhone = number(slots, "per_phone_per_day");
  const auto early = number(slots, "early_minutes");
  const auto late = number(slots, "late_minutes");
  const bool walkIn = text(slots, "late") != "refuse";
  page += fmt::format(
      "<p class=\"rules\">{}</p>\n",
      zh(lang) ? fmt::format("每个手机号每天最多预约 {} 次。请在预约时段开始前 {} 分钟内到大厅，在取号机上点“预约签到”取号；"
                             "迟到超过 {} 分钟{}。",
                             perPhone, early, late, walkIn ? "按现场取号排队" : "预约失效，请现场取号")
               : fmt::format("One phone number may book {} times a day. Come to the hall within {} minutes before "
                             "your time and press “Check in” at the ticket kiosk; more than {} minutes late, {}.",
                             perPhone, early, late,
                             walkIn ? "you queue like everyone without a booking" : "the booking lapses: take a ticket"));
  page += "</main>\n</body></html>\n";
  return page;
}

std::string bookedPage(Lang lang, const std::string& hallName, const nlohmann::json& b, const std::string& csrf,
                       const std::string& notice) {
  const std::string state = text(b, "state");
  const std::string code = text(b, "code");
  const char* title = nullptr;
  if (state == "cancelled") {
    title = zh(lang) ? "预约已取消" : "Booking cancelled";
  } else if (state == "checked_in") {
    title = zh(lang) ? "已签到" : "Checked in";
  } else if (state == "missed") {
    title = zh(lang) ? "预约已过期" : "Booking expired";
  } else {
    title = zh(lang) ? "预约成功" : "Booked";
  }
  std::string page = pageHead(lang, title);
  page += "<body>\n" + pageTopBar(lang, hallName);
  page += fmt::format("<main class=\"page booked-page {}\"><h1>{}</h1>\n", htmlEscape(state), title);
  if (!notice.empty()) page += fmt::format("<p class=\"error\" role=\"alert\">{}</p>\n", htmlEscape(notice));
  page += fmt::format("<p class=\"code-label\">{}</p><p class=\"booking-code\">{}</p>\n",
                      zh(lang) ? "预约码" : "Booking code", htmlEscape(groupedCode(code)));
  if (state == "booked") page += "<div class=\"qr-box\">" + qrSvg(code) + "</div>\n";
  page += "<dl class=\"facts\">\n";
  const auto row = [&](const char* zhLabel, const char* enLabel, const std::string& value) {
    page += fmt::format("<dt>{}</dt><dd>{}</dd>\n", zh(lang) ? zhLabel : enLabel, htmlEscape(value));
  };
  row("事项", "Item", text(b, "item_name"));
  row("日期", "Day", dayWords(text(b, "date"), lang));
  row("时段", "Time", text(b, "from") + "–" + text(b, "to"));
  if (state == "booked")
    row("签到", "Check in", zh(lang) ? fmt::format("{} 起，在取号机点“预约签到”", clockOf(number(b, "check_in_from")))
                                     : fmt::format("from {}, at the ticket kiosk: “Check in”", clockOf(number(b, "check_in_from"))));
  if (state == "checked_in" && b.contains("ticket") && b["ticket"].is_string())
    row("号票", "Ticket", b["ticket"].get<std::string>());
  page += "</dl>\n";
  if (state == "booked") {
    page += fmt::format("<p class=\"hint\">{}</p>\n",
                        zh(lang) ? "请截图保存本页。到大厅后在取号机上点“预约签到”，扫描上面的二维码或输入预约码。"
                                 : "Keep a screenshot of this page. At the hall, press “Check in” at the ticket kiosk "
                                   "and scan the code above or key in the booking code.");
    page += fmt::format("<form method=\"post\" action=\"/b/{}/cancel{}\"><input type=\"hidden\" name=\"csrf\" "
                        "value=\"{}\"><button class=\"button secondary\" type=\"submit\">{}</button></form>\n",
                        htmlEscape(code), langSuffix(lang), htmlEscape(csrf), zh(lang) ? "取消预约" : "Cancel the booking");
  } else if (state == "missed" || state == "cancelled") {
    page += fmt::format("<p class=\"hint\">{}</p>\n",
                        zh(lang) ? "不预约也可以办理：请在办理时间到大厅现场取号。"
                                 : "You can still come without booking: take a ticket in the hall.");
  }
  page += fmt::format("<p><a href=\"/{}\">{}</a></p>\n</main>\n</body></html>\n", langSuffix(lang),
                      zh(lang) ? "办事指南" : "Service guide");
  return page;
}

}  // namespace jiujin::web
