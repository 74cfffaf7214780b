#pragma once
// The core's words (window and ticket states, 绿色通道 classes, ratings, window kinds) in the
// interface's language. The core names each value in Chinese (core::zhName); the screens
// translate by that value, not by a sentence that carries it, through Qt's translation
// system (context "CoreWords", console_en.ts), so 呼叫中 reads "Calling" in the English UI.
#include <QString>

#include "jiujin/core/case.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::console {

QString said(core::WindowState state);
QString said(core::TicketState state);
QString said(core::PriorityClass priority);
QString said(core::Rating rating);
QString said(core::WindowKind kind);
// A case's words (context "CaseWords": a case 办理中 is "In processing", not "Serving").
QString said(core::CaseState state);
QString said(core::CaseChannel channel);
QString said(core::MaterialStatus status);
QString said(core::CaseOutcome outcome);
QString said(core::ItemKind kind);

}  // namespace jiujin::console
