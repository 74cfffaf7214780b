#pragma once
// The kiosk's models fed by the dispatcher link: the mirror becomes the model's hall (live
// only while synced) and commands go out through the link's command thread.
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/ticket_issuer.hpp"

namespace jiujin::kiosk {

/// Commands through `link`; replies arrive on the link's thread (the GUI thread).
TicketIssuer::Send sendThrough(clientqt::HallLink& link);

/// Keeps `model` showing `link`'s mirror: on every snapshot, event and connection change.
void followLink(KioskModel& model, clientqt::HallLink& link);

}  // namespace jiujin::kiosk
