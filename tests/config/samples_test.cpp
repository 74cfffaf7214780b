// The sample halls are what the demo runs and managers copy: they must load cleanly.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "hall_fixture.hpp"
#include "jiujin/config/pin.hpp"

namespace jiujin::config::testing {
namespace {

HallConfig loadSample(std::string_view name) {
  const auto result = loadHallConfig(samplePath(name));
  std::string all;
  for (const auto& d : result.errors) all += toString(d) + "\n";
  EXPECT_TRUE(result.errors.empty()) << all;
  return result.config.value_or(HallConfig{});
}

int countKind(const HallConfig& c, core::WindowKind kind) {
  return static_cast<int>(std::count_if(c.definition.windows.begin(), c.definition.windows.end(),
                                        [&](const auto& w) { return w.kind == kind; }));
}

const core::ServiceItem* itemNamed(const HallConfig& c, std::string_view name) {
  for (const auto& item : c.definition.items) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

TEST(SampleHalls, TownshipCentreLoadsWithTheWindowsOfATownshipCentre) {
  const auto c = loadSample("township.toml");
  EXPECT_EQ(c.hall.level, HallLevel::Township);
  EXPECT_EQ(c.definition.windows.size(), 12u);
  EXPECT_GE(countKind(c, core::WindowKind::General), 4);
  EXPECT_EQ(countKind(c, core::WindowKind::Issuing), 1);
  EXPECT_EQ(countKind(c, core::WindowKind::Complaints), 1);
  EXPECT_GE(countKind(c, core::WindowKind::Specialist), 3);
  EXPECT_EQ(c.buses.size(), 2u);
  EXPECT_TRUE(c.hours.continuousAtNoon());
  EXPECT_FALSE(c.hours.extended.empty());
  EXPECT_FALSE(c.kiosk.printerPort.empty());
  ASSERT_FALSE(c.clerks.empty());
  EXPECT_TRUE(verifyPin(c.clerks.front().pinHash, "1234")) << "the documented demo PIN";
}

TEST(SampleHalls, TownshipCatalogHoldsTheTongbanPilotItems) {
  const auto c = loadSample("township.toml");
  for (const char* name :
       {"生育服务登记", "独生子女父母关怀抚恤金申领", "高龄津贴申领", "就业失业登记"}) {
    const auto* item = itemNamed(c, name);
    ASSERT_NE(item, nullptr) << name;
    EXPECT_EQ(item->scope, core::TongbanScope::District) << name;
  }
  const auto* senior = itemNamed(c, "老年优待证办理");
  ASSERT_NE(senior, nullptr);
  EXPECT_EQ(senior->scope, core::TongbanScope::City);
  EXPECT_GE(c.definition.items.size(), 30u);
}

TEST(SampleHalls, VillageStationLoadsWithAnAgentAndOneBus) {
  const auto c = loadSample("village.toml");
  EXPECT_EQ(c.hall.level, HallLevel::Village);
  EXPECT_LE(c.definition.windows.size(), 2u);
  EXPECT_EQ(c.buses.size(), 1u);
  EXPECT_TRUE(std::any_of(c.clerks.begin(), c.clerks.end(), [](auto& k) { return k.agent; }));
  EXPECT_FALSE(c.hours.continuousAtNoon());
}

TEST(SampleHalls, DistrictCentreLoadsWithManyWindowsBusesAndClientKeys) {
  const auto c = loadSample("district.toml");
  EXPECT_EQ(c.hall.level, HallLevel::District);
  EXPECT_GE(c.definition.windows.size(), 30u);
  EXPECT_GE(c.buses.size(), 3u);
  EXPECT_TRUE(std::any_of(c.buses.begin(), c.buses.end(), [](auto& b) { return b.port.empty(); }))
      << "one bus is behind a Modbus TCP gateway";
  EXPECT_FALSE(c.clients.empty());
  EXPECT_FALSE(c.service.curve) << "samples bind loopback without CURVE";
  EXPECT_TRUE(c.announcements.english);
}

}  // namespace
}  // namespace jiujin::config::testing
