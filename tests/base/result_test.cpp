#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jiujin/base/result.hpp"

namespace jiujin::base {
namespace {

struct Problem {
  std::string why;
};

Result<int, Problem> half(int n) {
  if (n % 2 != 0) return Problem{"odd"};
  return n / 2;
}

TEST(Result, CarriesTheValueOrTheError) {
  const auto ok = half(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(static_cast<bool>(ok));
  EXPECT_EQ(ok.value(), 4);
  EXPECT_EQ(*ok, 4);
  const auto refused = half(7);
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().why, "odd");
}

TEST(Result, AValueOfTheSameShapeAsTheErrorIsStillAValue) {
  // std::string value, std::string-bearing error: the index, not the type, says which.
  Result<std::string, Problem> text(std::string("A001"));
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->size(), 4u);
  std::vector<int> numbers{1, 2};
  Result<std::vector<int>, Problem> moved(std::move(numbers));
  EXPECT_EQ(std::move(moved).value().size(), 2u);
}

TEST(Result, VoidResultIsSuccessUntilGivenAnError) {
  Result<void, Problem> done;
  EXPECT_TRUE(done.ok());
  Result<void, Problem> failed(Problem{"port gone"});
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().why, "port gone");
}

}  // namespace
}  // namespace jiujin::base
