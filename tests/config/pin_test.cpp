#include <gtest/gtest.h>

#include "hall_fixture.hpp"
#include "jiujin/config/pin.hpp"

namespace jiujin::config {
namespace {

TEST(ClerkPin, AHashVerifiesItsPinAndNoOther) {
  const auto& hash = testing::demoPinHash();
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verifyPin(hash, "1234"));
  EXPECT_FALSE(verifyPin(hash, "1235"));
  EXPECT_FALSE(verifyPin(hash, ""));
}

TEST(ClerkPin, TheSamePinHashesDifferentlyEachTime) {
  const auto first = hashPin("1234");
  EXPECT_NE(hashPin("1234"), first) << "each hash has its own salt";
  EXPECT_TRUE(verifyPin(first, "1234"));
}

TEST(ClerkPin, AMalformedHashVerifiesNothing) {
  EXPECT_FALSE(isPinHash("1234"));
  EXPECT_FALSE(isPinHash("$argon2id$garbage"));
  EXPECT_FALSE(isPinHash("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"));
  EXPECT_FALSE(verifyPin("$argon2id$garbage", "1234"));
  EXPECT_TRUE(isPinHash(testing::demoPinHash()));
}

}  // namespace
}  // namespace jiujin::config
