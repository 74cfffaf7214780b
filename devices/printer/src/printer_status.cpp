#include "jiujin/devices/printer/printer_status.hpp"

#include "jiujin/devices/printer/escpos_commands.hpp"

#include <vector>

namespace jiujin::devices::printer {
namespace {

constexpr std::uint8_t kFixedMask = 0x93;  // bits 0, 1, 4, 7
constexpr std::uint8_t bit(int n) { return static_cast<std::uint8_t>(1U << n); }

constexpr std::uint8_t kOffline = bit(3);                        // n=1
constexpr std::uint8_t kCoverOpen = bit(2);                      // n=2
constexpr std::uint8_t kStoppedByPaperEnd = bit(5);              // n=2
constexpr std::uint8_t kErrorOccurred = bit(6);                  // n=2
constexpr std::uint8_t kAnyErrorCause = bit(2) | bit(3) | bit(5) | bit(6);  // n=3
constexpr std::uint8_t kAutocutterError = bit(3);                // n=3
constexpr std::uint8_t kNearEnd = bit(2) | bit(3);               // n=4
constexpr std::uint8_t kPaperEnd = bit(5) | bit(6);              // n=4

}  // namespace

std::array<std::uint8_t, 3> statusRequest(StatusQuery query) {
  return {escpos::DLE, escpos::EOT, static_cast<std::uint8_t>(query)};
}

bool isStatusAnswer(std::uint8_t byte) { return (byte & kFixedMask) == kStatusAllClear; }

std::optional<PrinterStatus> parseStatus(const StatusAnswers& a) {
  for (auto byte : {a.printer, a.offlineCause, a.errorCause, a.paperSensor}) {
    if (!isStatusAnswer(byte)) return std::nullopt;
  }
  PrinterStatus s;
  s.online = (a.printer & kOffline) == 0;
  s.coverOpen = (a.offlineCause & kCoverOpen) != 0;
  s.paperOut = (a.paperSensor & kPaperEnd) != 0 || (a.offlineCause & kStoppedByPaperEnd) != 0;
  s.paperNearEnd = (a.paperSensor & kNearEnd) != 0;
  s.error = (a.offlineCause & kErrorOccurred) != 0 || (a.errorCause & kAnyErrorCause) != 0;
  return s;
}

StatusAnswers answersFor(const PrinterStatus& s) {
  StatusAnswers a;
  if (!s.online) a.printer |= kOffline;
  if (s.coverOpen) a.offlineCause |= kCoverOpen;
  if (s.paperOut) {
    a.offlineCause |= kStoppedByPaperEnd;
    a.paperSensor |= kPaperEnd;
  }
  if (s.paperNearEnd) a.paperSensor |= kNearEnd;
  if (s.error) {
    a.offlineCause |= kErrorOccurred;
    a.errorCause |= kAutocutterError;
  }
  return a;
}

std::string PrinterStatus::describe() const {
  std::vector<const char*> parts;
  if (!online) parts.push_back("脱机 offline");
  if (coverOpen) parts.push_back("纸仓盖打开 cover open");
  if (paperOut) parts.push_back("缺纸 paper out");
  if (paperNearEnd) parts.push_back("纸将尽 paper near end");
  if (error) parts.push_back("故障 error");
  if (parts.empty()) return "正常 ready";
  std::string text;
  for (const char* part : parts) {
    if (!text.empty()) text += ", ";
    text += part;
  }
  return text;
}

}  // namespace jiujin::devices::printer
