#include "jiujin/kiosk/item_list_model.hpp"

#include <gtest/gtest.h>

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

TEST(ItemList, ItemsAreGroupedByCategoryInCatalogOrder) {
  ItemListModel model;
  model.setItems({item("1", "生育服务登记", "公共服务"), item("2", "高龄津贴申领", "行政给付"),
                  item("3", "就业失业登记", "公共服务")});
  EXPECT_EQ(column(model, ItemListModel::NameRole), (QStringList{"生育服务登记", "就业失业登记", "高龄津贴申领"}));
  EXPECT_EQ(model.categories(), (QStringList{"公共服务", "行政给付"}));
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

}  // namespace
}  // namespace jiujin::kiosk
