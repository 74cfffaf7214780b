#include "jiujin/service/audit_chain_check.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace jiujin::service {

namespace {

/// The first characters of a hash: enough to tell two apart in a message.
std::string shortHash(const std::string& hash) { return hash.size() > 16 ? hash.substr(0, 16) + "…" : hash; }

std::string describe(const AuditCheckpoint& c) { return fmt::format("the checkpoint of {}", describeTime(c.at)); }

}  // namespace

const char* toString(AuditVerdict verdict) {
  switch (verdict) {
    case AuditVerdict::Intact: return "intact";
    case AuditVerdict::Truncated: return "truncated";
    case AuditVerdict::Rewritten: return "rewritten";
    case AuditVerdict::ChainBroken: return "chain_broken";
    case AuditVerdict::BadSignature: return "bad_signature";
  }
  return "intact";
}

AuditVerdict AuditCheckReport::verdict() const {
  AuditVerdict gravest = AuditVerdict::Intact;
  for (const AuditFinding& f : findings) gravest = std::max(gravest, f.kind);
  return gravest;
}

const AuditFinding* AuditCheckReport::gravest() const {
  const AuditVerdict v = verdict();
  for (const AuditFinding& f : findings)
    if (f.kind == v) return &f;
  return nullptr;
}

AuditChainCheck::AuditChainCheck(std::int64_t afterRow, std::string previousHash,
                                 std::vector<AuditCheckpoint> checkpoints, const std::optional<AuditPublicKey>& key)
    : previousHash_(std::move(previousHash)), expectedRow_(afterRow + 1) {
  report_.afterRow = afterRow;
  report_.lastRow = afterRow;
  report_.checkpointsGiven = checkpoints.size();
  for (AuditCheckpoint& c : checkpoints) {
    if (!key || !signatureValid(c, *key)) {
      report_.findings.push_back(
          {AuditVerdict::BadSignature, c.row,
           fmt::format("{} for row {} is not signed by {}: it was forged or altered, or belongs to another hall",
                       describe(c), c.row, key ? "this hall's key" : "any key given")});
    } else if (c.row < afterRow) {
      ++report_.checkpointsBefore;
    } else {
      checkpoints_.push_back(std::move(c));
    }
  }
  std::stable_sort(checkpoints_.begin(), checkpoints_.end(),
                   [](const AuditCheckpoint& a, const AuditCheckpoint& b) { return a.row < b.row; });
  // A checkpoint of the row just before the run checks the hash the run says it follows.
  compare(afterRow, previousHash_);
}

void AuditChainCheck::compare(std::int64_t row, const std::string& hash) {
  while (nextCheckpoint_ < checkpoints_.size() && checkpoints_[nextCheckpoint_].row == row) {
    const AuditCheckpoint& c = checkpoints_[nextCheckpoint_++];
    if (c.hash == hash) {
      ++report_.checkpointsMatched;
      // Only a checkpoint with nothing wrong before it vouches for the rows up to it.
      if (!chainBroken_ && !rewritten_) report_.anchor = c;
    } else {
      rewritten_ = true;
      report_.findings.push_back(
          {AuditVerdict::Rewritten, row,
           fmt::format("row {} has hash {}, but {} signed {}: the chain was rewritten at or before row {}", row,
                       shortHash(hash), describe(c), shortHash(c.hash), row)});
    }
  }
}

void AuditChainCheck::add(const AuditRow& row) {
  if (!chainBroken_) {
    if (row.row != expectedRow_) {
      chainBroken_ = true;
      report_.findings.push_back(
          {AuditVerdict::ChainBroken, row.row,
           row.row > expectedRow_ ? fmt::format("row {} follows row {}: rows are missing", row.row, expectedRow_ - 1)
                                  : fmt::format("row {} comes after row {}: rows are out of order", row.row,
                                                expectedRow_ - 1)});
    } else if (auditRowHash(previousHash_, row.row, row.record) != row.hash) {
      chainBroken_ = true;
      report_.findings.push_back(
          {AuditVerdict::ChainBroken, row.row,
           fmt::format("row {} does not match its hash: it was changed, or a row before it was", row.row)});
    }
  }
  // Checkpoints of rows that were skipped over: the row they signed is gone.
  while (nextCheckpoint_ < checkpoints_.size() && checkpoints_[nextCheckpoint_].row < row.row) {
    const AuditCheckpoint& c = checkpoints_[nextCheckpoint_++];
    rewritten_ = true;
    report_.findings.push_back({AuditVerdict::Rewritten, c.row,
                                fmt::format("row {}, signed by {}, is missing", c.row, describe(c))});
  }
  compare(row.row, row.hash);
  previousHash_ = row.hash;
  expectedRow_ = row.row + 1;
  report_.lastRow = row.row;
  ++report_.rowsChecked;
}

AuditCheckReport AuditChainCheck::finish() const {
  AuditCheckReport report = report_;
  if (nextCheckpoint_ < checkpoints_.size()) {
    const AuditCheckpoint& highest = checkpoints_.back();
    const std::size_t beyond = checkpoints_.size() - nextCheckpoint_;
    const std::string also = beyond > 1 ? fmt::format(" ({} checkpoints lie beyond the end)", beyond) : "";
    report.findings.push_back(
        {AuditVerdict::Truncated, highest.row,
         report.rowsChecked == 0 && report.afterRow == 0
             ? fmt::format("the audit record is empty, but {} signed row {}: every row was removed{}",
                           describe(highest), highest.row, also)
             : fmt::format("the rows end at row {}, but {} signed row {}: the rows after {} were cut off{}",
                           report.lastRow, describe(highest), highest.row, report.lastRow, also)});
  }
  return report;
}

}  // namespace jiujin::service
