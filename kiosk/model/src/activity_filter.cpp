#include "jiujin/kiosk/activity_filter.hpp"

#include <QEvent>

#include "jiujin/kiosk/kiosk_model.hpp"

namespace jiujin::kiosk {

ActivityFilter::ActivityFilter(KioskModel& model, QObject* parent) : QObject(parent), model_(model) {}

bool ActivityFilter::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
      model_.touched();
      break;
    default:
      break;
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace jiujin::kiosk
