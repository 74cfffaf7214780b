#include <gtest/gtest.h>

#include "jiujin/service/wire.hpp"

namespace jiujin::service {
namespace {

TEST(Wire, AWellFormedRequestIsRead) {
  const auto r = decodeRequest(R"({"v":1,"id":"k1-7","type":"call_next","body":{"window":3}})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().id, "k1-7");
  EXPECT_EQ(r.value().type, "call_next");
  EXPECT_EQ(r.value().body["window"], 3);
  EXPECT_TRUE(r.value().as.is_null());
}

TEST(Wire, BrokenFramesBecomeBadRequestNotExceptions) {
  for (const char* frame : {"", "{", "null", "[]", "42", R"({"v":1})", R"({"v":"1","type":"ping"})",
                            R"({"v":1,"type":""})", R"({"v":1,"type":"ping","body":[]})",
                            R"({"v":1,"type":"ping","id":7})", R"({"v":1,"type":"ping","extra":true})",
                            "\xff\xfe"}) {
    const auto r = decodeRequest(frame);
    ASSERT_FALSE(r.ok()) << frame;
    EXPECT_EQ(r.error().code, "bad_request") << frame;
    EXPECT_FALSE(r.error().zh.empty());
  }
}

TEST(Wire, AnotherProtocolVersionIsNamedInTheRefusal) {
  const auto r = decodeRequest(R"({"v":2,"type":"ping"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "unsupported_version");
  EXPECT_NE(r.error().en.find('2'), std::string::npos);
}

TEST(Wire, TheIdOfARefusedRequestIsStillRecovered) {
  EXPECT_EQ(requestIdOf(R"({"v":9,"id":"abc","type":"ping"})"), "abc");
  EXPECT_EQ(requestIdOf("garbage"), "");
}

TEST(Wire, RepliesCarryTheIdAndEitherResultOrError) {
  const auto ok = nlohmann::json::parse(encodeResult("a", {{"x", 1}}));
  EXPECT_EQ(ok["v"], 1);
  EXPECT_EQ(ok["id"], "a");
  EXPECT_EQ(ok["ok"], true);
  EXPECT_EQ(ok["result"]["x"], 1);
  const auto bad = nlohmann::json::parse(encodeError("b", errors::forbidden("call_next")));
  EXPECT_EQ(bad["ok"], false);
  EXPECT_EQ(bad["error"]["code"], "forbidden");
}

}  // namespace
}  // namespace jiujin::service
