#include "jiujin/web/pages.hpp"

#include "jiujin/core/names.hpp"

#include <fmt/format.h>

namespace jiujin::web {
namespace {

bool zh(Lang lang) { return lang == Lang::Zh; }

std::string minutesText(std::int64_t seconds, Lang lang) {
  const std::int64_t minutes = (seconds + 59) / 60;
  if (minutes <= 0) return zh(lang) ? "预计很快轮到您" : "Your turn should come soon";
  return zh(lang) ? fmt::format("预计等候约 {} 分钟", minutes) : fmt::format("Expected wait about {} min", minutes);
}

/// The window's own name, when it says more than its number ("3号窗口" does not).
std::string windowText(const TicketView& v, Lang lang) {
  if (v.windowName.empty() || v.windowName == fmt::format("{}号窗口", v.window)) return {};
  return zh(lang) ? fmt::format("（{}）", v.windowName) : fmt::format(" ({})", v.windowName);
}

/// The five levels in the pad's words (core::zhName), best first.
constexpr core::Rating kLevels[] = {core::Rating::VerySatisfied, core::Rating::Satisfied, core::Rating::Basic,
                                    core::Rating::Dissatisfied, core::Rating::VeryDissatisfied};

/// The other language's link keeps the page and drops the query.
std::string languageLink(Lang lang) { return zh(lang) ? "?lang=en" : "?lang=zh"; }

std::string head(Lang lang, std::string_view title) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\">"
      "<title>{}</title><link rel=\"stylesheet\" href=\"/static/web.css\"></head>\n",
      zh(lang) ? "zh-CN" : "en", htmlEscape(title));
}

std::string topBar(Lang lang, const std::string& hallName) {
  return fmt::format("<header><span class=\"hall\">{}</span><a class=\"lang\" href=\"{}\">{}</a></header>\n",
                     htmlEscape(hallName), languageLink(lang), zh(lang) ? "English" : "中文");
}

}  // namespace

std::string pageHead(Lang lang, std::string_view title) { return head(lang, title); }
std::string pageTopBar(Lang lang, const std::string& hallName) { return topBar(lang, hallName); }

std::string ratingWords(core::Rating rating, Lang lang) {
  if (zh(lang)) return core::zhName(rating);
  switch (rating) {
    case core::Rating::VerySatisfied: return "Very satisfied";
    case core::Rating::Satisfied: return "Satisfied";
    case core::Rating::Basic: return "Basically satisfied";
    case core::Rating::Dissatisfied: return "Dissatisfied";
    case core::Rating::VeryDissatisfied: return "Very dissatisfied";
  }
  return {};
}

Lang langOf(std::string_view query) {
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    if (query.substr(start, end - start) == "lang=en") return Lang::En;
    start = end + 1;
  }
  return Lang::Zh;
}

std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Wording wordingOf(const TicketView& v, Lang lang) {
  switch (v.phase) {
    case Phase::Waiting:
      if (v.peopleAhead <= 0)
        return {zh(lang) ? "下一位就是您" : "You are next", minutesText(v.waitSeconds, lang)};
      return {zh(lang) ? fmt::format("前面还有 {} 人", v.peopleAhead)
                       : fmt::format("{} {} ahead of you", v.peopleAhead, v.peopleAhead == 1 ? "person" : "people"),
              minutesText(v.waitSeconds, lang)};
    case Phase::Called:
      return {zh(lang) ? fmt::format("请到{}号窗口", v.window) : fmt::format("Please go to window {}", v.window),
              zh(lang) ? fmt::format("轮到您了，请尽快前往{}", windowText(v, lang))
                       : fmt::format("It is your turn: please go now{}", windowText(v, lang))};
    case Phase::Serving:
      return {zh(lang) ? fmt::format("正在{}号窗口办理", v.window) : fmt::format("Being served at window {}", v.window),
              zh(lang) ? "请配合工作人员办理" : "The clerk is with you"};
    case Phase::Done:
      if (const auto level = core::parseRating(v.rating))
        return {zh(lang) ? "已办结" : "Completed",
                zh(lang) ? fmt::format("感谢您的评价：{}", ratingWords(*level, lang))
                         : fmt::format("Thank you for your rating: {}", ratingWords(*level, lang))};
      if (v.canRate)
        return {zh(lang) ? "已办结" : "Completed",
                zh(lang) ? "请为本次服务评价" : "Please rate the service you received"};
      return {zh(lang) ? "已办结" : "Completed", zh(lang) ? "感谢您的耐心等候" : "Thank you for waiting"};
    case Phase::Missed:
      return {zh(lang) ? "已过号" : "Missed",
              zh(lang) ? fmt::format("请到{}号窗口或咨询台咨询", v.window)
                       : fmt::format("Please ask at window {} or the information desk", v.window)};
    case Phase::Cancelled:
      return {zh(lang) ? "号票已取消" : "Ticket cancelled",
              zh(lang) ? "如有疑问请到咨询台" : "Please ask at the information desk"};
    case Phase::Gone:
      break;
  }
  return {zh(lang) ? "号票已失效" : "Ticket no longer valid",
          zh(lang) ? "号票只在取号当天有效" : "A ticket is valid on the day it was taken"};
}

nlohmann::json statusMessage(const TicketView& view, Lang lang, bool live) {
  nlohmann::json message = toJson(view);
  const Wording words = wordingOf(view, lang);
  message["headline"] = words.headline;
  message["detail"] = words.detail;
  message["live"] = live;
  if (view.transferred && !view.queue.empty())
    message["note"] = zh(lang) ? fmt::format("已转至{}", view.queue) : fmt::format("Passed on to {}", view.queue);
  return message;
}

std::string statusPage(Lang lang, const std::string& hallName, const std::string& token, const TicketView& view,
                       bool live, const std::string& csrf) {
  const Wording words = wordingOf(view, lang);
  std::string page = head(lang, words.headline);
  page += fmt::format("<body data-token=\"{}\" data-lang=\"{}\" data-phase=\"{}\" data-recalls=\"{}\">\n",
                      htmlEscape(token), zh(lang) ? "zh" : "en", toString(view.phase), view.recalls);
  page += topBar(lang, hallName);
  page += fmt::format(
      "<main id=\"card\" class=\"card phase-{}\">\n"
      "<div class=\"label\">{}</div>\n<div id=\"number\" class=\"number\">{}</div>\n"
      "<div id=\"item\" class=\"item\">{}</div>\n"
      "<div id=\"headline\" class=\"headline\" role=\"status\" aria-live=\"assertive\">{}</div>\n"
      "<div id=\"detail\" class=\"detail\">{}</div>\n</main>\n",
      toString(view.phase), zh(lang) ? "您的号码" : "Your number", htmlEscape(view.number), htmlEscape(view.item),
      htmlEscape(words.headline), htmlEscape(words.detail));
  // 评价二维码: always on the page, shown while the pad awaits the rating (the script follows
  // can_rate), so the offer appears at completion without a reload. A plain form: it works
  // without the script too.
  page += fmt::format("<form id=\"rate\" class=\"rate\" method=\"post\" action=\"/t/{}/rate{}\"{}>\n"
                      "<div class=\"label\">{}</div>\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n",
                      htmlEscape(token), zh(lang) ? "" : "?lang=en", view.canRate ? "" : " hidden",
                      zh(lang) ? "您对本次服务满意吗？（每次办件只能评价一次）"
                               : "How was the service? (one rating per service)",
                      htmlEscape(csrf));
  for (const core::Rating level : kLevels)
    page += fmt::format("<button type=\"submit\" name=\"rating\" value=\"{}\" class=\"level level-{}\">{}</button>\n",
                        core::toString(level), static_cast<int>(level), htmlEscape(ratingWords(level, lang)));
  page += "</form>\n";
  page += fmt::format("<p id=\"stale\" class=\"notice\"{}>{}</p>\n", live ? " hidden" : "",
                      zh(lang) ? "信息暂未更新，正在重新连接…" : "Not up to date: reconnecting…");
  page += fmt::format("<p id=\"offline\" class=\"notice\" hidden>{}</p>\n",
                      zh(lang) ? "网络中断，正在重新连接…" : "Connection lost: reconnecting…");
  page += fmt::format("<p class=\"hint\">{}</p>\n",
                      zh(lang) ? "请保持本页打开，叫号时页面会变化并振动提醒。"
                               : "Keep this page open: it changes and vibrates when you are called.");
  page += "<script src=\"/static/status.js\"></script>\n</body></html>\n";
  return page;
}

std::string urlDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 &&
               hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string queryValue(std::string_view query, std::string_view key) {
  std::size_t start = 0;
  while (start < query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, end - start);
    if (pair.size() > key.size() && pair.substr(0, key.size()) == key && pair[key.size()] == '=')
      return urlDecode(pair.substr(key.size() + 1));
    start = end + 1;
  }
  return {};
}

namespace {

/// "等候 4 人 · 约 12 分钟" in the list; on the item page, under its own label, "4 人 · 约 12 分钟".
std::string waitingText(const ItemFigures& figures, const core::ItemCode& code, Lang lang, bool labelled = true) {
  const auto f = figures.find(code);
  if (f == figures.end()) return labelled ? (zh(lang) ? "等候 —" : "Waiting —") : "—";
  const auto minutes = (f->second.wait.count() + 59) / 60;
  if (f->second.peopleAhead == 0) return zh(lang) ? "无需等候" : "No wait";
  if (!labelled)
    return zh(lang) ? fmt::format("{} 人 · 约 {} 分钟", f->second.peopleAhead, minutes)
                    : fmt::format("{} waiting · about {} min", f->second.peopleAhead, minutes);
  return zh(lang) ? fmt::format("等候 {} 人 · 约 {} 分钟", f->second.peopleAhead, minutes)
                  : fmt::format("{} waiting · about {} min", f->second.peopleAhead, minutes);
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

/// The hours in words without their own "办理时间：" / "Hours: " (the row is labelled already).
std::string hoursWithoutLabel(const std::string& hours) {
  for (std::string_view label : {std::string_view("办理时间："), std::string_view("Hours: "),
                                 std::string_view("Opening hours: ")})
    if (hours.rfind(label, 0) == 0) return hours.substr(label.size());
  return hours;
}

std::string promiseText(const core::ServiceItem& item, Lang lang) {
  if (item.kind == core::ItemKind::Immediate || item.promisedWorkingDays == 0)
    return zh(lang) ? "即办（当场办结）" : "Done on the spot";
  return zh(lang) ? fmt::format("{} 个工作日", item.promisedWorkingDays)
                  : fmt::format("{} working days", item.promisedWorkingDays);
}

std::string scopeText(core::TongbanScope scope, Lang lang) {
  if (zh(lang)) return core::zhName(scope);
  switch (scope) {
    case core::TongbanScope::Hall: return "This hall only";
    case core::TongbanScope::District: return "Any hall of the district";
    case core::TongbanScope::City: return "Any hall of the city";
  }
  return "";
}

bool matches(const GuideItem& g, const std::string& search) {
  if (search.empty()) return true;
  return g.item.name.find(search) != std::string::npos || g.item.category.find(search) != std::string::npos ||
         g.item.code.find(search) != std::string::npos;
}

std::string langQuery(Lang lang, char first) { return zh(lang) ? "" : std::string(1, first) + "lang=en"; }

}  // namespace

std::string guidePage(Lang lang, const std::string& hallName, const Guide& guide, const ItemFigures& figures,
                      const std::string& search) {
  std::string page = head(lang, zh(lang) ? "办事指南" : "Service guide");
  page += "<body>\n" + topBar(lang, hallName);
  page += fmt::format(
      "<main class=\"page\"><h1>{}</h1>\n<p class=\"hours\">{}</p>\n"
      "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">"
      "<input type=\"search\" name=\"q\" maxlength=\"50\" value=\"{}\" placeholder=\"{}\" aria-label=\"{}\">{}"
      "<button type=\"submit\">{}</button></form>\n",
      zh(lang) ? "办事指南" : "Service guide", htmlEscape(zh(lang) ? guide.hoursZh : capitalized(guide.hoursEn)),
      htmlEscape(search), zh(lang) ? "搜索事项，如：户口" : "Search, e.g. 户口", zh(lang) ? "搜索事项" : "Search",
      zh(lang) ? "" : "<input type=\"hidden\" name=\"lang\" value=\"en\">", zh(lang) ? "搜索" : "Search");
  if (figures.empty() && !guide.items.empty()) {
    page += fmt::format("<p class=\"notice\">{}</p>\n",
                        zh(lang) ? "今日等候人数暂时无法获取" : "Today's waiting figures are not available just now");
  }
  std::string category;
  bool open = false;
  int shown = 0;
  for (const GuideItem& g : guide.items) {
    if (!matches(g, search)) continue;
    if (!open || g.item.category != category) {
      if (open) page += "</ul>\n";
      category = g.item.category;
      page += fmt::format("<h2>{}</h2>\n<ul class=\"items\">\n", htmlEscape(category.empty() ? "—" : category));
      open = true;
    }
    ++shown;
    page += fmt::format("<li><a href=\"/items/{}{}\"><span class=\"name\">{}</span><span class=\"wait\">{}</span></a></li>\n",
                        htmlEscape(g.item.code), langQuery(lang, '?'), htmlEscape(g.item.name),
                        htmlEscape(waitingText(figures, g.item.code, lang)));
  }
  if (open) page += "</ul>\n";
  if (shown == 0)
    page += fmt::format("<p class=\"notice\">{}</p>\n",
                        zh(lang) ? "没有找到相关事项，请换个词或到咨询台询问。"
                                 : "Nothing found: try another word, or ask at the information desk.");
  page += "</main>\n</body></html>\n";
  return page;
}

std::string itemPage(Lang lang, const std::string& hallName, const Guide& guide, const GuideItem& g,
                     const ItemFigures& figures) {
  const core::ServiceItem& item = g.item;
  std::string page = head(lang, item.name);
  page += "<body>\n" + topBar(lang, hallName);
  page += fmt::format("<main class=\"page item-page\"><p><a href=\"/{}\">← {}</a></p><h1>{}</h1>\n",
                      langQuery(lang, '?'), zh(lang) ? "全部事项" : "All items", htmlEscape(item.name));
  page += fmt::format("<p class=\"today\">{}<strong>{}</strong></p>\n", zh(lang) ? "今日等候：" : "Waiting today: ",
                      htmlEscape(waitingText(figures, item.code, lang, false)));
  page += fmt::format("<h2>{}</h2>\n", zh(lang) ? "所需材料（请一次带齐）" : "What to bring (all of it)");
  if (item.materials.empty()) {
    page += fmt::format("<p>{}</p>\n", zh(lang) ? "无需提交材料" : "Nothing to bring");
  } else {
    page += "<ol class=\"materials\">\n";
    for (const auto& m : item.materials) page += "<li>" + htmlEscape(m) + "</li>\n";
    page += "</ol>\n";
  }
  const auto row = [&](const char* zhLabel, const char* enLabel, const std::string& value) {
    if (value.empty()) return;
    page += fmt::format("<dt>{}</dt><dd>{}</dd>\n", zh(lang) ? zhLabel : enLabel, htmlEscape(value));
  };
  page += "<dl class=\"facts\">\n";
  row("收费", "Fees", item.fees.empty() ? (zh(lang) ? "不收费" : "Free") : item.fees);
  row("收费依据", "Fee basis", item.feeBasis);
  row("承诺时限", "Time limit", promiseText(item, lang));
  row("通办范围", "Where it can be done", scopeText(item.scope, lang));
  std::string where = g.queueName;
  if (!g.windows.empty()) {
    std::string list;
    for (const auto& w : g.windows) list += (list.empty() ? "" : (zh(lang) ? "、" : ", ")) + w;
    where += (where.empty() ? "" : (zh(lang) ? "：" : ": ")) + list;
  }
  row("办理地点", "Windows", where);
  row("办理时间", "Hours", hoursWithoutLabel(zh(lang) ? guide.hoursZh : capitalized(guide.hoursEn)));
  row("办理依据", "Legal basis", item.legalBasis);
  page += "</dl>\n";
  if (g.bookable) {
    page += fmt::format("<p class=\"book\"><a class=\"button\" href=\"/book/{}{}\">{}</a> {}</p>\n", htmlEscape(item.code),
                        langQuery(lang, '?'), zh(lang) ? "预约办理" : "Book a visit",
                        zh(lang) ? "预约后按时到大厅签到，可优先办理。" : "Book a time, check in at the hall and be served first in your slot.");
  }
  page += "</main>\n</body></html>\n";
  return page;
}

int httpStatusOf(Problem problem) {
  switch (problem) {
    case Problem::UnknownToken: return 404;
    case Problem::NotFound: return 404;
    case Problem::TooMany: return 429;
    case Problem::TooLarge: return 413;
    case Problem::BadRequest: return 400;
    case Problem::Unavailable: return 503;
    case Problem::Busy: return 503;
    case Problem::RatingRefused: return 409;
    case Problem::StalePage: return 403;
  }
  return 400;
}

std::string problemPage(Lang lang, const std::string& hallName, Problem problem) {
  struct Words {
    const char* zhTitle;
    const char* zhText;
    const char* enTitle;
    const char* enText;
  };
  const Words w = [&]() -> Words {
    switch (problem) {
      case Problem::UnknownToken:
        return {"号票二维码无效或已过期", "二维码只在取号当天有效。如需帮助，请到咨询台。",
                "This ticket code is not valid", "A ticket's code is valid on the day it was taken. "
                                                 "Please ask at the information desk."};
      case Problem::NotFound:
        return {"页面不存在", "请检查网址，或从大厅首页进入。", "Page not found",
                "Check the address, or start from the hall's home page."};
      case Problem::TooMany:
        return {"访问过于频繁", "请稍等一分钟后再试。", "Too many requests", "Please wait a minute and try again."};
      case Problem::TooLarge:
        return {"请求过大", "请求的内容太长。", "Request too large", "The request was too long."};
      case Problem::BadRequest:
        return {"请求有误", "无法理解该请求。", "Bad request", "The request could not be understood."};
      case Problem::Unavailable:
        return {"系统暂时无法查询", "请稍后刷新，或留意大厅叫号。", "Temporarily unavailable",
                "Please refresh in a moment, or follow the calls in the hall."};
      case Problem::Busy:
        return {"访问人数较多", "请稍后刷新。", "Busy", "Please refresh in a moment."};
      case Problem::RatingRefused:
        return {"未能评价", "本次服务已评价（每次办件只能评价一次），或评价时间已过。感谢您的参与。",
                "Rating not taken", "This service was already rated (one rating per service), "
                                    "or the time to rate it is over. Thank you."};
      case Problem::StalePage:
        return {"页面已过期", "请返回号票页面，刷新后再评价。", "This page has expired",
                "Go back to your ticket's page, reload it and rate again."};
    }
    return {"请求有误", "", "Bad request", ""};
  }();
  const char* title = zh(lang) ? w.zhTitle : w.enTitle;
  std::string page = head(lang, title);
  page += "<body>\n" + topBar(lang, hallName);
  page += fmt::format("<main class=\"card problem\"><div class=\"headline\">{}</div><div class=\"detail\">{}</div>"
                      "<p><a class=\"button\" href=\"/{}\">{}</a></p></main>\n</body></html>\n",
                      title, zh(lang) ? w.zhText : w.enText, zh(lang) ? "" : "?lang=en",
                      zh(lang) ? "办事指南" : "Service guide");
  return page;
}

}  // namespace jiujin::web
