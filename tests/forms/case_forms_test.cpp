// What a case's forms say, and where it goes on the A4 page: pure, no Qt.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "jiujin/forms/case_forms.hpp"
#include "jiujin/forms/form_page.hpp"
#include "sample_case.hpp"

namespace jiujin::forms {
namespace {

using devices::printer::FormPrint;
using testing::sampleCase;
using testing::sampleHall;

std::string valueOf(const FormPrint& form, const std::string& label) {
  for (const auto& f : form.fields)
    if (f.label == label) return f.value;
  return "(no " + label + ")";
}

TEST(CaseForms, TheReceiptCarriesNumberItemMaterialsPromisedDateWhereToCollectPhoneAndQr) {
  const FormPrint receipt = receiptForm(sampleCase(), sampleHall());
  EXPECT_EQ(receipt.title, "收件回执单");
  EXPECT_EQ(receipt.hallName, "测试便民服务中心");
  EXPECT_EQ(valueOf(receipt, "办件编号"), "370199101-20260430-0001");
  EXPECT_EQ(valueOf(receipt, "办理事项"), "高龄津贴申领");
  EXPECT_EQ(valueOf(receipt, "申请人"), "张三丰");
  EXPECT_EQ(valueOf(receipt, "受理时间"), "2026年4月30日 09:31");
  EXPECT_EQ(valueOf(receipt, "承诺办结日期"), "2026年5月8日");
  EXPECT_EQ(valueOf(receipt, "领取地点"), "3号窗口（统一出件）");
  EXPECT_EQ(valueOf(receipt, "咨询电话"), "0531-88886666");
  ASSERT_EQ(receipt.lists.size(), 1u) << "nothing missing: no list of missing materials";
  EXPECT_EQ(receipt.lists[0].heading, "已收材料（共2项）");
  EXPECT_EQ(receipt.lists[0].items, (std::vector<std::string>{"居民身份证", "户口簿"})) << "not-applicable ones left out";
  EXPECT_EQ(receipt.qrPayload, "370199101-20260430-0001") << "the scanner at the kiosk reads the number";
}

TEST(CaseForms, TheIdNumberAndPhoneArePrintedMaskedOnEveryForm) {
  auto c = sampleCase();
  c.materials[1].status = core::MaterialStatus::Missing;
  c.reason = "不属于本中心受理范围";
  for (const FormPrint& form : {receiptForm(c, sampleHall()), correctionListForm(c, sampleHall(), c.registeredAt),
                                rejectionNoticeForm(c, sampleHall())}) {
    EXPECT_EQ(valueOf(form, "证件号码"), "3701**********1234") << form.title;
    EXPECT_EQ(valueOf(form, "联系电话"), "138****5678") << form.title;
  }
}

TEST(CaseForms, TheCorrectionListNamesEveryMissingMaterialAtOnce) {
  auto c = sampleCase();
  c.state = core::CaseState::Correction;
  c.acceptedAt.reset();
  c.dueDate.reset();
  c.materials = {{"居民身份证", core::MaterialStatus::Received},
                 {"户口簿", core::MaterialStatus::Missing},
                 {"近期免冠照片", core::MaterialStatus::Missing},
                 {"银行卡", core::MaterialStatus::Missing}};
  const FormPrint list = correctionListForm(c, sampleHall(), testing::hallTime(2026, 4, 30, 10, 5));
  EXPECT_EQ(list.title, "补交材料清单");
  ASSERT_EQ(list.lists.size(), 1u);
  EXPECT_EQ(list.lists[0].heading, "需补交的全部材料（共3项）");
  EXPECT_EQ(list.lists[0].items, (std::vector<std::string>{"户口簿", "近期免冠照片", "银行卡"}));
  EXPECT_EQ(valueOf(list, "告知时间"), "2026年4月30日 10:05");
  EXPECT_EQ(list.qrPayload, c.number);
  // a receipt of a case still in 补正 says when its clock starts instead of a date
  EXPECT_EQ(valueOf(receiptForm(c, sampleHall()), "承诺办结日期"), "材料补齐之日起计算");
}

TEST(CaseForms, TheRejectionNoticeGivesTheWrittenReason) {
  auto c = sampleCase();
  c.state = core::CaseState::Rejected;
  c.reason = "申请事项依法不需要取得行政许可";
  c.closedAt = testing::hallTime(2026, 4, 30, 9, 40);
  const FormPrint notice = rejectionNoticeForm(c, sampleHall());
  EXPECT_EQ(notice.title, "不予受理通知书");
  ASSERT_EQ(notice.lists.size(), 1u);
  EXPECT_EQ(notice.lists[0].heading, "不予受理理由");
  EXPECT_EQ(notice.lists[0].items, std::vector<std::string>{"申请事项依法不需要取得行政许可"});
  EXPECT_EQ(valueOf(notice, "决定时间"), "2026年4月30日 09:40");
  EXPECT_TRUE(notice.qrPayload.empty());
}

// --- the A4 page ---

const PlacedText* placed(const FormPage& page, const std::string& text) {
  const auto found = std::find_if(page.texts.begin(), page.texts.end(), [&](const auto& t) { return t.text == text; });
  return found == page.texts.end() ? nullptr : &*found;
}

TEST(FormPage, EveryFieldHasItsLabelAndValueSideBySideOnThePage) {
  const FormPrint receipt = receiptForm(sampleCase(), sampleHall());
  const FormPage page = layoutA4(receipt);
  EXPECT_FALSE(page.overflows);
  const PlacedText* title = placed(page, "收件回执单");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->align, TextAlign::Center);
  EXPECT_TRUE(title->bold);
  for (const auto& f : receipt.fields) {
    const PlacedText* label = placed(page, f.label + "：");
    const PlacedText* value = placed(page, f.value);
    ASSERT_NE(label, nullptr) << f.label;
    ASSERT_NE(value, nullptr) << f.value;
    EXPECT_DOUBLE_EQ(label->y, value->y) << f.label << ": one row";
    EXPECT_LE(label->x + label->width, value->x) << f.label << ": the value right of its label";
    EXPECT_GT(label->y, title->y) << "below the title";
  }
  ASSERT_NE(placed(page, "1. 居民身份证"), nullptr);
  ASSERT_NE(placed(page, "2. 户口簿"), nullptr);
  ASSERT_TRUE(page.qr.has_value());
  EXPECT_EQ(page.qr->payload, "370199101-20260430-0001");
  const PlacedText* caption = placed(page, "领取结果时请出示此码");
  ASSERT_NE(caption, nullptr);
  EXPECT_GE(caption->y, page.qr->y + page.qr->side) << "the caption under the code";
}

TEST(FormPage, NoTwoLinesOverlapAndAllStayInsideTheMargins) {
  const FormPage page = layoutA4(receiptForm(sampleCase(), sampleHall()));
  std::vector<std::pair<double, double>> rows;
  for (const auto& t : page.texts) {
    EXPECT_GE(t.x, 20.0) << t.text;
    EXPECT_LE(t.x + t.width, FormPage::kWidth - 20.0 + 1e-9) << t.text;
    EXPECT_LE(estimatedWidth(t.text, t.typeSize), t.width + 1e-9) << t.text << " fits its box";
    EXPECT_LE(t.y + t.height, FormPage::kHeight - 20.0 + 1e-9) << t.text;
    if (t.x < 50) rows.emplace_back(t.y, t.y + t.height);  // the left column
  }
  std::sort(rows.begin(), rows.end());
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].second, rows[i].first + 1e-9);
  ASSERT_TRUE(page.qr.has_value());
  for (const auto& t : page.texts)
    EXPECT_TRUE(t.y + t.height <= page.qr->y + 1e-9 || t.y >= page.qr->y + page.qr->side) << t.text << " clear of the QR";
}

TEST(FormPage, ALongReasonWrapsOntoSeveralLinesWithoutLosingACharacter) {
  auto c = sampleCase();
  c.reason = std::string("申请人不具备申请资格，") + "根据相关规定本事项须由户籍所在地街道受理，请到户籍所在地便民服务中心申请。" +
             "如有疑问请拨打咨询电话。";
  const FormPage page = layoutA4(rejectionNoticeForm(c, sampleHall()));
  std::string joined;
  int lines = 0;
  for (const auto& t : page.texts)
    if (t.x > 20.0 && t.x < 30.0) {  // the list items' indent
      joined += t.text;
      ++lines;
    }
  EXPECT_EQ(joined, "1. " + c.reason);
  EXPECT_GE(lines, 2);
}

TEST(FormPage, AFormLongerThanThePageSaysItOverflows) {
  auto c = sampleCase();
  c.materials.clear();
  for (int i = 0; i < 60; ++i) c.materials.push_back({"材料" + std::to_string(i + 1), core::MaterialStatus::Received});
  EXPECT_TRUE(layoutA4(receiptForm(c, sampleHall())).overflows);
  EXPECT_FALSE(layoutA4(receiptForm(sampleCase(), sampleHall())).overflows);
}

TEST(FormPage, WrappingNeverSplitsACharacter) {
  const auto lines = wrapText("一二三四五六七八九十", 5.0, 16.0);  // three characters a line
  EXPECT_EQ(lines, (std::vector<std::string>{"一二三", "四五六", "七八九", "十"}));
  EXPECT_EQ(wrapText("", 5.0, 16.0), std::vector<std::string>{""});
}

}  // namespace
}  // namespace jiujin::forms
