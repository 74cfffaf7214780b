// The gateway's plan of the township hall: buses, devices and poll intervals the wire allows.
#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/format.h>

#include "jiujin/devices/gateway/gateway_plan.hpp"
#include "support/sample_hall.hpp"

namespace jiujin::devices::gateway {
namespace {

using namespace std::chrono_literals;

drivers::ProfileLibrary builtinProfiles() {
  drivers::ProfileLibrary profiles;
  EXPECT_FALSE(profiles.loadDirectory(testing::sourceDir() / "devices/profiles"));
  return profiles;
}

TEST(GatewayPlan, TownshipHasTwoBusesWithEveryDeviceAndItsWindow) {
  auto plan = planGateway(testing::townshipHall(), builtinProfiles());
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_EQ(plan->buses.size(), 2u);
  EXPECT_EQ(plan->buses[0].id, "rs485-1");
  EXPECT_EQ(plan->buses[0].devices.size(), 19u);  // the strip and 6 windows × 3
  EXPECT_EQ(plan->buses[1].devices.size(), 18u);
  const auto& keypad = plan->devices.at("w3-keypad");
  EXPECT_EQ(keypad.window, 3);
  EXPECT_EQ(keypad.slave, 23);
  EXPECT_EQ(keypad.profile.name, "jiujin-keypad-v1");
  ASSERT_TRUE(plan->buses[0].rtu);
  EXPECT_EQ(plan->buses[0].rtu->port, "/dev/ttyUSB0");
  EXPECT_EQ(plan->clerkNames.at("c01"), "王芳");
}

TEST(GatewayPlan, AKeypadKeepsTheTransferTargetOfTheHallFile) {
  auto hall = testing::townshipHall();
  const auto keypad = std::find_if(hall.devices.begin(), hall.devices.end(), [](const auto& d) { return d.id == "w3-keypad"; });
  ASSERT_NE(keypad, hall.devices.end());
  EXPECT_EQ(keypad->transferTo, core::TransferTarget{core::WindowKind::Issuing});  // the default
  keypad->transferTo = core::WindowNumber{11};
  auto plan = planGateway(hall, builtinProfiles());
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->devices.at("w3-keypad").transferTo, core::TransferTarget{core::WindowNumber{11}});
  EXPECT_EQ(plan->devices.at("w4-keypad").transferTo, core::TransferTarget{core::WindowKind::Issuing});
}

TEST(GatewayPlan, RuntimeDirPointsEveryBusAtTheSimulatorsLink) {
  PlanOptions options;
  options.runtimeDir = "/tmp/jj";
  auto plan = planGateway(testing::townshipHall(), builtinProfiles(), options);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->buses[1].rtu->port, "/tmp/jj/rs485-2");
}

TEST(GatewayPlan, SixKeypadsAreAskedKeyPendingAtTheHallsIntervalAtNinetySixHundredBaud) {
  auto plan = planGateway(testing::townshipHall(), builtinProfiles());
  ASSERT_TRUE(plan);
  for (const auto& bus : plan->buses) {
    // A round of six one-register checks (~23 ms each) fits the hall's 200 ms.
    EXPECT_EQ(bus.keypadPollInterval, 200ms) << bus.id;
    EXPECT_GE(bus.padPollInterval, bus.keypadPollInterval) << bus.id;
    EXPECT_LE(bus.plannedPollLoad, 0.85) << bus.id;
    EXPECT_GT(bus.plannedPollLoad, 0.5) << bus.id;
  }
}

TEST(GatewayPlan, ThirtyKeypadsOnOneLineAreAskedWithinASecondAndLeaveRoomForWrites) {
  auto hall = testing::townshipHall();
  hall.buses.resize(1);
  for (auto& d : hall.devices) d.bus = hall.buses[0].id;
  const auto keypad = *std::find_if(hall.devices.begin(), hall.devices.end(),
                                    [](const auto& d) { return d.kind == config::DeviceKind::Keypad; });
  const int keypads = static_cast<int>(std::count_if(hall.devices.begin(), hall.devices.end(),
                                                     [](const auto& d) { return d.kind == config::DeviceKind::Keypad; }));
  for (int k = keypads; k < 30; ++k) {
    auto more = keypad;
    more.id = fmt::format("extra-keypad-{}", k);
    more.address = 150 + k;
    hall.devices.push_back(more);
  }
  auto plan = planGateway(hall, builtinProfiles());
  ASSERT_TRUE(plan) << plan.error().message;
  const auto& bus = plan->buses[0];
  // a round is 30 checks of one register: stretched past the hall's 200 ms, under a second
  EXPECT_GT(bus.keypadPollInterval, 700ms);
  EXPECT_LT(bus.keypadPollInterval, 900ms);
  EXPECT_LT(bus.plannedPollLoad, 0.95);
}

TEST(GatewayPlan, FastLineKeepsTheHallsPollInterval) {
  auto hall = testing::townshipHall();
  for (auto& bus : hall.buses) bus.baud = 115200;
  auto plan = planGateway(hall, builtinProfiles());
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->buses[0].keypadPollInterval, 200ms);
  EXPECT_EQ(plan->buses[0].padPollInterval, 400ms);
}

TEST(GatewayPlan, UnknownProfileIsRefusedNamingTheDevice) {
  auto hall = testing::townshipHall();
  hall.devices[2].profile = "vendor-x-keypad";
  auto plan = planGateway(hall, builtinProfiles());
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find(hall.devices[2].id), std::string::npos);
  EXPECT_NE(plan.error().message.find("vendor-x-keypad"), std::string::npos);
}

TEST(GatewayPlan, ProfileOfAnotherKindIsRefused) {
  auto hall = testing::townshipHall();
  hall.devices[1].profile = "jiujin-keypad-v1";  // w1-display
  auto plan = planGateway(hall, builtinProfiles());
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("w1-display"), std::string::npos);
}

TEST(GatewayPlan, BusWithoutPortOrGatewayIsRefused) {
  auto hall = testing::townshipHall();
  hall.buses[0].port.clear();
  auto plan = planGateway(hall, builtinProfiles());
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("rs485-1"), std::string::npos);
}

}  // namespace
}  // namespace jiujin::devices::gateway
