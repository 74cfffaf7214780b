#include "jiujin/kiosk/item_list_model.hpp"

#include <gtest/gtest.h>

#include "jiujin/kiosk/pinyin_initials.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using namespace std::chrono_literals;

QStringList column(const ItemListModel& model, int role) {
  QStringList values;
  for (int row = 0; row < model.rowCount(); ++row) values << model.data(model.index(row), role).toString();
  return values;
}

core::ServiceItem item(const char* code, const char* name, const char* category, const char* queue = "general") {
  core::ServiceItem i;
  i.code = code;
  i.name = name;
  i.category = category;
  i.queue = queue;
  return i;
}

std::vector<core::ServiceItem> fourItems() {
  return {item("1", "生育服务登记", "公共服务"), item("2", "高龄津贴申领", "行政给付"),
          item("3", "就业失业登记", "公共服务"), item("4", "老年优待证办理", "公共服务")};
}

std::vector<config::ItemGuide> lifeEvents() {
  return {{"1", "生育", ""}, {"2", "养老", ""}, {"3", "就业", ""}, {"4", "养老", ""}};
}

TEST(ItemList, ItemsAreGroupedByTopicInCatalogOrderNotByLegalCategory) {
  ItemListModel model;
  model.setItems(fourItems(), lifeEvents());
  EXPECT_EQ(model.topics(), (QStringList{"生育", "养老", "就业"}));
  EXPECT_EQ(column(model, ItemListModel::NameRole),
            (QStringList{"生育服务登记", "高龄津贴申领", "老年优待证办理", "就业失业登记"}));
  EXPECT_EQ(column(model, ItemListModel::HeadingRole), (QStringList{"生育", "养老", "养老", "就业"}));
}

TEST(ItemList, ItemsWithoutATopicComeLastUnderOther) {
  ItemListModel model;
  model.setItems(fourItems(), {{"2", "养老", ""}});
  EXPECT_EQ(model.topics(), (QStringList{"养老", "其他"}));
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"2", "1", "3", "4"}));
  model.chooseTopic(1);
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"1", "3", "4"}));
}

TEST(ItemList, TheHallsMostUsedItemsComeFirstThenEveryTopic) {
  ItemListModel model;
  model.setItems(fourItems(), lifeEvents());
  model.setUsage({{"4", 30}, {"2", 90}, {"3", 0}});
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"2", "4", "1", "2", "4", "3"}));
  EXPECT_EQ(column(model, ItemListModel::HeadingRole).mid(0, 3), (QStringList{"常用事项", "常用事项", "生育"}));
  // at most kMostUsed of them
  std::vector<core::ServiceItem> many;
  std::map<std::string, std::int64_t> used;
  for (int i = 0; i < 10; ++i) {
    many.push_back(item(std::to_string(i).c_str(), "事项", "公共服务"));
    used[std::to_string(i)] = 10 + i;
  }
  model.setItems(many);
  model.setUsage(used);
  const auto headings = column(model, ItemListModel::HeadingRole);
  EXPECT_EQ(headings.count(QStringLiteral("常用事项")), ItemListModel::kMostUsed);
  EXPECT_EQ(model.data(model.index(0), ItemListModel::CodeRole).toString(), QStringLiteral("9"));
}

TEST(ItemList, AChosenTopicShowsOnlyItsItemsAndNoMostUsed) {
  ItemListModel model;
  model.setItems(fourItems(), lifeEvents());
  model.setUsage({{"1", 5}});
  model.chooseTopic(1);
  EXPECT_EQ(model.topic(), 1);
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"2", "4"}));
  model.chooseTopic(-1);
  EXPECT_EQ(model.rowCount(), 5);
}

TEST(ItemList, PinyinInitialsOnThePadFindTheItemWithoutAKeyboard) {
  ItemListModel model;
  model.setItems(fourItems(), lifeEvents());
  for (const char* letter : {"G", "l", "J", "T"}) model.typeLetter(QString::fromLatin1(letter));
  EXPECT_EQ(model.initials(), QStringLiteral("GLJT"));
  EXPECT_EQ(column(model, ItemListModel::NameRole), (QStringList{"高龄津贴申领"}));
  // the initials may start inside the name: 优待证 (YDZ)
  model.clearSearch();
  for (const char* letter : {"Y", "D", "Z"}) model.typeLetter(QString::fromLatin1(letter));
  EXPECT_EQ(column(model, ItemListModel::NameRole), (QStringList{"老年优待证办理"}));
  model.eraseLetter();
  model.eraseLetter();
  EXPECT_EQ(model.initials(), QStringLiteral("Y"));
}

TEST(ItemList, ThePadOffersOnlyLettersThatStillFindAnItem) {
  ItemListModel model;
  model.setItems(fourItems(), lifeEvents());
  model.typeLetter(QStringLiteral("G"));
  EXPECT_EQ(model.nextLetters(), QStringLiteral("L")) << "高龄 is the only G";
  model.typeLetter(QStringLiteral("Q"));  // a dimmed key finds nothing and does nothing
  EXPECT_EQ(model.initials(), QStringLiteral("G"));
  model.typeLetter(QStringLiteral("7"));
  EXPECT_EQ(model.initials(), QStringLiteral("G"));
}

TEST(ItemList, TypingALetterSearchesEveryTopicAndChoosingATopicClearsTheLetters) {
  ItemListModel model;
  model.setItems(fourItems(), lifeEvents());
  model.chooseTopic(0);  // 生育
  model.typeLetter(QStringLiteral("J"));
  EXPECT_EQ(model.topic(), -1);
  // 登记 (DJ), 津贴 (JT), 就业 (JY): every topic
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"1", "2", "3"}));
  model.chooseTopic(2);
  EXPECT_TRUE(model.initials().isEmpty());
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"3"}));
}

TEST(ItemList, TheCatalogsInitialsPutRightAPolyphoneTheDerivationReadsOtherwise) {
  // 银行 is yín háng; the common reading of 行 is xíng
  ItemListModel model;
  model.setItems({item("1", "银行卡变更", "公共服务")}, {{"1", "", "YHKBG"}});
  model.typeLetter(QStringLiteral("Y"));
  model.typeLetter(QStringLiteral("H"));
  EXPECT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.data(model.index(0), ItemListModel::InitialsRole).toString(), QStringLiteral("YHKBG"));
}

TEST(ItemList, SearchKeepsOnlyItemsWhoseNameContainsTheText) {
  ItemListModel model;
  model.setItems({item("1", "生育服务登记", "公共服务"), item("2", "高龄津贴申领", "行政给付"),
                  item("3", "就业失业登记", "公共服务")});
  model.setFilter(QStringLiteral(" 登记 "));
  EXPECT_EQ(column(model, ItemListModel::CodeRole), (QStringList{"1", "3"}));
  model.setFilter(QStringLiteral("没有这个"));
  EXPECT_EQ(model.rowCount(), 0);
  model.setFilter({});
  EXPECT_EQ(model.rowCount(), 3);
}

TEST(ItemList, WaitingIsUnknownUntilALiveHallIsGiven) {
  const auto config = test::townshipSample();
  ItemListModel model;
  model.setItems(config.definition.items);
  ASSERT_GT(model.rowCount(), 0);
  EXPECT_EQ(model.data(model.index(0), ItemListModel::WaitingRole).toInt(), -1);

  core::Hall hall(config.definition);
  const core::TimePoint now{core::Milliseconds(1'715'000'000'000)};
  ASSERT_TRUE(hall.execute(core::cmd::OpenDay{core::dateOf(now)}, now));
  const std::string first = model.data(model.index(0), ItemListModel::CodeRole).toString().toStdString();
  ASSERT_TRUE(hall.execute(core::cmd::IssueTicket{first}, now));
  ASSERT_TRUE(hall.execute(core::cmd::IssueTicket{first}, now));
  model.updateWaiting(&hall, now);
  EXPECT_EQ(model.data(model.index(0), ItemListModel::WaitingRole).toInt(), 2);

  model.updateWaiting(nullptr, now);  // the link went stale
  EXPECT_EQ(model.data(model.index(0), ItemListModel::WaitingRole).toInt(), -1);
}

TEST(PinyinInitials, AreDerivedForEverySampleItemName) {
  EXPECT_EQ(pinyinInitials("高龄津贴申领"), "GLJTSL");
  EXPECT_EQ(pinyinInitials("城乡居民基本养老保险参保登记"), "CXJMJBYLBXCBDJ");
  EXPECT_EQ(pinyinInitials("不动产转移登记（存量房买卖）"), "BDCZYDJCLFMM");
  EXPECT_EQ(pinyinInitials("个人所得税综合所得汇算清缴咨询"), "GRSDSZHSDHSQJZX");
  EXPECT_EQ(pinyinInitials("A类·ab 3"), "ALAB3");
  EXPECT_EQ(pinyinInitials(""), "");
  for (const auto& item : test::townshipSample().definition.items)
    EXPECT_GE(pinyinInitials(item.name).size(), 4u) << item.name;
}

}  // namespace
}  // namespace jiujin::kiosk
