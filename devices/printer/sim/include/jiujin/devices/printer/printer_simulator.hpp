#pragma once
// A simulated ticket printer on a real pseudo-terminal: the kiosk opens the link path like a
// serial port and cannot tell the difference. One thread answers the line; the condition can
// be changed at any time from another thread (the test, or jiujin-printersim's stdin).
#include "jiujin/devices/printer/simulated_printer.hpp"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace jiujin::devices::printer {

class PrinterSimulator;

struct SimulatorStart {
  std::unique_ptr<PrinterSimulator> simulator;
  std::string error;  ///< why the pseudo-terminal or the link could not be made
};

class PrinterSimulator {
 public:
  /// Opens a raw pseudo-terminal, points `link` at its device (replacing what was there) and
  /// starts answering. The link is removed when the simulator is destroyed.
  static SimulatorStart start(const std::filesystem::path& link,
                              PrinterCondition condition = PrinterCondition::Ready);
  ~PrinterSimulator();
  PrinterSimulator(const PrinterSimulator&) = delete;
  PrinterSimulator& operator=(const PrinterSimulator&) = delete;

  const std::filesystem::path& link() const { return link_; }
  /// The pseudo-terminal's device, e.g. /dev/pts/7.
  const std::string& devicePath() const { return devicePath_; }

  void setCondition(PrinterCondition condition);
  PrinterCondition condition() const;
  /// See SimulatedPrinter::setPaperRemaining.
  void setPaperRemaining(std::optional<int> tickets);
  /// Called on the simulator's thread for each ticket that came out, with the simulator's
  /// lock held: the callback must not call back into the simulator.
  void onPrinted(std::function<void(const PrintedTicket&)> callback);

  std::vector<PrintedTicket> printedTickets() const;
  std::size_t lostTickets() const;
  std::size_t printDataBytes() const;
  std::size_t statusQuestionsAnswered() const;
  std::vector<DecodeProblem> problems() const;

  /// Waits until at least `count` tickets have been printed, at most `timeout`.
  bool waitForPrinted(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  PrinterSimulator(int controller, int device, int wake, std::filesystem::path link, std::string devicePath,
                   PrinterCondition condition);
  void serve();

  int controller_;  // pty master: the printer's side
  int device_;      // pty slave, held open so the line never hangs up between kiosk sessions
  int wake_;        // eventfd that stops the thread
  std::filesystem::path link_;
  std::string devicePath_;
  mutable std::mutex mutex_;
  mutable std::condition_variable printed_;
  SimulatedPrinter printer_;
  std::thread thread_;
};

}  // namespace jiujin::devices::printer
