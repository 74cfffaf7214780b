// The item catalog as hall managers keep it: CSV from Excel, in UTF-8 or GB18030.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "hall_fixture.hpp"
#include "jiujin/config/catalog.hpp"
#include "jiujin/base/text_encoding.hpp"
#include "jiujin/config/encoding.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::ElementsAre;

const std::string kHeader =
    "事项编码,事项名称,事项类别,权限层级,办件类型,承诺时限(工作日),收费,收费依据,提交材料,"
    "政策依据,通办范围,所属队列,平均办理时长(分钟),绿色通道\n";

std::vector<std::string> messagesOf(const CatalogResult& result) {
  std::vector<std::string> out;
  for (auto d : result.errors) out.push_back(toString(d));
  return out;
}

TEST(CatalogCsv, ReadsTheStandardElementsWrittenInChinese) {
  const auto result = parseCatalog(validCatalog(), "catalog.csv");
  ASSERT_THAT(messagesOf(result), ::testing::IsEmpty());
  ASSERT_EQ(result.items.size(), 3u);
  const auto& birth = result.items[0];
  EXPECT_EQ(birth.code, "T-001");
  EXPECT_EQ(birth.name, "生育服务登记");
  EXPECT_EQ(birth.kind, core::ItemKind::Immediate);
  EXPECT_EQ(birth.authority, core::AuthorityLevel::Township);
  EXPECT_EQ(birth.scope, core::TongbanScope::District);
  EXPECT_THAT(birth.materials, ElementsAre("夫妻双方居民身份证", "户口簿", "结婚证"));
  EXPECT_TRUE(birth.priorityAllowed);
  const auto& proof = result.items[2];
  EXPECT_THAT(proof.materials, ElementsAre("居民身份证", "户口簿"));  // split on |
  EXPECT_FALSE(proof.priorityAllowed);
  EXPECT_EQ(proof.typicalServiceMinutes, 5);
  EXPECT_EQ(result.queueCells[2], (CellPosition{4, 12}));
}

TEST(CatalogCsv, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
  const std::string csv = kHeader +
                          "X-1,\"老年优待证办理，含\"\"代办\"\"\",公共服务,镇街,承诺件,5,"
                          "\"10,5元\",依据,\"身份证\n户口簿\",法,同城通办,general,8,否\n"
                          "X-2,第二项,公共服务,区级,即办件,0,不收费,,身份证,法,本厅,general,,\n";
  const auto result = parseCatalog(csv, "c.csv");
  ASSERT_THAT(messagesOf(result), ::testing::IsEmpty());
  ASSERT_EQ(result.items.size(), 2u);
  EXPECT_EQ(result.items[0].name, "老年优待证办理，含\"代办\"");
  EXPECT_EQ(result.items[0].fees, "10,5元");
  EXPECT_THAT(result.items[0].materials, ElementsAre("身份证", "户口簿"));
  EXPECT_EQ(result.items[0].scope, core::TongbanScope::City);
  // The second record starts on line 4: the quoted line break belongs to the first.
  EXPECT_EQ(result.codeCells[1], (CellPosition{4, 1}));
  EXPECT_EQ(result.items[1].typicalServiceMinutes, 10) << "empty minutes take the default";
  EXPECT_TRUE(result.items[1].priorityAllowed) << "empty 绿色通道 means allowed";
}

TEST(CatalogCsv, AcceptsTheCoresWireAndDisplayNamesToo) {
  const std::string csv =
      kHeader +
      "X-1,名称,公共服务,乡镇（街道）级,promised,3,不收费,,身份证,法,本厅办理,general,10,否\n";
  const auto result = parseCatalog(csv, "c.csv");
  ASSERT_THAT(messagesOf(result), ::testing::IsEmpty());
  EXPECT_EQ(result.items.at(0).authority, core::AuthorityLevel::Township);
  EXPECT_EQ(result.items.at(0).kind, core::ItemKind::Promised);
  EXPECT_EQ(result.items.at(0).scope, core::TongbanScope::Hall);
}

TEST(CatalogCsv, AnUnclosedQuoteIsReportedAtItsLineAndColumn) {
  const std::string csv = kHeader + "X-1,\"未闭合,公共服务\n";
  EXPECT_THAT(messagesOf(parseCatalog(csv, "c.csv")),
              ElementsAre("c.csv:2:2: error: a quoted field is never closed (missing closing "
                          "quote \")"));
}

TEST(CatalogCsv, AValueOutsideTheAllowedWordsNamesItsCell) {
  const std::string csv =
      kHeader + "X-1,名称,公共服务,镇街,立即件,0,不收费,,身份证,法,本厅,general,10,是\n";
  EXPECT_THAT(messagesOf(parseCatalog(csv, "c.csv")),
              ElementsAre("c.csv:2:5: error: 办件类型 (column E): \"立即件\" is not one of 即办件, "
                          "承诺件"));
}

TEST(CatalogCsv, APromisedItemNeedsATimeLimit) {
  const std::string csv =
      kHeader + "X-1,名称,公共服务,镇街,承诺件,0,不收费,,身份证,法,本厅,general,10,是\n";
  EXPECT_THAT(messagesOf(parseCatalog(csv, "c.csv")),
              ElementsAre("c.csv:2:6: error: 承诺时限(工作日) (column F): a 承诺件 needs a time "
                          "limit of at least 1 working day"));
}

TEST(CatalogCsv, AHeaderWithoutTheQueueColumnIsReported) {
  std::string csv = kHeader;
  csv.replace(csv.find("所属队列"), std::string("所属队列").size(), "所属对列");
  const auto errors = messagesOf(parseCatalog(csv, "c.csv"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], ::testing::StartsWith("c.csv:1:1: error: the header has no column "
                                               "\"所属队列\"; expected the header 事项编码,"));
}

TEST(CatalogCsv, AByteOrderMarkPromisesUtf8AndItsBrokenPromiseIsReportedWhereItBreaks) {
  EXPECT_THAT(messagesOf(parseCatalog(std::string("\xEF\xBB\xBF\xFF\xFE", 5), "c.csv")),
              ElementsAre("c.csv:1:1: error: the catalog is neither UTF-8 nor GB18030/GBK text: byte 0xFF here "
                          "(its byte-order mark says UTF-8, and it is not); correct that cell, or save the file "
                          "from Excel as \"CSV UTF-8\""));
}

TEST(CatalogCsv, OneBadByteIsReportedAtItsLineAndColumnWithTheEncodingsTried) {
  // given a UTF-8 catalog whose tenth line has a stray byte after "X-9,第九"
  std::string csv = kHeader;
  for (int i = 1; i <= 8; ++i)
    csv += "X-" + std::to_string(i) + ",第" + std::to_string(i) + "项,公共服务,镇街,即办件,0,不收费,,身份证,法,本厅,general,5,是\n";
  csv += "X-9,第九\xFF项,公共服务,镇街,即办件,0,不收费,,身份证,法,本厅,general,5,是\n";
  const auto errors = messagesOf(parseCatalog(csv, "c.csv"));
  // then the error is at line 10, on the character after 第九 (column 7), not at 1:1
  EXPECT_THAT(errors, ElementsAre("c.csv:10:7: error: the catalog is neither UTF-8 nor GB18030/GBK text: byte 0xFF "
                                  "here (tried UTF-8 and GB18030/GBK; it reads as UTF-8 up to here); correct that "
                                  "cell, or save the file from Excel as \"CSV UTF-8\""));
}

TEST(CatalogCsv, ABig5CatalogIsOneErrorThatNamesTheEncodingNotOnePerColumn) {
  // given a catalog an office saved in Big5 (traditional characters)
  const std::string traditional =
      "事項編碼,事項名稱,事項類別,權限層級,辦件類型,承諾時限(工作日),收費,收費依據,提交材料,"
      "政策依據,通辦範圍,所屬隊列,平均辦理時長(分鐘),綠色通道\n"
      "X-1,高齡津貼,公共服務,鎮街,即辦件,0,不收費,,身份證,法,本廳,general,5,是\n";
  const auto big5 = base::convertText(traditional, base::Encoding::Utf8, base::Encoding::Big5);
  ASSERT_TRUE(big5) << big5.error().message;
  const auto errors = messagesOf(parseCatalog(big5.value(), "c.csv"));
  ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
  EXPECT_THAT(errors[0], ::testing::StartsWith("c.csv:1:1: error: the header names none of the catalog's columns"));
  EXPECT_THAT(errors[0], ::testing::HasSubstr("tried UTF-8 and GB18030/GBK; its bytes read as Big5"));
}

TEST(CatalogCsv, FullWidthSpacesAreTrimmedLikeAsciiSpacesInEveryField) {
  // given cells typed with a Chinese input method: U+3000 around the code, name, queue and materials
  const std::string csv = kHeader +
                          "X-1\u3000,\u3000高龄津贴 ,公共服务,镇街,承诺件,\u30005,不收费,,身份证\u3000；\u3000户口簿,法,本厅,"
                          "general\u3000,8\u3000,是\u3000\n";
  const auto result = parseCatalog(csv, "c.csv");
  ASSERT_THAT(messagesOf(result), ::testing::IsEmpty());
  ASSERT_EQ(result.items.size(), 1u);
  // then the code is the one a kiosk issues with (issuing "X-1" used to fail with unknown_item)
  EXPECT_EQ(result.items[0].code, "X-1");
  EXPECT_EQ(result.items[0].name, "高龄津贴");
  EXPECT_EQ(result.items[0].promisedWorkingDays, 5);
  EXPECT_EQ(result.items[0].typicalServiceMinutes, 8);
  EXPECT_THAT(result.items[0].materials, ElementsAre("身份证", "户口簿"));
  EXPECT_TRUE(result.items[0].priorityAllowed);
}

TEST(CatalogCsv, WritesUtf8WithBomAndCrlfThatReadsBackEqual) {
  const auto items = parseCatalog(validCatalog(), "c.csv").items;
  std::ostringstream out;
  writeCatalog(items, out);
  const auto bytes = out.str();
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(bytes.find("\r\n"), std::string::npos);
  const auto back = parseCatalog(bytes, "c.csv");
  EXPECT_THAT(messagesOf(back), ::testing::IsEmpty());
  EXPECT_EQ(back.items, items);
}

TEST(CatalogCsv, RoundTripsThroughGb18030AsExcelSavesIt) {
  TempDir dir;
  const auto sample = loadCatalog(samplePath("catalog.csv"));
  ASSERT_THAT(messagesOf(sample), ::testing::IsEmpty());
  std::ostringstream out;
  writeCatalog(sample.items, out);
  const auto gb = utf8ToGb18030(out.str().substr(3));
  ASSERT_TRUE(gb.has_value());
  ASSERT_FALSE(isValidUtf8(*gb)) << "the Chinese text must really be in GB18030 bytes";
  const auto back = loadCatalog(dir.write("gb.csv", *gb));
  EXPECT_THAT(messagesOf(back), ::testing::IsEmpty());
  EXPECT_EQ(back.items, sample.items);
}

TEST(CatalogCsv, OptionalTopicAndPinyinInitialsAreReadForTheKiosk) {
  // given the two optional columns, in another order and with initials typed in lower case
  const std::string header = "主题," + kHeader.substr(0, kHeader.size() - 1) + ",拼音首字母\n";
  const std::string csv = header +
                          "养老,X-1,高龄津贴申领,行政给付,镇街,承诺件,10,不收费,,身份证,法,同区通办,general,10,是,gl jtsl\n"
                          ",X-2,户籍证明开具,公共服务,镇街,即办件,0,不收费,,身份证,法,本厅,general,5,否,\n";
  const auto result = parseCatalog(csv, "c.csv");
  ASSERT_THAT(messagesOf(result), ::testing::IsEmpty());
  ASSERT_EQ(result.guides.size(), 2u);
  EXPECT_EQ(result.guides[0], (ItemGuide{"X-1", "养老", "GLJTSL"}));
  EXPECT_EQ(result.guides[1], (ItemGuide{"X-2", "", ""}));
}

TEST(CatalogCsv, ACatalogWithoutTheOptionalColumnsGivesEmptyGuides) {
  const auto result = parseCatalog(validCatalog(), "catalog.csv");
  ASSERT_THAT(messagesOf(result), ::testing::IsEmpty());
  ASSERT_EQ(result.guides.size(), result.items.size());
  for (const auto& guide : result.guides) EXPECT_TRUE(guide.topic.empty() && guide.initials.empty());
  EXPECT_EQ(result.guides[0].code, result.items[0].code);
}

TEST(CatalogCsv, InitialsThatAreNotLettersAndOverlongTopicsAreRefusedWithTheirCell) {
  const std::string header = kHeader.substr(0, kHeader.size() - 1) + ",主题,拼音首字母\n";
  const std::string csv = header +
                          "X-1,高龄津贴申领,行政给付,镇街,承诺件,10,不收费,,身份证,法,同区通办,general,10,是,养老,高龄\n"
                          "X-2,户籍证明开具,公共服务,镇街,即办件,0,不收费,,身份证,法,本厅,general,5,否,户籍户籍户籍户籍户籍户籍,HJ\n";
  const auto result = parseCatalog(csv, "c.csv");
  EXPECT_THAT(messagesOf(result),
              ElementsAre("c.csv:2:16: error: 拼音首字母 (column P): \"高龄\" should be the initials of the name's "
                          "pinyin in letters A–Z, e.g. GLJTSL for 高龄津贴申领",
                          "c.csv:3:15: error: 主题 (column O): \"户籍户籍户籍户籍户籍户籍\" has 12 characters; a topic "
                          "has at most 10 (a life event, e.g. 养老)"));
  EXPECT_TRUE(result.items.empty());
}

TEST(CatalogCsv, TheSampleCatalogsGiveEveryResidentItemATopic) {
  for (const char* name : {"catalog.csv", "district-catalog.csv", "village-catalog.csv"}) {
    const auto sample = loadCatalog(samplePath(name));
    ASSERT_THAT(messagesOf(sample), ::testing::IsEmpty()) << name;
    int withTopic = 0;
    for (const auto& guide : sample.guides) withTopic += guide.topic.empty() ? 0 : 1;
    EXPECT_GE(withTopic, static_cast<int>(sample.guides.size()) - 2) << name;
  }
}

TEST(CatalogCsv, AMissingFileIsReportedNotThrown) {
  const auto result = loadCatalog("/nonexistent/catalog.csv");
  EXPECT_THAT(messagesOf(result),
              ElementsAre("/nonexistent/catalog.csv:0:0: error: cannot open the catalog file"));
}

}  // namespace
}  // namespace jiujin::config::testing
