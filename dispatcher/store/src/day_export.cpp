// A day's tickets and their events as CSV for the hall manager's spreadsheet: UTF-8 with a
// byte-order mark (Excel on Chinese Windows reads UTF-8 without one as GBK), one row per
// event of a ticket, the ticket's final fields repeated so every row stands alone.
#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "hall_store_impl.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::store {

namespace {

/// Quotes a field when CSV needs it; a leading = + - @ is defused so a ticket note can
/// never run as a spreadsheet formula.
std::string csvField(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
    text.insert(0, "'");
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string clockTime(const Statement& row, int column) {
  if (row.isNull(column)) return {};
  const std::chrono::sys_time<std::chrono::milliseconds> t{std::chrono::milliseconds{row.integer(column)}};
  // Stored times are already hall-local, so they are printed as they are, without a zone.
  return fmt::format("{:%Y-%m-%d %H:%M:%S}", std::chrono::floor<std::chrono::seconds>(t));
}

}  // namespace

StoreStatus HallStore::exportDay(const core::Date& day, std::ostream& out) {
  auto query = impl_->db.prepare(
      "SELECT t.number, t.item, t.queue, t.priority, t.channel, t.state, t.window_no, t.clerk, t.rating, "
      "       t.issued_ms, t.called_ms, t.started_ms, t.ended_ms, j.seq, j.at_ms, j.type, j.window_no "
      "FROM ticket t LEFT JOIN journal j ON j.ticket_id = t.id "
      "WHERE t.day = ?1 ORDER BY t.id, j.seq");
  if (!query.ok()) return query.error();
  Statement& row = query.value();
  row.bind(1, protocol::dateToString(day));

  out << "\xEF\xBB\xBF";
  out << "票号,事项编码,队列,优先类别,取号渠道,最终状态,办理窗口,工作人员,评价,取号时间,呼叫时间,开始办理,办结时间,"
         "事件序号,事件时间,事件,事件窗口\r\n";
  for (;;) {
    auto more = row.step();
    if (!more.ok()) return more.error();
    if (!more.value()) break;
    std::string line;
    for (int c = 0; c <= 8; ++c) {
      line += csvField(row.text(c));  // NULL reads as empty
      line += ',';
    }
    for (int c = 9; c <= 12; ++c) line += clockTime(row, c) + ',';
    line += row.text(13) + ',' + clockTime(row, 14) + ',' + csvField(row.text(15)) + ',' + row.text(16);
    out << line << "\r\n";
  }
  out.flush();
  if (!out) return StoreError{StoreErrorCode::Io, "writing the day export failed"};
  return Done{};
}

}  // namespace jiujin::store
