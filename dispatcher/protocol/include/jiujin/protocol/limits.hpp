#pragma once
// The ranges of what clients send. Every number, text and list of a command or a service
// request is checked against one of these before anything acts on it; docs/protocol.md
// lists the same figures beside each field. Where the hall file has a range for the same
// thing (window numbers, profile weights and minutes), the figure is the hall file's.
//
// Only client input is checked: the journal and snapshots are read with types checked only,
// so that what was accepted under older rules still loads.
#include <cstddef>
#include <cstdint>
#include <string>

namespace jiujin::protocol {

/// An integer field, both ends included.
struct IntegerRange {
  std::int64_t min;
  std::int64_t max;
};
/// A number field (with or without a fraction), both ends included.
struct NumberRange {
  double min;
  double max;
};
/// A text field's length in characters (Unicode code points, as people count them).
struct TextLength {
  std::size_t min;
  std::size_t max;
};
/// A list field's number of entries.
struct EntryCount {
  std::size_t min;
  std::size_t max;
};
/// A list of texts: how many, and how long each.
struct TextList {
  EntryCount count;
  TextLength each;
};

/// What a field expects, in the words its error message uses: "an integer from 1 to 999",
/// "a string of 1 to 64 characters", "an array of 1 to 50 entries" (zh: "1 至 999 的整数" …).
std::string expectedEn(const IntegerRange& range);
std::string expectedZh(const IntegerRange& range);
std::string expectedEn(const NumberRange& range);
std::string expectedZh(const NumberRange& range);
std::string expectedEn(const TextLength& length);
std::string expectedZh(const TextLength& length);
std::string expectedEn(const EntryCount& count);
std::string expectedZh(const EntryCount& count);
std::string expectedEn(const TextList& list);
std::string expectedZh(const TextList& list);

/// Characters (code points) of UTF-8 text. The JSON parser has already refused invalid UTF-8.
std::size_t characterCount(const std::string& utf8);

namespace limits {

/// The largest id a JSON reader in any language reads exactly (2^53 − 1).
inline constexpr std::int64_t kMaxId = 9'007'199'254'740'991;

// Numbers.
inline constexpr IntegerRange kWindow{1, 999};            ///< as the hall file's [[window]] number
inline constexpr IntegerRange kTicketId{1, kMaxId};
inline constexpr IntegerRange kAlarmId{1, kMaxId};
inline constexpr IntegerRange kAuditAfter{0, kMaxId};     ///< a row number of the audit record
inline constexpr IntegerRange kAuditLimit{1, 5000};       ///< rows in one audit_export reply
/// An appointment slot: 2000-01-01 to 2100-01-01 (ms since the epoch, hall-local).
inline constexpr IntegerRange kAppointmentSlot{946'684'800'000, 4'102'444'800'000};
inline constexpr NumberRange kProfileWeight{0.1, 10.0};   ///< as the hall file's profile `weight`
inline constexpr IntegerRange kProfileWaitMinutes{1, 480};  ///< `only_when_oldest_waits_minutes`
inline constexpr EntryCount kProfileEntries{1, 50};       ///< a profile serves at least one queue

// Texts.
inline constexpr TextLength kCode{1, 64};          ///< item codes, queue ids, clerk ids, device ids
inline constexpr TextLength kRequestKey{0, 128};   ///< issue_ticket's idempotency key ("" for none)
inline constexpr TextLength kPin{1, 64};
inline constexpr TextLength kTicketNumber{1, 16};  ///< "A001"
inline constexpr TextLength kTicketToken{1, 64};   ///< a resident's QR token (28 characters as made)
inline constexpr TextLength kNote{0, 500};         ///< a transfer's note
inline constexpr TextLength kReason{0, 200};       ///< why a window pauses, why a ticket is cancelled
inline constexpr TextLength kNotice{0, 500};       ///< the hall notice ("" clears it)
inline constexpr TextLength kFollowUpNote{1, 500};  ///< how a resident was followed up (回访)
inline constexpr TextLength kDeviceId{1, 64};
inline constexpr TextLength kDeviceDetail{0, 200};

// Cases (docs/cases.md).
inline constexpr TextLength kCaseNumber{1, 40};      ///< "370199101-20260306-0001"
inline constexpr TextLength kApplicantName{1, 50};
inline constexpr TextLength kIdNumber{0, 32};        ///< 18 for a 居民身份证; other documents differ
inline constexpr TextLength kPhone{0, 20};
inline constexpr TextLength kCaseRequest{0, 500};    ///< what the resident asked for (代办登记表)
inline constexpr TextLength kCaseReason{0, 500};     ///< a refusal's or rejection's written reason
inline constexpr TextLength kCollectedBy{1, 50};
inline constexpr TextLength kMaterialName{1, 500};   ///< as long as the catalog allows
inline constexpr EntryCount kCaseMaterials{0, 50};   ///< as many as an item has
inline constexpr TextList kMaterialNames{{1, 50}, {1, 500}};
inline constexpr EntryCount kCaseTickets{0, 20};
inline constexpr IntegerRange kCaseListLimit{1, 500};   ///< cases in one `cases` reply
inline constexpr IntegerRange kCaseAfter{0, kMaxId};  ///< a case id: the page starts after it
inline constexpr TextLength kCaseNumberPrefix{1, 16};
inline constexpr IntegerRange kDueSoonWorkingDays{0, 30};
inline constexpr EntryCount kCalendarDays{0, 2000};  ///< holidays or make-up days, some years of them
inline constexpr EntryCount kWeekendDays{0, 6};

// Bookings (预约, docs/booking.md).
inline constexpr TextLength kBookingCode{8, 8};       ///< 8 digits, as printed
inline constexpr TextLength kMobilePhone{11, 11};     ///< a mainland mobile number, 1[3-9]xxxxxxxxx
inline constexpr IntegerRange kBookingListLimit{1, 5000};

// The hall definition (update_definition): the hall file's ranges where it has one, else
// generous bounds that keep one definition within a request.
inline constexpr TextLength kHallName{1, 200};
inline constexpr TextLength kItemName{1, 200};
inline constexpr TextLength kLabel{0, 100};        ///< category, queue and window names
inline constexpr TextLength kFees{0, 200};
inline constexpr TextLength kLegalText{0, 2000};   ///< fee basis, legal basis
inline constexpr TextList kMaterials{{0, 50}, {0, 500}};
inline constexpr TextLength kPrefix{1, 2};         ///< a queue's ticket prefix, as in the hall file
inline constexpr IntegerRange kPromisedWorkingDays{0, 365};
inline constexpr IntegerRange kTypicalServiceMinutes{1, 480};
inline constexpr IntegerRange kRuleMinutes{0, 1440};  ///< every rule in minutes: at most a day
inline constexpr IntegerRange kRecallLimit{0, 99};
inline constexpr IntegerRange kOverflowThreshold{0, 9999};
inline constexpr NumberRange kServiceTimeSmoothing{0.01, 1.0};
inline constexpr EntryCount kItems{0, 5000};
inline constexpr EntryCount kQueues{0, 100};
inline constexpr EntryCount kWindows{0, 999};

}  // namespace limits
}  // namespace jiujin::protocol
