#include "jiujin/forms/case_forms.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "jiujin/core/case_privacy.hpp"
#include "jiujin/core/names.hpp"

namespace jiujin::forms {

namespace {

using devices::printer::FormField;
using devices::printer::FormList;
using devices::printer::FormPrint;

std::vector<std::string> materialsMarked(const core::Case& c, core::MaterialStatus status) {
  std::vector<std::string> names;
  for (const auto& m : c.materials)
    if (m.status == status) names.push_back(m.name);
  return names;
}

/// The fields every form of a case opens with: which case, what, for whom.
std::vector<FormField> caseFields(const core::Case& c) {
  std::vector<FormField> fields{{"办件编号", c.number},
                                {"办理事项", c.itemName.empty() ? c.item : c.itemName},
                                {"申请人", c.applicant.name}};
  if (!c.applicant.idNumber.empty()) fields.push_back({"证件号码", core::maskIdNumber(c.applicant.idNumber)});
  if (!c.applicant.phone.empty()) fields.push_back({"联系电话", core::maskPhone(c.applicant.phone)});
  if (c.channel == core::CaseChannel::Agent) fields.push_back({"受理方式", "代办"});
  return fields;
}

std::string acceptedBy(const core::Case& c) {
  return c.clerk ? fmt::format("{}号窗口（工号 {}）", c.window, *c.clerk) : fmt::format("{}号窗口", c.window);
}

void footer(FormPrint& form, const HallContact& hall) {
  if (!hall.phone.empty()) form.fields.push_back({"咨询电话", hall.phone});
}

}  // namespace

std::string chineseDate(const core::Date& d) {
  return fmt::format("{}年{}月{}日", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string chineseTime(core::TimePoint at) {
  const auto minutes = std::chrono::floor<std::chrono::minutes>(at);
  const auto day = std::chrono::floor<std::chrono::days>(minutes);
  const std::chrono::hh_mm_ss clock(minutes - day);
  return fmt::format("{} {:02}:{:02}", chineseDate(core::Date{day}), clock.hours().count(), clock.minutes().count());
}

FormPrint receiptForm(const core::Case& c, const HallContact& hall) {
  FormPrint form;
  form.hallName = hall.hallName;
  form.title = "收件回执单";
  form.fields = caseFields(c);
  form.fields.push_back({"受理时间", chineseTime(c.acceptedAt.value_or(c.registeredAt))});
  form.fields.push_back({"受理窗口", acceptedBy(c)});
  form.fields.push_back({"承诺办结日期", c.dueDate ? chineseDate(*c.dueDate) : "材料补齐之日起计算"});
  if (!hall.collectAt.empty()) form.fields.push_back({"领取地点", hall.collectAt});
  footer(form, hall);
  auto received = materialsMarked(c, core::MaterialStatus::Received);
  form.lists.push_back({fmt::format("已收材料（共{}项）", received.size()), std::move(received)});
  if (auto missing = materialsMarked(c, core::MaterialStatus::Missing); !missing.empty())
    form.lists.push_back({fmt::format("尚缺材料（共{}项）", missing.size()), std::move(missing)});
  form.qrPayload = c.number;
  form.qrCaption = "领取结果时请出示此码";
  form.notes = {"请妥善保管本回执，凭回执领取办件结果。", "办件进度可凭办件编号查询。"};
  return form;
}

FormPrint correctionListForm(const core::Case& c, const HallContact& hall, core::TimePoint printedAt) {
  FormPrint form;
  form.hallName = hall.hallName;
  form.title = "补交材料清单";
  form.fields = caseFields(c);
  form.fields.push_back({"告知时间", chineseTime(printedAt)});
  form.fields.push_back({"告知窗口", acceptedBy(c)});
  footer(form, hall);
  auto missing = materialsMarked(c, core::MaterialStatus::Missing);
  form.lists.push_back({fmt::format("需补交的全部材料（共{}项）", missing.size()), std::move(missing)});
  form.qrPayload = c.number;
  form.qrCaption = "补交材料时请出示此码";
  form.notes = {"以上为需补交的全部材料，一次性告知。", "请补齐后到任一综合受理窗口办理。"};
  return form;
}

FormPrint rejectionNoticeForm(const core::Case& c, const HallContact& hall) {
  FormPrint form;
  form.hallName = hall.hallName;
  form.title = "不予受理通知书";
  form.fields = caseFields(c);
  form.fields.push_back({"申请时间", chineseTime(c.registeredAt)});
  form.fields.push_back({"决定时间", chineseTime(c.closedAt.value_or(c.registeredAt))});
  form.fields.push_back({"经办窗口", acceptedBy(c)});
  footer(form, hall);
  form.lists.push_back({"不予受理理由", {c.reason.empty() ? std::string("（未填写）") : c.reason}});
  form.notes = {"如对本决定有异议，可依法申请行政复议或者提起行政诉讼。"};
  return form;
}

}  // namespace jiujin::forms
