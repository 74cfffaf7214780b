#pragma once
// jiujinctl's subcommands, one group a file; main() adds them in this order (the order of
// `jiujinctl --help`). Each `add…` registers its subcommands on `app` and, through
// sendsRequest/runs (invocation.hpp), what the chosen one does once the line is parsed.
#include <CLI/CLI.hpp>

#include "invocation.hpp"

namespace jiujin::ctl {

void addTicketCommands(CLI::App& app, Invocation& invocation);  ///< tickets.cpp: issue reactivate cancel
void addWindowCommands(CLI::App& app, Invocation& invocation);  ///< windows.cpp: call … profile
void addClerkCommands(CLI::App& app, Invocation& invocation);   ///< clerks.cpp: login logout unlock-clerk
void addHallCommands(CLI::App& app, Invocation& invocation);    ///< hall.cpp: day notice
void addCaseCommands(CLI::App& app, Invocation& invocation);    ///< cases.cpp: case accept|show|list|advance|refuse|ready|collect|finish|print
void addQueryCommands(CLI::App& app, Invocation& invocation);   ///< queries.cpp: ticket snapshot … stats estimate
void addDeviceCommands(CLI::App& app, Invocation& invocation);  ///< devices.cpp: device printer
void addRawCommand(CLI::App& app, Invocation& invocation);      ///< raw.cpp: raw TYPE BODY
void addWatchCommand(CLI::App& app, Invocation& invocation);    ///< watch.cpp: watch
void addConfigCommands(CLI::App& app, Invocation& invocation);  ///< config_check.cpp: config check
void addKeyCommands(CLI::App& app, Invocation& invocation);     ///< keys.cpp: keys new, pin-hash
void addAuditCommands(CLI::App& app, Invocation& invocation);   ///< audit.cpp: audit export|verify
void addBackupCommand(CLI::App& app, Invocation& invocation);   ///< backup.cpp: backup FILE | --into DIR --keep N
void addRestoreCommand(CLI::App& app, Invocation& invocation);  ///< restore.cpp: restore FILE
void addHealthCommand(CLI::App& app, Invocation& invocation);   ///< health.cpp: health

}  // namespace jiujin::ctl
