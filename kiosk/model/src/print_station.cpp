#include "jiujin/kiosk/print_station.hpp"

#include <QMetaObject>
#include <QPointer>

namespace jiujin::kiosk {

PrintStation::PrintStation(devices::printer::TicketPrinterSettings settings, QObject* parent)
    : QObject(parent),
      worker_(new QObject),  // no parent: it moves to the worker thread
      printer_(std::make_unique<devices::printer::TicketPrinter>(std::move(settings))) {
  thread_.setObjectName(QStringLiteral("kiosk.printer"));
  worker_->moveToThread(&thread_);
  thread_.start();
}

PrintStation::~PrintStation() {
  thread_.quit();
  thread_.wait();
  delete worker_;
}

void PrintStation::print(const devices::printer::TicketPrint& ticket, Done done) {
  QPointer<PrintStation> self(this);
  QMetaObject::invokeMethod(
      worker_,
      [this, self, ticket, done = std::move(done)]() mutable {
        const auto outcome = printer_->print(ticket);
        // `self` guards the hop back: the station may be gone by the time the ticket is out.
        QMetaObject::invokeMethod(
            this, [self, outcome, done = std::move(done)] { if (self && done) done(outcome); }, Qt::QueuedConnection);
      },
      Qt::QueuedConnection);
}

void PrintStation::readStatus(std::function<void(const devices::printer::StatusReading&)> done) {
  QPointer<PrintStation> self(this);
  QMetaObject::invokeMethod(
      worker_,
      [this, self, done = std::move(done)]() mutable {
        const auto reading = printer_->readStatus();
        QMetaObject::invokeMethod(
            this, [self, reading, done = std::move(done)] { if (self && done) done(reading); }, Qt::QueuedConnection);
      },
      Qt::QueuedConnection);
}

}  // namespace jiujin::kiosk
