#include "jiujin/kiosk/link_wiring.hpp"

namespace jiujin::kiosk {

TicketIssuer::Send sendThrough(clientqt::HallLink& link) {
  return [&link](client::Request request, TicketIssuer::ReplyHandler done) {
    link.request(std::move(request), std::move(done));
  };
}

void followLink(KioskModel& model, clientqt::HallLink& link) {
  const auto update = [&model, &link] { model.setHall(link.hall(), link.synced()); };
  QObject::connect(&link, &clientqt::HallLink::reset, &model, update);
  QObject::connect(&link, &clientqt::HallLink::eventApplied, &model, update);
  QObject::connect(&link, &clientqt::HallLink::syncedChanged, &model, update);
  update();
}

}  // namespace jiujin::kiosk
