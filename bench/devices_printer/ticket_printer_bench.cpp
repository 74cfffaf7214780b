// How long a kiosk waits for the printer layer, wire time aside (a pty has no baud rate).
#include "jiujin/devices/printer/escpos_decoder.hpp"
#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "jiujin/devices/printer/printer_simulator.hpp"
#include "jiujin/devices/printer/ticket_printer.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

namespace printer = jiujin::devices::printer;

namespace {

printer::TicketPrint ticket() {
  printer::TicketPrint t;
  t.hallName = "城关街道便民服务中心";
  t.number = "A001";
  t.itemName = "高龄津贴申领";
  t.queueName = "综合受理窗口";
  t.peopleAhead = 3;
  t.estimatedWaitMinutes = 12;
  t.issuedAt = "2026-11-22 09:31";
  t.qrPayload = "jiujin:ticket:chengguan:2026-11-22:7:A001";
  t.notice = "请留意叫号，过号请重新取号";
  return t;
}

void EncodeTicket(benchmark::State& state) {
  const printer::EscPosEncoder encoder;
  const auto t = ticket();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto encoded = encoder.encode(t);
    bytes = encoded.bytes.size();
    benchmark::DoNotOptimize(encoded);
  }
  state.counters["ticket_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(EncodeTicket);

void DecodeTicket(benchmark::State& state) {
  const auto bytes = printer::EscPosEncoder{}.encode(ticket()).bytes;
  for (auto _ : state) benchmark::DoNotOptimize(printer::decodeEscPos(bytes));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(DecodeTicket);

// Status before, the ticket, status after: eight one-byte round trips and one write.
void PrintTicketOverPty(benchmark::State& state) {
  const auto link = std::filesystem::temp_directory_path() / ("jiujin-printer-bench-" + std::to_string(::getpid()));
  auto started = printer::PrinterSimulator::start(link);
  if (!started.simulator) {
    state.SkipWithError(started.error.c_str());
    return;
  }
  printer::TicketPrinter kiosk{printer::TicketPrinterSettings{link.string()}};
  const auto t = ticket();
  for (auto _ : state) {
    auto outcome = kiosk.print(t);
    if (!outcome.printed) {
      state.SkipWithError(outcome.error.message.c_str());
      break;
    }
  }
}
BENCHMARK(PrintTicketOverPty)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
