#pragma once
// The shipped profiles, loaded once per test from the source tree.
#include <gtest/gtest.h>

#include <string>

#include "jiujin/devices/drivers/profile.hpp"

namespace jiujin::devices::drivers::test_support {

inline Profile shippedProfile(const std::string& name) {
  auto profile = loadProfile(builtinProfileDir() / (name + ".toml"));
  if (!profile) ADD_FAILURE() << profile.error().message;
  return profile ? profile.value() : Profile{};
}

template <typename Map>
Map shippedMap(const std::string& name) {
  return std::get<Map>(shippedProfile(name).map);
}

}  // namespace jiujin::devices::drivers::test_support
