#pragma once
// Holds a run of audit rows against the hash chain and against signed checkpoints, one row at
// a time so that a year of rows need not be in memory. The run may be the whole chain (after
// row 0, from the genesis hash) or a partial export (after row N, from the hash of row N that
// the export carries). What it can tell:
//   chain broken  a row does not match its hash, or rows are missing in between;
//   rewritten     the row a checkpoint signed has another hash (e.g. the chain was recomputed);
//   truncated     the rows end before a checkpoint's row (the newest rows, or all, were cut);
//   bad signature a checkpoint was not signed by the hall's key.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/service/audit_checkpoint.hpp"
#include "jiujin/service/audit_log.hpp"

namespace jiujin::service {

/// Ordered from the mildest to the gravest: a report's verdict is its gravest finding.
enum class AuditVerdict { Intact, Truncated, Rewritten, ChainBroken, BadSignature };

/// "intact", "truncated", "rewritten", "chain_broken", "bad_signature".
const char* toString(AuditVerdict verdict);

struct AuditFinding {
  AuditVerdict kind = AuditVerdict::Intact;
  std::int64_t row = 0;  ///< the row it is about
  std::string text;      ///< for people, English
};

struct AuditCheckReport {
  std::int64_t afterRow = 0;  ///< the rows checked start after this one
  std::int64_t lastRow = 0;   ///< the last row seen (afterRow when there were none)
  std::int64_t rowsChecked = 0;
  std::vector<AuditFinding> findings;  ///< in the order found
  /// The highest checkpoint the rows match with nothing found wrong before it: everything up
  /// to its row is as signed.
  std::optional<AuditCheckpoint> anchor;
  std::size_t checkpointsGiven = 0;
  std::size_t checkpointsMatched = 0;
  std::size_t checkpointsBefore = 0;  ///< of rows before the run: not checked

  AuditVerdict verdict() const;
  bool intact() const { return verdict() == AuditVerdict::Intact; }
  /// The gravest finding (the first of that kind), if any.
  const AuditFinding* gravest() const;
};

class AuditChainCheck {
 public:
  /// `checkpoints` may be empty (then only the chain is checked); `key` is required to use them.
  AuditChainCheck(std::int64_t afterRow, std::string previousHash, std::vector<AuditCheckpoint> checkpoints = {},
                  const std::optional<AuditPublicKey>& key = std::nullopt);

  /// The next row, oldest first.
  void add(const AuditRow& row);
  /// What the rows and checkpoints say, once every row was added.
  AuditCheckReport finish() const;

 private:
  void compare(std::int64_t row, const std::string& hash);

  AuditCheckReport report_;
  std::string previousHash_;
  std::int64_t expectedRow_;
  bool chainBroken_ = false;
  bool rewritten_ = false;
  std::vector<AuditCheckpoint> checkpoints_;  ///< signed by the key, by row
  std::size_t nextCheckpoint_ = 0;            ///< the first not yet reached
};

}  // namespace jiujin::service
