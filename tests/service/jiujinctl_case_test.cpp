// `jiujinctl case …` as a clerk or manager types it, against the real dispatcher on its SQLite
// file: a case accepted with a material missing, supplied, processed, decided, made ready at
// the issuing window and handed over; the register filtered; refusals worded and exit codes.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "jiujin/devices/printer/escpos_decoder.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

std::vector<std::string> ctl(const RunningHall& hall, std::vector<std::string> args) {
  std::vector<std::string> argv{jiujinctlBinary().string(), "--endpoint", hall.commands, "--events", hall.events};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

/// Runs jiujinctl and returns its output; the exit status must be `status`.
std::string run(const RunningHall& hall, std::vector<std::string> args, int status = 0) {
  std::string out;
  EXPECT_EQ(runProgram(ctl(hall, args), out), status) << out;
  return out;
}

bool says(const std::string& out, const std::string& text) { return out.find(text) != std::string::npos; }

class JiujinctlCase : public ::testing::Test {
 protected:
  void SetUp() override {
    run(hall, {"login", "1", "c01", "--pin", "1234"});
    run(hall, {"login", "3", "c02", "--pin", "1234"});
  }
  /// Accepts a 高龄津贴申领 (承诺件, 10 working days) at window 1 and returns its number.
  std::string accept(std::vector<std::string> materials) {
    std::vector<std::string> args{"--json", "case", "accept", "1", "T-0002", "--name", "张三",
                                  "--id-number", "370102199001011234", "--phone", "13812345678"};
    args.insert(args.end(), materials.begin(), materials.end());
    const json reply = json::parse(run(hall, args));
    return reply["result"]["case"]["number"];
  }
  RunningHall hall;
};

TEST_F(JiujinctlCase, ACaseGoesFromAcceptanceToHandOverAndEachStepIsShown) {
  // accepted with the ID card missing: 补正, no promised date yet
  const std::string number = accept({"--missing", "居民身份证"});
  ASSERT_EQ(number.substr(0, 10), "370199101-");
  std::string shown = run(hall, {"case", "show", number});
  EXPECT_TRUE(says(shown, "办件 case " + number + "  补正中 correction")) << shown;
  EXPECT_TRUE(says(shown, "[缺] 居民身份证")) << shown;
  EXPECT_TRUE(says(shown, "13812345678")) << "an admin sees the phone whole: " << shown;

  // the resident brings it: accepted, with a promised date
  const std::string supplied = run(hall, {"case", "advance", "supply", "1", number, "--received", "居民身份证"});
  EXPECT_TRUE(says(supplied, "已受理 accepted")) << supplied;
  EXPECT_TRUE(says(supplied, "[已收] 居民身份证")) << supplied;
  EXPECT_FALSE(says(supplied, "承诺办结 due -")) << "accepted cases have a date: " << supplied;

  EXPECT_TRUE(says(run(hall, {"case", "advance", "start", "1", number}), "办理中 processing"));
  // a refusal without its reason is bad usage, nothing sent
  EXPECT_TRUE(says(run(hall, {"case", "advance", "decide", "1", number, "refused"}, 2), "--reason"));
  EXPECT_TRUE(says(run(hall, {"case", "advance", "decide", "1", number, "approved"}), "已办结 decided"));
  // collecting before it is ready is refused by the dispatcher, in both languages
  const std::string early = run(hall, {"case", "collect", "3", number, "--by", "张三"}, 1);
  EXPECT_TRUE(says(early, "illegal_transition")) << early;
  EXPECT_TRUE(says(run(hall, {"case", "ready", "3", number}), "出件 issuing     3号窗口"));
  const std::string collected = run(hall, {"case", "collect", "3", number, "--by", "张三"});
  EXPECT_TRUE(says(collected, "已领取 collected")) << collected;
  EXPECT_TRUE(says(collected, "领取 collected   张三")) << collected;

  // the whole history, one line a step
  shown = run(hall, {"case", "show", number});
  for (const char* step : {"补正中", "已受理", "办理中", "已办结", "待领取", "已领取"})
    EXPECT_TRUE(says(shown, step)) << step << " in " << shown;
}

TEST_F(JiujinctlCase, TheRegisterIsFilteredByStateItemClerkAndDueDate) {
  const std::string waiting = accept({"--missing", "居民身份证"});
  const std::string accepted = accept({"--received", "居民身份证"});
  const std::string refused = accept({"--received", "居民身份证"});
  run(hall, {"case", "refuse", "1", refused, "--reason", "不属于本中心受理范围"});

  const json all = json::parse(run(hall, {"--json", "case", "list"}));
  EXPECT_EQ(all["result"]["total"], 3);
  const json correction = json::parse(run(hall, {"--json", "case", "list", "--state", "correction"}));
  ASSERT_EQ(correction["result"]["total"], 1);
  EXPECT_EQ(correction["result"]["cases"][0]["number"], waiting);
  const json rejected = json::parse(run(hall, {"--json", "case", "list", "--state", "rejected", "--item", "T-0002"}));
  ASSERT_EQ(rejected["result"]["total"], 1);
  EXPECT_EQ(rejected["result"]["cases"][0]["reason"], "不属于本中心受理范围");
  EXPECT_EQ(json::parse(run(hall, {"--json", "case", "list", "--clerk", "c02"}))["result"]["total"], 0);
  EXPECT_EQ(json::parse(run(hall, {"--json", "case", "list", "--clerk", "c01"}))["result"]["total"], 3);
  // 10 working days: none is due before tomorrow, the accepted ones before a year from now
  EXPECT_EQ(json::parse(run(hall, {"--json", "case", "list", "--due-before", "2000-01-01"}))["result"]["total"], 0);
  const json dueSoon = json::parse(run(hall, {"--json", "case", "list", "--due-before", "2999-01-01"}));
  EXPECT_GE(dueSoon["result"]["total"], 1);
  for (const auto& c : dueSoon["result"]["cases"]) EXPECT_NE(c["number"], waiting) << "no date in 补正";

  // for a person: one line a case, applicants masked in the register
  const std::string human = run(hall, {"case", "list", "--state", "accepted"});
  EXPECT_TRUE(says(human, "台账 register: 1 件 cases")) << human;
  EXPECT_TRUE(says(human, accepted + "  已受理(accepted)  T-0002 高龄津贴申领  张*")) << human;
  EXPECT_FALSE(says(human, "13812345678")) << human;
}

TEST_F(JiujinctlCase, MistakesAreBadUsageAndRefusalsExitWithOne) {
  EXPECT_TRUE(says(run(hall, {"case", "list", "--state", "lost"}, 2), "\"lost\" is not one of"));
  EXPECT_TRUE(says(run(hall, {"case", "list", "--due-before", "2026-2-1"}, 2), "YYYY-MM-DD"));
  EXPECT_TRUE(says(run(hall, {"case", "accept", "1", "T-0002", "--name", "张三"}, 2), "--received"));
  EXPECT_TRUE(says(run(hall, {"case", "show", "370199101-20000101-0001"}, 1), "not_found"));
  // a clerk without the agent flag may not register a case for an absent resident
  const std::string agent = run(hall, {"case", "accept", "1", "T-0002", "--name", "张三", "--received", "居民身份证",
                                       "--agent", "--request", "高龄津贴申领"},
                                1);
  EXPECT_TRUE(says(agent, "forbidden")) << agent;
  // c02 is a 代办员: the same at window 3 is registered, channel 代办
  const std::string registered = run(hall, {"case", "accept", "3", "T-0002", "--name", "张三", "--received",
                                            "居民身份证", "--agent", "--request", "高龄津贴申领"});
  EXPECT_TRUE(says(registered, "代办  申请内容 高龄津贴申领")) << registered;
}

TEST_F(JiujinctlCase, TheReceiptIsPrintedForTheTicketPrinterAndAsAnA4Pdf) {
  const std::string number = accept({"--received", "居民身份证"});
  const json shown = json::parse(run(hall, {"--json", "case", "show", number}));
  const std::string due = shown["result"]["case"]["dueDate"];  // YYYY-MM-DD
  const std::string dueInChinese = std::to_string(std::stoi(due.substr(0, 4))) + "年" +
                                   std::to_string(std::stoi(due.substr(5, 2))) + "月" +
                                   std::to_string(std::stoi(due.substr(8, 2))) + "日";
  const auto escpos = hall.dir.path() / "receipt.bin";
  const auto pdf = hall.dir.path() / "receipt.pdf";
  const std::string out = run(hall, {"case", "print", number, "--escpos", escpos.string(), "--pdf", pdf.string(),
                                     "--hall-name", "测试便民服务中心", "--hall-phone", "0531-88886666",
                                     "--collect-at", "3号窗口（统一出件）"});
  EXPECT_TRUE(says(out, "收件回执单 ESC/POS")) << out;

  // the ticket printer's bytes decode to the receipt, its promised date and its QR code
  std::ifstream in(escpos, std::ios::binary);
  const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto paper = devices::printer::decodeEscPos(bytes);
  ASSERT_EQ(paper.tickets.size(), 1u);
  const auto lines = paper.tickets[0].lineTexts();
  for (const std::string& line : std::vector<std::string>{"收件回执单", "办件编号：" + number, "承诺办结日期：" + dueInChinese,
                                  "领取地点：3号窗口（统一出件）", "咨询电话：0531-88886666", "1. 居民身份证"})
    EXPECT_NE(std::find(lines.begin(), lines.end(), line), lines.end()) << line;
  EXPECT_EQ(paper.tickets[0].qrPayload(), number);

  // the PDF is one that poppler (poppler-utils, scripts/setup) reads, with the same number and date
  std::string text;
  ASSERT_EQ(runProgram({"/usr/bin/pdftotext", pdf.string(), "-"}, text), 0) << text;
  EXPECT_TRUE(says(text, number)) << text;
  EXPECT_TRUE(says(text, dueInChinese)) << text;

  // a form that is not one, and a case that is not there
  EXPECT_TRUE(says(run(hall, {"case", "print", number, "--form", "letter", "--pdf", pdf.string()}, 2), "--form"));
  EXPECT_TRUE(says(run(hall, {"case", "print", "370199101-20000101-0001", "--pdf", pdf.string()}, 1), "not_found"));
}

}  // namespace
}  // namespace jiujin::testing
