#pragma once
// Personal data of a case (docs/cases.md, "Personal data"): the applicant's ID number and
// phone are needed to handle the case and nowhere else. Everything that leaves the
// dispatcher for every client — published events, snapshots — carries them masked
// ("3701**********1234", "138****5678", "张*"); only the case replies to the clerks and
// managers who handle cases show them whole. Masking is a pure function, so a client that
// mirrors the hall from masked events and a masked snapshot holds exactly the masked state.
#include <string>
#include <string_view>

#include "jiujin/core/case.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::core {

/// First 4 and last 4 characters kept when there are at least 10; otherwise all masked.
std::string maskIdNumber(std::string_view id);
/// First 3 and last 4 digits kept when there are at least 8; otherwise all masked.
std::string maskPhone(std::string_view phone);
/// The family name kept (the first character), the rest masked: "张三丰" → "张**".
std::string maskName(std::string_view name);

Applicant masked(const Applicant& applicant);
/// The event as every client may see it: a registered case's applicant and the name of
/// whoever collected a result masked.
Event withoutPersonalData(const Event& event);
/// The state as every client may see it: every case's applicant and collector masked.
HallState withoutPersonalData(HallState state);

}  // namespace jiujin::core
