#pragma once
// A ticket's history and the reason it was called, in the interface's language, said from
// the codes the core records on each history line (core::StepKind, core::CallReason) and the
// ticket's own data (number, 绿色通道 class, slot, transfer target) — never by translating
// the core's Chinese sentence. Context "TicketStory" in console_en.ts.
//
// The Chinese console shows the core's sentence itself (TicketStep::note): it carries figures
// a code cannot (the queue weights, how much longer than the 绿色通道 ticket a normal one
// waited). A line recorded before the codes existed (kind Other) is shown as its note in
// either language.
#include <QCoreApplication>
#include <QString>
#include <cstddef>

#include "jiujin/core/hall.hpp"

namespace jiujin::console {

class TicketStory {
  Q_DECLARE_TR_FUNCTIONS(TicketStory)

 public:
  /// Why `ticket` was called, from its history line `step` (kind Called).
  static QString calledBecause(const core::Ticket& ticket, const core::TicketStep& step, const core::Hall& hall);

  /// What history line `index` of `ticket` records, without its time and state.
  static QString stepSaid(const core::Ticket& ticket, std::size_t index, const core::Hall& hall);

 private:
  static QString transferred(const core::Ticket& child, const core::TicketStep& step, const core::Hall& hall);
};

}  // namespace jiujin::console
