#pragma once
// The ticket printer on its own thread: serial I/O (status questions, the ticket, the answer
// timeouts) never runs on the GUI thread. One TicketPrinter lives on the worker and is used
// only there; it reopens a lost port on the next ticket, so a printer that comes back is
// used again without a restart. Outcomes come back on the owner's thread.
#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

#include "jiujin/devices/printer/ticket_printer.hpp"

namespace jiujin::kiosk {

class PrintStation : public QObject {
  Q_OBJECT

 public:
  using Done = std::function<void(const devices::printer::PrintOutcome&)>;

  explicit PrintStation(devices::printer::TicketPrinterSettings settings, QObject* parent = nullptr);
  ~PrintStation() override;
  PrintStation(const PrintStation&) = delete;
  PrintStation& operator=(const PrintStation&) = delete;

  /// Prints on the worker; `done` runs later on this object's thread.
  void print(const devices::printer::TicketPrint& ticket, Done done);
  /// Asks the printer how it is, on the worker (after any ticket queued before it); `done`
  /// runs later on this object's thread.
  void readStatus(std::function<void(const devices::printer::StatusReading&)> done);

 private:
  QThread thread_;
  QObject* worker_;  // lives on thread_, deleted after it stops
  std::unique_ptr<devices::printer::TicketPrinter> printer_;  // used on thread_ only
};

}  // namespace jiujin::kiosk
