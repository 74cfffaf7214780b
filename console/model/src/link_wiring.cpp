#include "jiujin/console/link_wiring.hpp"

namespace jiujin::console {

void followLink(ClerkConsole& console, clientqt::HallLink& link) {
  const auto update = [&console, &link] { console.setHall(link.hall(), link.synced()); };
  QObject::connect(&link, &clientqt::HallLink::reset, &console, update);
  QObject::connect(&link, &clientqt::HallLink::eventApplied, &console, update);
  QObject::connect(&link, &clientqt::HallLink::syncedChanged, &console, update);
  update();
}

void followLink(HallMonitor& monitor, clientqt::HallLink& link) {
  const auto update = [&monitor, &link] { monitor.setHall(link.hall(), link.synced()); };
  QObject::connect(&link, &clientqt::HallLink::reset, &monitor, [&monitor, &link, update] {
    update();
    monitor.setDevices(link.devices());
    // The link's snapshot is not handed on: ask for the alarms (news missed while away).
    monitor.fetchAlarms();
  });
  QObject::connect(&link, &clientqt::HallLink::eventApplied, &monitor, update);
  QObject::connect(&link, &clientqt::HallLink::syncedChanged, &monitor, update);
  QObject::connect(&link, &clientqt::HallLink::news, &monitor, [&monitor, &link](const QString& topic, const QString& text) {
    const auto message = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (message.is_discarded()) return;
    // "alarm.<kind>" when raised, "alarm.updated" after an acknowledgement or a closed 回访.
    if (topic.startsWith(QStringLiteral("alarm.")) && message.contains("alarm")) monitor.addAlarm(message["alarm"]);
    if (topic.startsWith(QStringLiteral("device."))) monitor.setDevices(link.devices());
    // booking.made, booking.cancelled, booking.checked_in: the day's list asked again.
    if (topic.startsWith(QStringLiteral("booking."))) monitor.bookings()->bookingNews();
  });
  update();
  monitor.setDevices(link.devices());
}

}  // namespace jiujin::console
