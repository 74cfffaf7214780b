#pragma once
// The dispatcher's side of audit checkpoints: after each batch's audit rows are written it is
// told the chain head, decides whether a checkpoint is due (every N rows, or M minutes after
// the last one when rows came since), signs it, appends it to the checkpoint file and hands
// it back to be published. It knows nothing of where the rows are kept: the head (last row,
// its hash) and the time are all it needs.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/time.hpp"
#include "jiujin/service/audit_checkpoint.hpp"

namespace jiujin::service {

struct AuditCheckpointSettings {
  std::optional<AuditSecretKey> signingKey;  ///< none: no checkpoints
  std::filesystem::path file;                ///< the checkpoint file (JSON lines)
  std::string hall;                          ///< goes into every checkpoint
  std::int64_t everyRows = 500;
  std::chrono::minutes everyMinutes{10};
};

class AuditCheckpointer {
 public:
  /// Reads the last checkpoint of the file, if any, so that a restart goes on from it.
  explicit AuditCheckpointer(AuditCheckpointSettings settings);

  bool enabled() const { return settings_.signingKey.has_value(); }

  struct Step {
    std::optional<AuditCheckpoint> taken;  ///< signed (and appended, unless a problem says not)
    std::vector<std::string> problems;     ///< for the log, each said once
  };
  /// After audit rows were appended: the chain now ends at `lastRow` with `lastHash`.
  Step afterAppend(std::int64_t lastRow, const std::string& lastHash, core::TimePoint now);
  /// Signs the head if rows came since the last checkpoint (when the dispatcher stops).
  Step signHead(std::int64_t lastRow, const std::string& lastHash, core::TimePoint now);

 private:
  Step take(std::int64_t lastRow, const std::string& lastHash, core::TimePoint now);
  void compareWithFile(std::int64_t lastRow, const std::string& lastHash, Step& step);

  AuditCheckpointSettings settings_;
  std::int64_t signedRow_ = 0;
  std::string signedHash_;
  std::optional<core::TimePoint> signedAt_;
  bool comparedWithFile_ = false;
  std::vector<std::string> startProblems_;
};

}  // namespace jiujin::service
