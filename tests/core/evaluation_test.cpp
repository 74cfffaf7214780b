// 好差评: exactly one evaluation per completed service, at the pad of its window.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class Evaluation : public HallTest {
 protected:
  Evaluation() {
    openWindow(1, at(8, 50));
    served = issue("birth", at(9, 0));
    serveNext(1, at(9, 1), Minutes{6});  // completed at 09:07
  }
  TicketId served = 0;
};

TEST_F(Evaluation, CompletionPromptsThePad) {
  EXPECT_EQ(window(1).awaitingEvaluation, served);
  EXPECT_EQ(ticket(served).evaluation, EvaluationStatus::Requested);
}

TEST_F(Evaluation, RatingIsRecordedOnTheCompletedTicket) {
  run(cmd::Evaluate{1, Rating::Satisfied}, at(9, 7, 20));
  EXPECT_EQ(ticket(served).rating, Rating::Satisfied);
  EXPECT_EQ(ticket(served).evaluation, EvaluationStatus::Rated);
  EXPECT_EQ(window(1).awaitingEvaluation, std::nullopt);
  EXPECT_NE(ticket(served).history.back().note.find("满意"), std::string::npos);
  EXPECT_EQ(ticket(served).history.back().kind, StepKind::Rated);
}

TEST_F(Evaluation, SecondRatingIsRefused) {
  run(cmd::Evaluate{1, Rating::VerySatisfied}, at(9, 7, 20));
  refused(cmd::Evaluate{1, Rating::VeryDissatisfied}, at(9, 7, 30), ErrorCode::AlreadyEvaluated);
}

TEST_F(Evaluation, RatingOutsideTheFiveLevelsIsRefused) {
  refused(cmd::Evaluate{1, static_cast<Rating>(6)}, at(9, 7, 20), ErrorCode::InvalidArgument);
  refused(cmd::Evaluate{1, static_cast<Rating>(0)}, at(9, 7, 20), ErrorCode::InvalidArgument);
}

TEST_F(Evaluation, NoAnswerWithinTheTimeoutIsRecordedAsNotRated) {
  EXPECT_TRUE(hall.tick(at(9, 7, 59)).empty());
  auto events = hall.tick(at(9, 8));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ev::EvaluationTimedOut>(events[0]));
  EXPECT_EQ(ticket(served).evaluation, EvaluationStatus::NotRated);
  EXPECT_EQ(window(1).awaitingEvaluation, std::nullopt);
  refused(cmd::Evaluate{1, Rating::Satisfied}, at(9, 8, 10), ErrorCode::NotEvaluable);
}

TEST_F(Evaluation, RequestEvaluationPromptsAgainAndRestartsTheTimeout) {
  run(cmd::RequestEvaluation{1}, at(9, 7, 50));
  EXPECT_TRUE(hall.tick(at(9, 8, 30)).empty());
  EXPECT_EQ(hall.tick(at(9, 8, 50)).size(), 1u);
  refused(cmd::RequestEvaluation{1}, at(9, 9), ErrorCode::NotEvaluable);
}

TEST_F(Evaluation, NextCompletionAtTheWindowClosesTheUnratedOne) {
  const TicketId next = issue("birth", at(9, 2));
  callNext(1, at(9, 7, 10));
  run(cmd::StartService{1}, at(9, 7, 20));
  auto events = run(cmd::Complete{1}, at(9, 7, 40));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(std::get<ev::EvaluationTimedOut>(events[0]).ticket, served);
  EXPECT_EQ(ticket(served).evaluation, EvaluationStatus::NotRated);
  EXPECT_EQ(window(1).awaitingEvaluation, next);
}

TEST_F(Evaluation, WindowThatCompletedNothingHasNothingToRate) {
  refused(cmd::Evaluate{2, Rating::Satisfied}, at(9, 8), ErrorCode::NotEvaluable);
}

// 评价二维码: the phone rates the ticket itself, under the pad's rules — one rating per
// service whichever comes first, only after completion, only within the pad's rating period.
TEST_F(Evaluation, PhoneRatingIsRecordedLikeThePadsAndStopsThePad) {
  auto events = run(cmd::RateTicket{served, Rating::VerySatisfied}, at(9, 7, 20));
  ASSERT_EQ(events.size(), 1u);
  const auto& rated = std::get<ev::TicketEvaluated>(events[0]);
  EXPECT_EQ(rated.window, 1);
  EXPECT_EQ(rated.ticket, served);
  EXPECT_EQ(ticket(served).rating, Rating::VerySatisfied);
  EXPECT_EQ(ticket(served).evaluation, EvaluationStatus::Rated);
  EXPECT_EQ(window(1).awaitingEvaluation, std::nullopt);
  EXPECT_TRUE(hall.tick(at(9, 9)).empty()) << "no 未评价 after a phone rating";
}

TEST_F(Evaluation, PadFirstThenPhoneIsRefused) {
  run(cmd::Evaluate{1, Rating::Satisfied}, at(9, 7, 20));
  refused(cmd::RateTicket{served, Rating::VeryDissatisfied}, at(9, 7, 30), ErrorCode::AlreadyEvaluated);
  EXPECT_EQ(ticket(served).rating, Rating::Satisfied);
}

TEST_F(Evaluation, PhoneFirstThenPadIsRefused) {
  run(cmd::RateTicket{served, Rating::Satisfied}, at(9, 7, 20));
  refused(cmd::Evaluate{1, Rating::VeryDissatisfied}, at(9, 7, 30), ErrorCode::AlreadyEvaluated);
  refused(cmd::RateTicket{served, Rating::Basic}, at(9, 7, 40), ErrorCode::AlreadyEvaluated);
  EXPECT_EQ(ticket(served).rating, Rating::Satisfied);
}

TEST_F(Evaluation, PhoneRatingBeforeCompletionIsRefused) {
  const TicketId waiting = issue("birth", at(9, 2));
  refused(cmd::RateTicket{waiting, Rating::Satisfied}, at(9, 3), ErrorCode::NotEvaluable);
  callNext(1, at(9, 8));
  refused(cmd::RateTicket{waiting, Rating::Satisfied}, at(9, 8, 10), ErrorCode::NotEvaluable);
  run(cmd::StartService{1}, at(9, 8, 20));
  refused(cmd::RateTicket{waiting, Rating::Satisfied}, at(9, 8, 30), ErrorCode::NotEvaluable);
}

TEST_F(Evaluation, PhoneRatingAfterThePadsPeriodIsRefused) {
  ASSERT_EQ(hall.tick(at(9, 8)).size(), 1u);  // 未评价 at evaluationTimeout
  refused(cmd::RateTicket{served, Rating::Satisfied}, at(9, 8, 10), ErrorCode::NotEvaluable);
}

TEST_F(Evaluation, PhoneRatingOfTheEarlierServiceIsRefusedOnceTheWindowCompletedTheNext) {
  issue("birth", at(9, 2));
  serveNext(1, at(9, 7, 10), Minutes{1});  // the pad now prompts for the next resident
  refused(cmd::RateTicket{served, Rating::Satisfied}, at(9, 8, 20), ErrorCode::NotEvaluable);
}

TEST_F(Evaluation, PhoneRatingOfAnUnknownTicketOrLevelIsRefused) {
  refused(cmd::RateTicket{served + 100, Rating::Satisfied}, at(9, 7, 20), ErrorCode::UnknownTicket);
  refused(cmd::RateTicket{served, static_cast<Rating>(6)}, at(9, 7, 20), ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace jiujin::core::testing
