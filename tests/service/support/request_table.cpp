#include "request_table.hpp"

#include <stdexcept>

namespace jiujin::testing {

using nlohmann::json;

namespace {

using K = JsonKind;
const std::set<K> kText{K::String};
const std::set<K> kWhole{K::Integer};
const std::set<K> kFlag{K::Bool};

FieldSpec window() { return {"window", kWhole}; }

/// A command that takes only a window.
RequestSpec atWindow(const char* type) { return {type, {{"window", 1}}, {window()}}; }

std::vector<RequestSpec> makeTable() {
  const json profile{{"entries",
                      json::array({{{"queue", "general"},
                                    {"weight", 1.5},
                                    {"onlyWhenOldestWaitsAtLeastMinutes", 10},
                                    {"onlyWhenNoDedicatedWindowOpen", false}}})}};
  const json definition{{"name", "测试大厅"},
                        {"queues", json::array({{{"id", "general"}, {"prefix", "A"}, {"name", "综合受理"}}})},
                        {"windows", json::array({{{"number", 1}, {"name", "一号窗口"}, {"profile", profile}}})},
                        {"rules", {{"recallLimit", 2}}}};
  return {
      // Core commands (protocol::commandType).
      {"open_day", {{"date", "2030-01-02"}}, {{"date", kText}}},
      {"close_day", json::object(), {}},
      {"issue_ticket",
       {{"item", "T-0001"}, {"priority", "elderly"}, {"channel", "agent"}, {"appointmentSlot", nullptr}, {"requestKey", "k"}},
       {{"item", kText},
        {"priority", kText},
        {"channel", kText},
        {"appointmentSlot", {K::Integer, K::Null}},
        {"requestKey", kText}}},
      atWindow("call_next"),
      atWindow("recall"),
      atWindow("start_service"),
      atWindow("complete"),
      atWindow("mark_no_show"),
      {"reactivate", {{"ticket", 999999}}, {{"ticket", kWhole}}},
      {"transfer",
       {{"window", 1}, {"to", {{"queue", "social"}}}, {"note", "转社保"}},
       {window(), {"to", {K::Object}}, {"to.queue", kText}, {"note", kText}}},
      {"transfer", {{"window", 1}, {"to", {{"window", 2}}}}, {{"to.window", kWhole}}},
      {"transfer", {{"window", 1}, {"to", {{"kind", "issuing"}}}}, {{"to.kind", kText}}},
      {"cancel", {{"ticket", 999999}, {"reason", "放弃"}}, {{"ticket", kWhole}, {"reason", kText}}},
      {"pause_window", {{"window", 1}, {"reason", "午休"}}, {window(), {"reason", kText}}},
      atWindow("resume_window"),
      atWindow("open_window"),
      atWindow("close_window"),
      {"clerk_login",
       {{"window", 1}, {"clerk", "c01"}, {"pin", "0000"}},
       {window(), {"clerk", kText}, {"pin", kText}}},
      atWindow("clerk_logout"),
      atWindow("request_evaluation"),
      {"evaluate", {{"window", 1}, {"rating", "satisfied"}}, {window(), {"rating", kText}}},
      {"rate_ticket", {{"token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, {"rating", "satisfied"}}, {{"token", kText}, {"rating", kText}}},
      {"set_work_profile",
       {{"window", 1}, {"profile", profile}},
       {window(),
        {"profile", {K::Object}},
        {"profile.entries", {K::Array}},
        {"profile.entries[0]", {K::Object}},
        {"profile.entries[0].queue", kText},
        {"profile.entries[0].weight", {K::Integer, K::Float}},
        {"profile.entries[0].onlyWhenOldestWaitsAtLeastMinutes", {K::Integer, K::Null}},
        {"profile.entries[0].onlyWhenNoDedicatedWindowOpen", kFlag}}},
      {"pin_ticket", {{"window", 1}, {"ticket", 999999}}, {window(), {"ticket", kWhole}}},
      {"broadcast_notice", {{"text", "今日延时服务"}}, {{"text", kText}}},
      {"update_definition",
       {{"definition", definition}},
       {{"definition", {K::Object}},
        {"definition.name", kText},
        {"definition.queues", {K::Array}},
        {"definition.queues[0].prefix", kText},
        {"definition.windows[0].number", kWhole},
        {"definition.rules", {K::Object}},
        {"definition.rules.recallLimit", kWhole}}},
      // The case register: bodies the dispatcher reads, refused for the hall's state (no such
      // item or case) so that the tests change nothing.
      {"accept_case",
       {{"window", 1},
        {"item", "NO-SUCH-ITEM"},
        {"applicant", {{"name", "张三"}, {"idNumber", "370102199001011234"}, {"phone", "13812345678"}}},
        {"channel", "window"},
        {"materials", json::array({{{"name", "身份证"}, {"status", "received"}}})},
        {"request", "申领"},
        {"tickets", json::array({999999})}},
       {window(),
        {"item", kText},
        {"applicant", {K::Object}},
        {"applicant.name", kText},
        {"applicant.idNumber", kText},
        {"applicant.phone", kText},
        {"channel", kText},
        {"materials", {K::Array}},
        {"materials[0].name", kText},
        {"materials[0].status", kText},
        {"request", kText},
        {"tickets", {K::Array}},
        {"tickets[0]", kWhole}}},
      {"mark_case_materials",
       {{"window", 1}, {"case", "X-20300102-0001"}, {"materials", json::array({{{"name", "身份证"}, {"status", "missing"}}})}},
       {window(), {"case", kText}, {"materials", {K::Array}}, {"materials[0].status", kText}}},
      {"request_case_correction",
       {{"window", 1}, {"case", "X-20300102-0001"}, {"missing", json::array({"户口簿"})}, {"note", "复印件不清"}},
       {window(), {"case", kText}, {"missing", {K::Array}}, {"missing[0]", kText}, {"note", kText}}},
      {"supply_case_materials",
       {{"window", 1}, {"case", "X-20300102-0001"}, {"received", json::array({"户口簿"})}},
       {window(), {"case", kText}, {"received", {K::Array}}, {"received[0]", kText}}},
      {"start_case_processing", {{"window", 1}, {"case", "X-20300102-0001"}}, {window(), {"case", kText}}},
      {"decide_case",
       {{"window", 1}, {"case", "X-20300102-0001"}, {"outcome", "refused"}, {"reason", "不符合条件"}},
       {window(), {"case", kText}, {"outcome", kText}, {"reason", kText}}},
      {"reject_case",
       {{"window", 1}, {"case", "X-20300102-0001"}, {"reason", "不属于受理范围"}},
       {window(), {"case", kText}, {"reason", kText}}},
      {"mark_case_ready", {{"window", 1}, {"case", "X-20300102-0001"}}, {window(), {"case", kText}}},
      {"collect_case",
       {{"window", 1}, {"case", "X-20300102-0001"}, {"collectedBy", "李四"}},
       {window(), {"case", kText}, {"collectedBy", kText}}},
      {"finish_case_on_spot", {{"window", 1}, {"case", "X-20300102-0001"}}, {window(), {"case", kText}}},

      // Service requests (service::serviceRequestTypes).
      {"hello", json::object(), {}},
      {"ping", json::object(), {}},
      {"snapshot", json::object(), {}},
      {"ticket_status", {{"ticket", 999999}}, {{"ticket", kWhole}}},
      {"ticket_status", {{"number", "Z999"}}, {{"number", kText}}},
      {"ticket_status", {{"token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}, {{"token", kText}}},
      {"items", json::object(), {}},
      {"estimate", {{"item", "T-0001"}, {"priority", "elderly"}}, {{"item", kText}, {"priority", kText}}},
      {"statistics", {{"from", "2030-01-01"}, {"to", "2030-01-02"}}, {{"from", {K::String, K::Null}}, {"to", {K::String, K::Null}}}},
      {"device_report",
       {{"device", "w1-pad"}, {"kind", "eval_pad"}, {"window", 1}, {"bus", "rs485-1"}, {"status", "online"}, {"detail", "ok"}},
       {{"device", kText}, {"kind", kText}, window(), {"bus", kText}, {"status", kText}, {"detail", kText}}},
      {"printer_status",
       {{"device", "kiosk-1/printer"}, {"window", 1}, {"status", "ok"}, {"detail", "纸量正常"}},
       {{"device", kText}, window(), {"status", kText}, {"detail", kText}}},
      {"audit_export", {{"after", 0}, {"limit", 10}, {"verify", false}}, {{"after", kWhole}, {"limit", kWhole}, {"verify", kFlag}}},
      {"acknowledge_alarm", {{"alarm", 999999}}, {{"alarm", kWhole}}},
      {"close_follow_up", {{"alarm", 999999}, {"note", "已电话回访"}}, {{"alarm", kWhole}, {"note", kText}}},
      {"unlock_clerk", {{"clerk", "nobody"}}, {{"clerk", kText}}},
      {"confirm_clerk", {{"window", 1}, {"clerk", "c01"}, {"pin", "0000"}}, {window(), {"clerk", kText}, {"pin", kText}}},
      {"reload_config", json::object(), {}},
      {"manager_login", {{"manager", "m01"}, {"pin", "0000"}}, {{"manager", kText}, {"pin", kText}}},
      {"manager_logout", json::object(), {}},
      // 预约: codes no booking has, an item the hall does not have, so that nothing changes.
      {"booking_slots", {{"item", "T-0001"}, {"date", "2030-01-02"}}, {{"item", kText}, {"date", {K::String, K::Null}}}},
      {"book",
       {{"item", "NO-SUCH-ITEM"}, {"start", 1893553200000}, {"phone", "13812345678"}},
       {{"item", kText}, {"start", kWhole}, {"phone", kText}}},
      {"cancel_booking", {{"code", "00000000"}}, {{"code", kText}}},
      {"booking", {{"code", "00000000"}}, {{"code", kText}}},
      {"booking_list", {{"date", "2030-01-02"}, {"limit", 10}}, {{"date", {K::String, K::Null}}, {"limit", kWhole}}},
      {"check_in", {{"code", "00000000"}}, {{"code", kText}}},
      {"case", {{"number", "X-20300102-0001"}}, {{"number", kText}}},
      {"case_list",
       {{"state", "accepted"}, {"item", "T-0001"}, {"clerk", "c01"}, {"window", 1}, {"due_before", "2030-01-09"},
        {"after", 0}, {"limit", 20}},
       {{"state", {K::String, K::Null}},
        {"item", {K::String, K::Null}},
        {"clerk", {K::String, K::Null}},
        {"window", {K::Integer, K::Null}},
        {"due_before", {K::String, K::Null}},
        {"after", kWhole},
        {"limit", kWhole}}},
  };
}

/// The JSON pointer of a dotted path with [i] indices.
json::json_pointer pointerOf(const std::string& path) {
  std::string pointer;
  std::string part;
  for (const char c : path + ".") {
    if (c == '.' || c == '[' || c == ']') {
      if (!part.empty()) pointer += "/" + part;
      part.clear();
    } else {
      part += c;
    }
  }
  return json::json_pointer(pointer);
}

}  // namespace

const std::vector<JsonKind>& everyJsonKind() {
  static const std::vector<JsonKind> kinds{K::String, K::Integer, K::Float, K::Negative,
                                           K::Bool,   K::Null,    K::Array, K::Object};
  return kinds;
}

const char* toString(JsonKind kind) {
  switch (kind) {
    case K::String: return "string";
    case K::Integer: return "integer";
    case K::Float: return "float";
    case K::Negative: return "negative";
    case K::Bool: return "bool";
    case K::Null: return "null";
    case K::Array: return "array";
    case K::Object: return "object";
  }
  return "?";
}

json sampleOf(JsonKind kind) {
  switch (kind) {
    case K::String: return "x";
    case K::Integer: return 7;
    case K::Float: return 1.5;
    case K::Negative: return -5;
    case K::Bool: return true;
    case K::Null: return nullptr;
    case K::Array: return json::array({1});
    case K::Object: return json{{"a", 1}};
  }
  return nullptr;
}

const std::vector<RequestSpec>& everyRequest() {
  static const std::vector<RequestSpec> table = makeTable();
  return table;
}

json withField(json body, const std::string& path, const json& value) {
  const auto pointer = pointerOf(path);
  if (!body.contains(pointer.parent_pointer())) throw std::logic_error("no place for " + path);
  body[pointer] = value;
  return body;
}

}  // namespace jiujin::testing
