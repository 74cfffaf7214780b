#include "jiujin/service/audit_checkpointer.hpp"

#include <fmt/format.h>

namespace jiujin::service {

AuditCheckpointer::AuditCheckpointer(AuditCheckpointSettings settings) : settings_(std::move(settings)) {
  if (!enabled()) return;
  std::error_code ignored;
  if (!std::filesystem::exists(settings_.file, ignored)) return;
  auto checkpoints = readCheckpointFile(settings_.file);
  if (!checkpoints) {
    startProblems_.push_back(
        fmt::format("{}; checkpoints go on from the chain's head, the file is only appended to", checkpoints.error().en));
    return;
  }
  for (int line : checkpoints.value().tornLines)
    startProblems_.push_back(fmt::format("{}:{}: not a checkpoint (a write cut short by a crash?): left as it is",
                                         settings_.file.string(), line));
  if (checkpoints.value().checkpoints.empty()) return;
  const AuditCheckpoint& last = checkpoints.value().checkpoints.back();
  signedRow_ = last.row;
  signedHash_ = last.hash;
  signedAt_ = last.at;
}

void AuditCheckpointer::compareWithFile(std::int64_t lastRow, const std::string& lastHash, Step& step) {
  comparedWithFile_ = true;
  for (auto& problem : startProblems_) step.problems.push_back(std::move(problem));
  startProblems_.clear();
  if (!signedAt_) return;
  std::string problem;
  if (lastRow < signedRow_) {
    problem = fmt::format(
        "the audit chain ends at row {}, but {} holds a checkpoint of row {} ({}): rows were removed, or this "
        "database is not the one the checkpoints belong to",
        lastRow, settings_.file.string(), signedRow_, describeTime(*signedAt_));
  } else if (lastRow == signedRow_ && lastHash != signedHash_) {
    problem = fmt::format("row {} of the audit chain does not have the hash signed in {} ({}): the chain was rewritten",
                          lastRow, settings_.file.string(), describeTime(*signedAt_));
  }
  if (problem.empty()) return;
  // The evidence stays in the file; checkpoints start over from the chain as it is now.
  step.problems.push_back(std::move(problem));
  signedRow_ = 0;
  signedHash_.clear();
  signedAt_.reset();
}

AuditCheckpointer::Step AuditCheckpointer::afterAppend(std::int64_t lastRow, const std::string& lastHash,
                                                       core::TimePoint now) {
  Step step;
  if (!enabled()) return step;
  if (!comparedWithFile_) compareWithFile(lastRow, lastHash, step);
  const std::int64_t rowsSince = lastRow - signedRow_;
  if (rowsSince <= 0) return step;
  const bool enoughRows = rowsSince >= settings_.everyRows;
  const bool longEnough = !signedAt_ || now - *signedAt_ >= settings_.everyMinutes;
  if (!enoughRows && !longEnough) return step;
  Step taken = take(lastRow, lastHash, now);
  step.taken = std::move(taken.taken);
  for (auto& p : taken.problems) step.problems.push_back(std::move(p));
  return step;
}

AuditCheckpointer::Step AuditCheckpointer::signHead(std::int64_t lastRow, const std::string& lastHash,
                                                    core::TimePoint now) {
  if (!enabled() || lastRow <= 0 || (lastRow == signedRow_ && lastHash == signedHash_)) return {};
  return take(lastRow, lastHash, now);
}

AuditCheckpointer::Step AuditCheckpointer::take(std::int64_t lastRow, const std::string& lastHash,
                                                core::TimePoint now) {
  Step step;
  step.taken = signCheckpoint(settings_.hall, lastRow, lastHash, now, *settings_.signingKey);
  if (auto written = appendCheckpoint(settings_.file, *step.taken); !written)
    step.problems.push_back(
        fmt::format("checkpoint of row {} is published but not in the file: {}", lastRow, written.error().en));
  signedRow_ = lastRow;
  signedHash_ = lastHash;
  signedAt_ = now;
  return step;
}

}  // namespace jiujin::service
