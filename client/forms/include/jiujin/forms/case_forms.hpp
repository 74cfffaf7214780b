#pragma once
// What a case's printed forms say (docs/cases.md, "Printed forms"): pure functions from a case
// to a form, the same form for the ticket printer (ESC/POS) and the A4 page (form_page.hpp).
// The applicant's ID number and phone are printed masked: the resident holds the original
// documents, and a form left on a counter must not give them away.
#include <string>

#include "jiujin/core/case.hpp"
#include "jiujin/devices/printer/form_print.hpp"

namespace jiujin::forms {

/// The hall as printed at the foot of every form.
struct HallContact {
  std::string hallName;   ///< e.g. "城关街道便民服务中心"
  std::string phone;      ///< 咨询电话; empty: not printed
  std::string collectAt;  ///< 领取地点, e.g. "3号窗口（统一出件）"
};

/// "2026年5月8日"
std::string chineseDate(const core::Date& date);
/// "2026年5月8日 09:31"
std::string chineseTime(core::TimePoint at);

/// 收件回执单: number, item, applicant, materials received, accepted when, the promised date
/// (承诺办结日期), where to collect, the hall's phone, and a QR code of the case number.
devices::printer::FormPrint receiptForm(const core::Case& c, const HallContact& hall);

/// 补交材料清单 (一次性告知): every missing material of the case at once, with the number to
/// bring back (also as a QR code).
devices::printer::FormPrint correctionListForm(const core::Case& c, const HallContact& hall, core::TimePoint printedAt);

/// 不予受理通知书: the case refused at the counter and its written reason.
devices::printer::FormPrint rejectionNoticeForm(const core::Case& c, const HallContact& hall);

}  // namespace jiujin::forms
