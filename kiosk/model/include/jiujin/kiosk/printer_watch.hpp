#pragma once
// The printer between tickets: a kiosk nobody touches still asks its printer how it is every
// few seconds (`[kiosk] printer_check_seconds`), so "paper out" reaches the manager before the
// next resident finds it. The question runs on the print station's worker (serial I/O never
// on the GUI thread); none is asked while a ticket is printing (the print reads the status
// itself) or while the last question is unanswered.
#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>

#include "jiujin/kiosk/printer_health.hpp"

namespace jiujin::kiosk {

class PrinterWatch : public QObject {
  Q_OBJECT

 public:
  /// Asks the printer; calls `answered` later, on this object's thread.
  using Ask = std::function<void(std::function<void(const devices::printer::StatusReading&)> answered)>;
  /// True while a ticket is being printed.
  using Printing = std::function<bool()>;
  /// Where the health goes (the ticket issuer tells the dispatcher when it changes).
  using Report = std::function<void(const PrinterHealth&)>;

  PrinterWatch(std::chrono::milliseconds interval, Ask ask, Printing printing, Report report,
               QObject* parent = nullptr);

  void start() { timer_.start(); }
  void stop() { timer_.stop(); }
  /// One check now, as the timer would do it.
  void checkNow();
  /// Questions asked so far (tests, logs).
  int asked() const { return asked_; }

 private:
  QTimer timer_;
  Ask ask_;
  Printing printing_;
  Report report_;
  bool waiting_ = false;
  int asked_ = 0;
};

}  // namespace jiujin::kiosk
