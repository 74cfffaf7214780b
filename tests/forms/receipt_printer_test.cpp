// A case's forms on the kiosk's ticket printer: encoded as ESC/POS in GB18030, decoded back
// with the printer library's decoder, and every field read off the paper.
#include <gtest/gtest.h>

#include "jiujin/devices/printer/escpos_decoder.hpp"
#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "jiujin/forms/case_forms.hpp"
#include "sample_case.hpp"

namespace jiujin::forms {
namespace {

using namespace devices::printer;
using testing::sampleCase;
using testing::sampleHall;

/// The one ticket the bytes print, cut.
PrintedTicket printed(const FormPrint& form) {
  const auto encoded = EscPosEncoder{}.encodeForm(form);
  EXPECT_FALSE(encoded.error) << encoded.error.message;
  const DecodedStream stream = decodeEscPos(encoded.bytes);
  EXPECT_TRUE(stream.problems.empty()) << stream.problems.front().message;
  EXPECT_EQ(stream.tickets.size(), 1u);
  return stream.tickets.empty() ? PrintedTicket{} : stream.tickets.front();
}

bool hasLine(const PrintedTicket& t, const std::string& text) {
  const auto lines = t.lineTexts();
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

TEST(FormsOnTheTicketPrinter, EveryFieldOfTheReceiptIsReadBackFromTheBytes) {
  const FormPrint receipt = receiptForm(sampleCase(), sampleHall());
  const PrintedTicket paper = printed(receipt);
  EXPECT_EQ(paper.cut, CutKind::Full);
  for (const auto& f : receipt.fields) EXPECT_TRUE(hasLine(paper, f.label + "：" + f.value)) << f.label;
  EXPECT_TRUE(hasLine(paper, "承诺办结日期：2026年5月8日"));
  EXPECT_TRUE(hasLine(paper, "已收材料（共2项）"));
  EXPECT_TRUE(hasLine(paper, "1. 居民身份证"));
  EXPECT_TRUE(hasLine(paper, "2. 户口簿"));
  EXPECT_TRUE(hasLine(paper, "领取结果时请出示此码"));
  for (const auto& note : receipt.notes) EXPECT_TRUE(hasLine(paper, note));
  EXPECT_EQ(paper.qrPayload(), "370199101-20260430-0001");
  // the title large, centred, emphasised; the hall name above it
  const auto& first = std::get<PrintedLine>(paper.elements.at(0));
  EXPECT_EQ(first.text, "测试便民服务中心");
  const auto& title = std::get<PrintedLine>(paper.elements.at(1));
  EXPECT_EQ(title.text, "收件回执单");
  EXPECT_EQ(title.format, (TextFormat{Alignment::Center, 2, 2, true}));
}

TEST(FormsOnTheTicketPrinter, TheCorrectionListAndTheRejectionNoticePrintEveryLine) {
  auto c = sampleCase();
  c.materials = {{"户口簿", core::MaterialStatus::Missing}, {"银行卡", core::MaterialStatus::Missing}};
  const PrintedTicket list = printed(correctionListForm(c, sampleHall(), c.registeredAt));
  EXPECT_TRUE(hasLine(list, "补交材料清单"));
  EXPECT_TRUE(hasLine(list, "需补交的全部材料（共2项）"));
  EXPECT_TRUE(hasLine(list, "1. 户口簿"));
  EXPECT_TRUE(hasLine(list, "2. 银行卡"));
  EXPECT_EQ(list.qrPayload(), c.number);

  c.reason = "不属于本中心受理范围";
  const PrintedTicket notice = printed(rejectionNoticeForm(c, sampleHall()));
  EXPECT_TRUE(hasLine(notice, "不予受理通知书"));
  EXPECT_TRUE(hasLine(notice, "不予受理理由"));
  EXPECT_TRUE(hasLine(notice, "1. 不属于本中心受理范围"));
  EXPECT_TRUE(hasLine(notice, "证件号码：3701**********1234"));
  EXPECT_TRUE(notice.qrPayload().empty());
}

TEST(FormsOnTheTicketPrinter, TextThatWouldBeReadAsAPrinterCommandIsRefused) {
  auto c = sampleCase();
  c.reason = "理由\x1b@";
  const auto encoded = EscPosEncoder{}.encodeForm(rejectionNoticeForm(c, sampleHall()));
  EXPECT_EQ(encoded.error.code, EncodeErrorCode::ControlCharacter);
  EXPECT_TRUE(encoded.bytes.empty());
}

}  // namespace
}  // namespace jiujin::forms
