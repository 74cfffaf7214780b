#pragma once
// 预约 on the phone (docs/booking.md): the slot page of an item and the page of one booking,
// rendered from the dispatcher's answers (booking_slots, booking). No personal data: the phone
// number is typed into the form and never shown back. Chinese first, English with ?lang=en.
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/web/pages.hpp"

namespace jiujin::web {

/// /book/<code>: the days and slots with what is left, a phone number, 确认预约. `slots` is the
/// booking_slots result; `error` (already in the page's language) is shown above the form.
std::string bookingPage(Lang lang, const std::string& hallName, const GuideItem& item, const nlohmann::json& slots,
                        const std::string& csrf, const std::string& error = {});
/// /b/<code>: the booking code large and as a QR code (the kiosk's scanner reads it), the item,
/// day and slot, when to check in, its state, and the cancel form while it may be cancelled.
std::string bookedPage(Lang lang, const std::string& hallName, const nlohmann::json& booking, const std::string& csrf,
                       const std::string& notice = {});
/// "12345678" → "1234 5678", the way it is read out and keyed.
std::string groupedCode(const std::string& code);
/// A QR code of `text` as inline SVG (libqrencode, level M); empty if it cannot be made.
std::string qrSvg(const std::string& text);

}  // namespace jiujin::web
