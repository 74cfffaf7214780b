#include "jiujin/kiosk/printer_watch.hpp"

#include <QPointer>

namespace jiujin::kiosk {

PrinterWatch::PrinterWatch(std::chrono::milliseconds interval, Ask ask, Printing printing, Report report,
                           QObject* parent)
    : QObject(parent), ask_(std::move(ask)), printing_(std::move(printing)), report_(std::move(report)) {
  timer_.setInterval(interval);
  connect(&timer_, &QTimer::timeout, this, &PrinterWatch::checkNow);
}

void PrinterWatch::checkNow() {
  if (waiting_ || !ask_ || (printing_ && printing_())) return;
  waiting_ = true;
  ++asked_;
  QPointer<PrinterWatch> self(this);
  ask_([self](const devices::printer::StatusReading& reading) {
    if (!self) return;
    self->waiting_ = false;
    if (self->report_) self->report_(healthOf(reading));
  });
}

}  // namespace jiujin::kiosk
