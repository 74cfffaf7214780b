#pragma once
// Applying case events (case_apply.cpp), called by apply.cpp's one visitor.
#include <optional>

#include "hall_data.hpp"
#include "jiujin/core/events.hpp"

namespace jiujin::core::detail {

void applyCaseEvent(HallData& hall, const ev::CaseRegistered& e);
void applyCaseEvent(HallData& hall, const ev::CaseMaterialsMarked& e);
void applyCaseEvent(HallData& hall, const ev::CaseCorrectionRequested& e);
void applyCaseEvent(HallData& hall, const ev::CaseMaterialsSupplied& e);
void applyCaseEvent(HallData& hall, const ev::CaseAccepted& e);
void applyCaseEvent(HallData& hall, const ev::CaseProcessingStarted& e);
void applyCaseEvent(HallData& hall, const ev::CaseDecided& e);
void applyCaseEvent(HallData& hall, const ev::CaseRejected& e);
void applyCaseEvent(HallData& hall, const ev::CaseReady& e);
void applyCaseEvent(HallData& hall, const ev::CaseCollected& e);
void applyCaseEvent(HallData& hall, const ev::CaseDueSoon& e);
void applyCaseEvent(HallData& hall, const ev::CaseOverdue& e);

/// At day open: cases closed before `previousDay` (the day that was open) leave the state;
/// the store's case register keeps them.
void forgetClosedCases(HallData& hall, std::optional<Date> previousDay);

}  // namespace jiujin::core::detail
