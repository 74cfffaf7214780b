#pragma once
// The hall's state of the day: tickets and windows. Plain, comparable data, so a state
// rebuilt from the journal (or mirrored by a client) can be checked equal to the original.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/case.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::core {

/// Unique for the life of the hall's database (also declared in case.hpp).
using TicketId = std::uint64_t;

enum class Channel { Kiosk, Appointment, Agent, Transfer };  // 取号机 预约 代办 转办
enum class PriorityClass { Normal, Elderly, Disabled, Pregnant, Serviceman };  // 绿色通道 unless Normal
enum class TicketState { Waiting, Called, Serving, Completed, NoShow, Transferred, Cancelled, Expired };
/// 好差评, the national five-level scale; the value is the key on the pad (1 = best).
enum class Rating { VerySatisfied = 1, Satisfied = 2, Basic = 3, Dissatisfied = 4, VeryDissatisfied = 5 };
enum class EvaluationStatus { None, Requested, Rated, NotRated };
enum class WindowState { Closed, Idle, Calling, Serving, Paused };

inline bool isPriority(PriorityClass p) { return p != PriorityClass::Normal; }
/// A ticket in a final state never changes again (except a no-show's reactivation or a rating).
inline bool isFinal(TicketState s) {
  return s == TicketState::Completed || s == TicketState::NoShow || s == TicketState::Transferred ||
         s == TicketState::Cancelled || s == TicketState::Expired;
}

/// Why routing chose a ticket, in the order the rules are tried.
enum class CallReason {
  Pinned,               ///< a manager pinned it to this window
  Appointment,          ///< its appointment slot has begun
  Priority,             ///< 绿色通道
  TransferredToWindow,  ///< transferred to this very window
  TransferredToKind,    ///< transferred to any window of this kind
  AgedNormal,           ///< a normal ticket that has waited too long behind priority ones
  LongestWeightedWait,  ///< the longest weighted wait among the queues the profile serves
};

/// What a history line records, so that a client can say it in its own language (the
/// `note` is the Chinese sentence of the record). Lines written before this existed are
/// `Other` and show their note only.
enum class StepKind {
  Other, Issued, Called, Recalled, Started, Completed, NoShow, NoShowTimedOut, Reactivated,
  Transferred, Cancelled, Expired, EvaluationRequested, Rated, NotRated,
};

/// One line of a ticket's history, as a clerk or an auditor reads it.
struct TicketStep {
  TimePoint at;
  TicketState state;
  std::optional<WindowNumber> window;
  std::string note;                  ///< the Chinese sentence, as the record and a Chinese screen show it
  StepKind kind = StepKind::Other;
  std::optional<CallReason> reason;  ///< kind Called: why routing chose this ticket
  std::string remark;                ///< a clerk's own words (cancel reason, transfer note), as written
  bool operator==(const TicketStep&) const = default;
};

/// The last number a queue gives in a day: A001…A999, then A1000…A9999. Far beyond any real
/// day, so nobody is turned away for numbering; every display, voice, printer and LED area
/// carries four digits. IssueTicket past it is refused with NumberingExhausted.
inline constexpr int kLastSequenceOfDay = 9999;

struct Ticket {
  TicketId id = 0;
  std::string number;  ///< "A001", "A1000": prefix + at least 3 digits, unique per queue per day
  int sequence = 0;    ///< 1…kLastSequenceOfDay within the queue and day
  ItemCode item;
  QueueId queue;
  Channel channel = Channel::Kiosk;
  PriorityClass priority = PriorityClass::Normal;
  TimePoint issuedAt;
  TimePoint arrivalAt;  ///< when the resident started waiting; kept across transfers
  std::optional<TimePoint> appointmentSlot;
  TicketState state = TicketState::Waiting;
  std::optional<WindowNumber> window;        ///< the window it is (or was last) active at
  std::optional<WindowNumber> targetWindow;  ///< transferred to this window
  std::optional<WindowKind> targetKind;      ///< transferred to any window of this kind
  std::optional<TicketId> transferredFrom;
  std::optional<TicketId> transferredTo;
  std::string note;  ///< the transfer note, if any
  int recalls = 0;
  std::optional<TimePoint> calledAt;
  std::optional<TimePoint> startedAt;
  std::optional<TimePoint> endedAt;
  std::optional<ClerkId> clerk;  ///< who served it
  EvaluationStatus evaluation = EvaluationStatus::None;
  std::optional<Rating> rating;
  std::string requestKey;  ///< the idempotency key it was issued under, if any
  std::optional<std::string> caseNumber;  ///< the case whose result it collects (统一出件)
  std::vector<TicketStep> history;
  bool operator==(const Ticket&) const = default;
};

struct WindowStatus {
  WindowNumber number = 0;
  WindowState state = WindowState::Closed;
  std::string pauseReason;
  std::optional<ClerkId> clerk;
  std::optional<TicketId> current;  ///< the active ticket (called or serving)
  std::optional<TicketId> pinned;   ///< a manager's choice for the next call
  std::optional<TicketId> awaitingEvaluation;  ///< completed here, pad prompting
  WorkProfile profile;
  TimePoint since;  ///< when the window entered its current state
  bool operator==(const WindowStatus&) const = default;
};

struct HallState {
  std::optional<Date> day;  ///< the open day, if any
  bool open = false;
  TicketId nextTicketId = 1;
  std::map<TicketId, Ticket> tickets;  ///< the current day's tickets, all states
  std::map<WindowNumber, WindowStatus> windows;
  std::map<QueueId, int> lastSequence;          ///< numbers used today, per queue
  std::map<ItemCode, double> serviceSecondsEwma;  ///< recent service time per item
  std::string notice;  ///< the manager's scrolling notice
  /// Cases still open, and those closed since the previous service day (closed ones older
  /// than that leave the state at day open; the store's case register keeps them).
  std::map<CaseId, Case> cases;
  CaseId nextCaseId = 1;
  std::optional<Date> caseNumberDay;  ///< the date of the last case number given
  int lastCaseSequence = 0;           ///< its sequence
  bool operator==(const HallState&) const = default;
};

}  // namespace jiujin::core
