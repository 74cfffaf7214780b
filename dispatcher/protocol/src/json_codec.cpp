#include "jiujin/protocol/json_codec.hpp"

#include <utility>

#include "json_fields.hpp"

namespace jiujin::protocol {

using namespace detail;
using nlohmann::json;

namespace {

// The stable wire name of each alternative. The journal stores these: add, never rename.
template <typename T> constexpr const char* kTypeName = nullptr;
template <> constexpr const char* kTypeName<cmd::OpenDay> = "open_day";
template <> constexpr const char* kTypeName<cmd::CloseDay> = "close_day";
template <> constexpr const char* kTypeName<cmd::IssueTicket> = "issue_ticket";
template <> constexpr const char* kTypeName<cmd::CallNext> = "call_next";
template <> constexpr const char* kTypeName<cmd::Recall> = "recall";
template <> constexpr const char* kTypeName<cmd::StartService> = "start_service";
template <> constexpr const char* kTypeName<cmd::Complete> = "complete";
template <> constexpr const char* kTypeName<cmd::MarkNoShow> = "mark_no_show";
template <> constexpr const char* kTypeName<cmd::Reactivate> = "reactivate";
template <> constexpr const char* kTypeName<cmd::Transfer> = "transfer";
template <> constexpr const char* kTypeName<cmd::Cancel> = "cancel";
template <> constexpr const char* kTypeName<cmd::PauseWindow> = "pause_window";
template <> constexpr const char* kTypeName<cmd::ResumeWindow> = "resume_window";
template <> constexpr const char* kTypeName<cmd::OpenWindow> = "open_window";
template <> constexpr const char* kTypeName<cmd::CloseWindow> = "close_window";
template <> constexpr const char* kTypeName<cmd::ClerkLogin> = "clerk_login";
template <> constexpr const char* kTypeName<cmd::ClerkLogout> = "clerk_logout";
template <> constexpr const char* kTypeName<cmd::RequestEvaluation> = "request_evaluation";
template <> constexpr const char* kTypeName<cmd::Evaluate> = "evaluate";
template <> constexpr const char* kTypeName<cmd::RateTicket> = "rate_ticket";
template <> constexpr const char* kTypeName<cmd::SetWorkProfile> = "set_work_profile";
template <> constexpr const char* kTypeName<cmd::PinTicket> = "pin_ticket";
template <> constexpr const char* kTypeName<cmd::BroadcastNotice> = "broadcast_notice";
template <> constexpr const char* kTypeName<cmd::UpdateDefinition> = "update_definition";
template <> constexpr const char* kTypeName<cmd::AcceptCase> = "accept_case";
template <> constexpr const char* kTypeName<cmd::MarkCaseMaterials> = "mark_case_materials";
template <> constexpr const char* kTypeName<cmd::RequestCaseCorrection> = "request_case_correction";
template <> constexpr const char* kTypeName<cmd::SupplyCaseMaterials> = "supply_case_materials";
template <> constexpr const char* kTypeName<cmd::StartCaseProcessing> = "start_case_processing";
template <> constexpr const char* kTypeName<cmd::DecideCase> = "decide_case";
template <> constexpr const char* kTypeName<cmd::RejectCase> = "reject_case";
template <> constexpr const char* kTypeName<cmd::MarkCaseReady> = "mark_case_ready";
template <> constexpr const char* kTypeName<cmd::CollectCase> = "collect_case";
template <> constexpr const char* kTypeName<cmd::FinishCaseOnSpot> = "finish_case_on_spot";

template <> constexpr const char* kTypeName<ev::DayOpened> = "day.opened";
template <> constexpr const char* kTypeName<ev::DayClosed> = "day.closed";
template <> constexpr const char* kTypeName<ev::TicketIssued> = "ticket.issued";
template <> constexpr const char* kTypeName<ev::TicketCalled> = "ticket.called";
template <> constexpr const char* kTypeName<ev::TicketRecalled> = "ticket.recalled";
template <> constexpr const char* kTypeName<ev::ServiceStarted> = "ticket.service_started";
template <> constexpr const char* kTypeName<ev::ServiceCompleted> = "ticket.completed";
template <> constexpr const char* kTypeName<ev::TicketNoShow> = "ticket.no_show";
template <> constexpr const char* kTypeName<ev::TicketReactivated> = "ticket.reactivated";
template <> constexpr const char* kTypeName<ev::TicketTransferred> = "ticket.transferred";
template <> constexpr const char* kTypeName<ev::TicketCancelled> = "ticket.cancelled";
template <> constexpr const char* kTypeName<ev::EvaluationRequested> = "ticket.evaluation_requested";
template <> constexpr const char* kTypeName<ev::TicketEvaluated> = "ticket.evaluated";
template <> constexpr const char* kTypeName<ev::EvaluationTimedOut> = "ticket.evaluation_timed_out";
template <> constexpr const char* kTypeName<ev::WindowOpened> = "window.opened";
template <> constexpr const char* kTypeName<ev::WindowClosed> = "window.closed";
template <> constexpr const char* kTypeName<ev::WindowPaused> = "window.paused";
template <> constexpr const char* kTypeName<ev::WindowResumed> = "window.resumed";
template <> constexpr const char* kTypeName<ev::ClerkLoggedIn> = "window.clerk_logged_in";
template <> constexpr const char* kTypeName<ev::ClerkLoggedOut> = "window.clerk_logged_out";
template <> constexpr const char* kTypeName<ev::ProfileChanged> = "window.profile_changed";
template <> constexpr const char* kTypeName<ev::TicketPinned> = "window.ticket_pinned";
template <> constexpr const char* kTypeName<ev::NoticeBroadcast> = "notice.broadcast";
template <> constexpr const char* kTypeName<ev::DefinitionUpdated> = "hall.definition_updated";
template <> constexpr const char* kTypeName<ev::CaseRegistered> = "case.registered";
template <> constexpr const char* kTypeName<ev::CaseMaterialsMarked> = "case.materials_marked";
template <> constexpr const char* kTypeName<ev::CaseCorrectionRequested> = "case.correction_requested";
template <> constexpr const char* kTypeName<ev::CaseMaterialsSupplied> = "case.materials_supplied";
template <> constexpr const char* kTypeName<ev::CaseAccepted> = "case.accepted";
template <> constexpr const char* kTypeName<ev::CaseProcessingStarted> = "case.processing_started";
template <> constexpr const char* kTypeName<ev::CaseDecided> = "case.decided";
template <> constexpr const char* kTypeName<ev::CaseRejected> = "case.rejected";
template <> constexpr const char* kTypeName<ev::CaseReady> = "case.ready";
template <> constexpr const char* kTypeName<ev::CaseCollected> = "case.collected";
template <> constexpr const char* kTypeName<ev::CaseDueSoon> = "case.due_soon";
template <> constexpr const char* kTypeName<ev::CaseOverdue> = "case.overdue";

template <typename Variant> const char* typeNameOf(const Variant& v) {
  return std::visit([](const auto& x) { return kTypeName<std::decay_t<decltype(x)>>; }, v);
}

template <typename Variant> json encodeTagged(const Variant& v) {
  return std::visit(
      [](const auto& x) {
        json o = encode(x);
        o["type"] = kTypeName<std::decay_t<decltype(x)>>;
        return o;
      },
      v);
}

/// Decodes the alternative whose wire name is `type`, trying each in turn.
template <typename Variant, std::size_t... I>
Variant decodeAlternative(const json& j, const std::string& type, const std::string& path, Checks checks,
                          std::index_sequence<I...>) {
  std::optional<Variant> result;
  auto tryOne = [&]<std::size_t N>(std::integral_constant<std::size_t, N>) {
    using Alt = std::variant_alternative_t<N, Variant>;
    if (result || type != kTypeName<Alt>) return;
    Alt alt{};
    decode(j, path, alt, checks);
    result.emplace(std::in_place_index<N>, std::move(alt));
  };
  (tryOne(std::integral_constant<std::size_t, I>{}), ...);
  if (!result) {
    std::vector<const char*> names{kTypeName<std::variant_alternative_t<I, Variant>>...};
    failValue(path + ".type", "unknown type \"" + type + "\", expected " + expectedNames(names),
              "未知类型“" + type + "”，应为 " + expectedNames(names));
  }
  return std::move(*result);
}

template <typename Variant> Variant decodeTagged(const json& j, const std::string& path, Checks checks) {
  if (!j.is_object()) failType(path, "an object", "对象");
  const auto it = j.find("type");
  if (it == j.end()) failMissing(path + ".type");
  const std::string type = readString(*it, path + ".type");
  return decodeAlternative<Variant>(j, type, path, checks,
                                    std::make_index_sequence<std::variant_size_v<Variant>>{});
}

/// Runs a decoder and turns every failure into an Error value: nothing throws out.
template <typename T, typename F> core::Result<T> guarded(F&& decodeIt) {
  try {
    return decodeIt();
  } catch (const DecodeError& e) {
    return toError(e);
  } catch (const std::exception& e) {
    return core::Error{core::ErrorCode::InvalidArgument, std::string("无法解析：") + e.what(),
                       std::string("cannot decode: ") + e.what()};
  }
}

template <typename T> core::Result<T> decodeValue(const json& j, const char* path) {
  return guarded<T>([&] {
    T value{};
    decode(j, path, value, Checks::TypesOnly);
    return value;
  });
}

}  // namespace

json toJson(const core::Command& command) { return encodeTagged(command); }
core::Result<core::Command> commandFromJson(const json& j) {
  // Commands come from clients: their fields are held to the wire's limits too.
  return guarded<core::Command>([&] { return decodeTagged<core::Command>(j, "command", Checks::TypesAndRanges); });
}
const char* commandType(const core::Command& command) { return typeNameOf(command); }

json toJson(const core::Event& event) { return encodeTagged(event); }
core::Result<core::Event> eventFromJson(const json& j) {
  return guarded<core::Event>([&] { return decodeTagged<core::Event>(j, "event", Checks::TypesOnly); });
}
const char* eventType(const core::Event& event) { return typeNameOf(event); }

json toJson(const core::HallState& state) { return encode(state); }
core::Result<core::HallState> hallStateFromJson(const json& j) { return decodeValue<core::HallState>(j, "state"); }

json toJson(const core::HallDefinition& definition) { return encode(definition); }
core::Result<core::HallDefinition> hallDefinitionFromJson(const json& j) {
  return decodeValue<core::HallDefinition>(j, "definition");
}

json toJson(const core::Ticket& ticket) { return encode(ticket); }
core::Result<core::Ticket> ticketFromJson(const json& j) { return decodeValue<core::Ticket>(j, "ticket"); }

json toJson(const core::Case& c) { return encode(c); }
core::Result<core::Case> caseFromJson(const json& j) { return decodeValue<core::Case>(j, "case"); }

json toJson(const core::WorkProfile& profile) { return encode(profile); }
core::Result<core::WorkProfile> workProfileFromJson(const json& j) {
  return decodeValue<core::WorkProfile>(j, "profile");
}

json toJson(const core::TransferTarget& target) { return encodeTransferTarget(target); }
core::Result<core::TransferTarget> transferTargetFromJson(const json& j) {
  return guarded<core::TransferTarget>([&] { return decodeTransferTarget(j, "to", Checks::TypesOnly); });
}

std::string dateToString(const core::Date& date) { return formatDate(date); }
core::Result<core::Date> dateFromString(const std::string& text) {
  return guarded<core::Date>([&] { return readDate(json(text), "date"); });
}

}  // namespace jiujin::protocol
