#include "jiujin/devices/device_health.hpp"

#include <gtest/gtest.h>

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;
using TimePoint = DeviceHealth::TimePoint;

const TimePoint t0{};
const ModbusError timeout{ModbusErrorKind::Timeout, 0, "bus1 slave 3: no reply in time"};
const ModbusError badCrc{ModbusErrorKind::BadCrc, 0, "bus1 slave 3: reply with a bad CRC"};
const ModbusError illegalAddress{ModbusErrorKind::Exception, 2, "bus1 slave 3: exception 2"};

TEST(DeviceHealth, GoesOfflineOnlyAfterTheConfiguredNumberOfConsecutiveFailures) {
  DeviceHealth health(HealthPolicy{3, 500ms, 10s});
  EXPECT_EQ(health.record(timeout, t0), HealthChange::None);
  EXPECT_EQ(health.record(badCrc, t0), HealthChange::None);
  EXPECT_TRUE(health.online());
  EXPECT_EQ(health.record(timeout, t0), HealthChange::WentOffline);
  EXPECT_FALSE(health.online());
}

TEST(DeviceHealth, AnAnswerInBetweenResetsTheFailureCount) {
  DeviceHealth health(HealthPolicy{3, 500ms, 10s});
  health.record(timeout, t0);
  health.record(timeout, t0);
  health.record(std::nullopt, t0);
  health.record(timeout, t0);
  health.record(timeout, t0);
  EXPECT_TRUE(health.online());
  EXPECT_EQ(health.consecutiveFailures(), 2);
}

TEST(DeviceHealth, ExceptionRepliesTakeTheDeviceOffTheLineAsRefusing) {
  // given a display that answers every write with an exception (it takes only another function)
  DeviceHealth health(HealthPolicy{3, 500ms, 10s});
  EXPECT_EQ(health.record(illegalAddress, t0), HealthChange::None);
  EXPECT_EQ(health.record(illegalAddress, t0), HealthChange::None);
  // then the third refusal takes it off the line, in error rather than offline, with backoff
  EXPECT_EQ(health.record(illegalAddress, t0), HealthChange::WentOffline);
  EXPECT_FALSE(health.online());
  EXPECT_TRUE(health.refusing());
  EXPECT_EQ(health.nextProbeAt(), t0 + 500ms);
  EXPECT_EQ(health.counters().exceptions, 3u);
  EXPECT_EQ(health.counters().lastError, illegalAddress.message);
}

TEST(DeviceHealth, ADeviceThatStopsAnsweringWhileRefusingIsOfflineNotInError) {
  DeviceHealth health(HealthPolicy{1, 500ms, 10s});
  health.record(illegalAddress, t0);
  EXPECT_TRUE(health.refusing());
  health.record(timeout, t0 + 500ms);
  EXPECT_FALSE(health.refusing());
  EXPECT_FALSE(health.online());
}

TEST(DeviceHealth, ADeviceThatFailsAgainSoonAfterComingBackKeepsItsBackoff) {
  DeviceHealth health(HealthPolicy{1, 500ms, 4s});
  health.record(illegalAddress, t0);                   // off: probe after 500 ms
  health.record(illegalAddress, t0 + 500ms);            // still: 1 s
  health.record(std::nullopt, t0 + 1500ms);             // a probe is taken: back
  health.record(illegalAddress, t0 + 1600ms);           // and refused again at once
  EXPECT_EQ(health.probeInterval(), 2s);                // not 500 ms again: it flaps
  health.record(std::nullopt, t0 + 3600ms);             // back, and this time it stays
  health.record(illegalAddress, t0 + 3600ms + 5s);      // a new fault long after
  EXPECT_EQ(health.probeInterval(), 500ms);
}

TEST(DeviceHealth, ProbingBacksOffByDoublingUpToTheLimit) {
  DeviceHealth health(HealthPolicy{1, 500ms, 2s});
  health.record(timeout, t0);
  EXPECT_EQ(health.nextProbeAt(), t0 + 500ms);
  health.record(timeout, t0 + 500ms);
  EXPECT_EQ(health.nextProbeAt(), t0 + 1500ms);
  health.record(timeout, t0 + 1500ms);
  EXPECT_EQ(health.nextProbeAt(), t0 + 3500ms);
  health.record(timeout, t0 + 3500ms);
  EXPECT_EQ(health.probeInterval(), 2s);
  EXPECT_EQ(health.nextProbeAt(), t0 + 5500ms);
}

TEST(DeviceHealth, AnAnswerWhileOfflineBringsTheDeviceBack) {
  DeviceHealth health(HealthPolicy{1, 500ms, 10s});
  health.record(timeout, t0);
  EXPECT_EQ(health.record(std::nullopt, t0 + 500ms), HealthChange::CameBack);
  EXPECT_TRUE(health.online());
  EXPECT_EQ(health.record(std::nullopt, t0 + 600ms), HealthChange::None);
}

TEST(DeviceHealth, CountersKeepEachKindOfFailureAndTheLastMessage) {
  DeviceHealth health;
  health.record(timeout, t0);
  health.record(badCrc, t0);
  health.record(ModbusError{ModbusErrorKind::PortGone, 0, "rtu:/dev/ttyUSB0: open: No such file or directory"}, t0);
  health.record(std::nullopt, t0);
  const auto& c = health.counters();
  EXPECT_EQ(c.requests, 4u);
  EXPECT_EQ(c.timeouts, 1u);
  EXPECT_EQ(c.crcErrors, 1u);
  EXPECT_EQ(c.portErrors, 1u);
  EXPECT_EQ(c.lastError, "rtu:/dev/ttyUSB0: open: No such file or directory");
}

}  // namespace
}  // namespace jiujin::devices
