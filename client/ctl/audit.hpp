#pragma once
// jiujinctl audit export|verify and keys new --audit: the audit record (电子监察) read from the
// dispatcher or straight from the hall's database, and checked against signed checkpoints.
#include <cstdint>
#include <optional>
#include <string>

#include "jiujin/client/connection.hpp"

namespace jiujin::ctl {

/// Where rows are read from: the database file when `database` is set, else the dispatcher.
struct AuditSource {
  std::string database;
  std::optional<client::ConnectionOptions> dispatcher;
};

/// Writes the rows after `after` as JSON lines to `out` (stdout when empty), after a first line
/// {"after": N, "previous_hash": …} that lets the export be verified on its own.
int exportAudit(const AuditSource& source, std::int64_t after, const std::string& out);

struct AuditVerifyOptions {
  std::string exportFile;  ///< verify this export instead of the source
  std::string checkpoint;  ///< a checkpoint file, or one checkpoint as JSON text
  std::string auditKey;    ///< the hall's audit public key: hex, or a .pub file
  bool asJson = false;
};

/// Exit codes: 0 intact, 1 chain broken (or refused by the dispatcher), 2 bad usage or
/// unreadable file, 3 no answer, 4 truncated, 5 rewritten, 6 a checkpoint's signature is bad.
int verifyAudit(const AuditSource& source, const AuditVerifyOptions& options);

/// Writes NAME.key (Ed25519 secret key, hex, mode 0600) and NAME.pub.
int newAuditKeys(const std::string& name);

}  // namespace jiujin::ctl
