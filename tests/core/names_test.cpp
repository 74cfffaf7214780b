// Wire names round-trip for every value; Chinese names are the hall's words.
#include <string>

#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

template <typename E>
void expectRoundTrip(int first, int last) {
  for (int i = first; i <= last; ++i) {
    const E value = static_cast<E>(i);
    const std::string wire = toString(value);
    EXPECT_NE(wire, "unknown") << i;
    for (char c : wire) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << wire;
    }
    EXPECT_EQ(parse<E>(wire), value) << wire;
  }
  EXPECT_EQ(parse<E>("Not A Name"), std::nullopt);
}

TEST(Names, EveryEnumRoundTripsThroughItsWireName) {
  expectRoundTrip<WindowKind>(0, 3);
  expectRoundTrip<ItemKind>(0, 1);
  expectRoundTrip<TongbanScope>(0, 2);
  expectRoundTrip<AuthorityLevel>(0, 2);
  expectRoundTrip<Channel>(0, 3);
  expectRoundTrip<PriorityClass>(0, 4);
  expectRoundTrip<TicketState>(0, 7);
  expectRoundTrip<Rating>(1, 5);
  expectRoundTrip<EvaluationStatus>(0, 3);
  expectRoundTrip<WindowState>(0, 4);
  expectRoundTrip<CallReason>(0, 6);
  expectRoundTrip<StepKind>(0, 14);
  expectRoundTrip<ErrorCode>(0, 19);
}

TEST(Names, WireNamesAreTheDocumentedOnes) {
  EXPECT_STREQ(toString(WindowKind::Issuing), "issuing");
  EXPECT_STREQ(toString(PriorityClass::Serviceman), "serviceman");
  EXPECT_STREQ(toString(Rating::VerySatisfied), "very_satisfied");
  EXPECT_STREQ(toString(TicketState::NoShow), "no_show");
  EXPECT_STREQ(toString(ErrorCode::NumberingExhausted), "numbering_exhausted");
  EXPECT_EQ(parseTongbanScope("city"), TongbanScope::City);
}

TEST(Names, ChineseNamesFollowTheHallsWording) {
  EXPECT_STREQ(zhName(WindowKind::General), "综合受理");
  EXPECT_STREQ(zhName(WindowKind::Issuing), "统一发证");
  EXPECT_STREQ(zhName(WindowKind::Complaints), "有诉即办");
  EXPECT_STREQ(zhName(Rating::Satisfied), "满意");
  EXPECT_STREQ(zhName(Rating::Basic), "基本满意");
  EXPECT_STREQ(zhName(WindowState::Paused), "暂停服务");
  EXPECT_STREQ(zhName(WindowState::Closed), "未开放");
  EXPECT_STREQ(zhName(ItemKind::Promised), "承诺件");
}

TEST(Names, OutOfRangeValuesReadAsUnknownInsteadOfCrashing) {
  EXPECT_STREQ(toString(static_cast<WindowKind>(42)), "unknown");
  EXPECT_STREQ(zhName(static_cast<Rating>(9)), "未知");
}

TEST(Names, EventsTellTheirTime) {
  EXPECT_EQ(timeOf(Event{ev::WindowOpened{at(8, 30), 1}}), at(8, 30));
  EXPECT_EQ(timeOf(Event{ev::DayClosed{at(17, 0), {}}}), at(17, 0));
}

}  // namespace
}  // namespace jiujin::core::testing
