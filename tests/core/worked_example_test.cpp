// The worked example of docs/routing.md, step by step: if this test changes, the document
// must change with it.
#include <cstdlib>
#include <iostream>

#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class WorkedExample : public HallTest {
 protected:
  WorkedExample() {
    for (WindowNumber w : {1, 2, 3, 4}) openWindow(w, at(8, 50));
  }
  TicketId issueAt(TimePoint t, const ItemCode& item, PriorityClass p = PriorityClass::Normal,
                   std::optional<TimePoint> slot = std::nullopt) {
    auto events = run(cmd::IssueTicket{item, slot ? Channel::Appointment : Channel::Kiosk, p, slot, ""}, t);
    return std::get<ev::TicketIssued>(events.at(0)).ticket.id;
  }
  /// Calls at `w`, expects `number` for `reason`, starts the service.
  void expectCall(TimePoint t, WindowNumber w, const std::string& number, CallReason reason) {
    const auto called = callNext(w, t);
    EXPECT_EQ(ticket(called.ticket).number, number) << called.explanation;
    EXPECT_EQ(toString(called.reason), std::string{toString(reason)}) << called.explanation;
    if (std::getenv("JIUJIN_PRINT_EXAMPLE")) std::cout << w << " " << number << " " << called.explanation << "\n";
    run(cmd::StartService{w}, t);
  }
};

TEST_F(WorkedExample, RoutingDocumentSequenceHolds) {
  issueAt(at(9, 0), "birth");                                         // A001
  issueAt(at(9, 2), "hukou");                                         // B001
  issueAt(at(9, 5), "elder_card", PriorityClass::Elderly);            // A002 绿色通道
  issueAt(at(9, 8), "hukou");                                         // B002
  expectCall(at(9, 10), 1, "A002", CallReason::Priority);
  expectCall(at(9, 10), 3, "B001", CallReason::LongestWeightedWait);
  expectCall(at(9, 11), 2, "A001", CallReason::LongestWeightedWait);  // B002 waited 3 min < 20
  issueAt(at(9, 15), "birth");                                        // A003
  issueAt(at(9, 16), "birth");                                        // A004
  run(cmd::Transfer{1, WindowKind::Issuing, "领取老年优待证"}, at(9, 18));
  expectCall(at(9, 19), 4, "A002", CallReason::TransferredToKind);
  expectCall(at(9, 20), 1, "A003", CallReason::LongestWeightedWait);
  issueAt(at(9, 25), "birth", PriorityClass::Normal, at(9, 30));      // A005, booked for 09:30
  run(cmd::Complete{2}, at(9, 28));
  expectCall(at(9, 28), 2, "B002", CallReason::LongestWeightedWait);  // B002 waited 20 min: 2 helps
  run(cmd::Complete{1}, at(9, 30));
  expectCall(at(9, 30), 1, "A005", CallReason::Appointment);
  issueAt(at(9, 36), "birth", PriorityClass::Pregnant);               // A006 绿色通道
  run(cmd::Complete{1}, at(9, 40));
  expectCall(at(9, 40), 1, "A004", CallReason::AgedNormal);           // waited 20 min more than A006
  run(cmd::Complete{1}, at(9, 45));
  expectCall(at(9, 45), 1, "A006", CallReason::Priority);
  issueAt(at(9, 46), "birth");                                        // A007
  const TicketId a008 = issueAt(at(9, 47), "birth");                  // A008
  run(cmd::PinTicket{2, a008}, at(9, 48));
  run(cmd::Complete{2}, at(9, 50));
  expectCall(at(9, 50), 2, "A008", CallReason::Pinned);
}

}  // namespace
}  // namespace jiujin::core::testing
