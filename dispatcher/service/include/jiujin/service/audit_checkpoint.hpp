#pragma once
// Signed checkpoints of the audit chain (电子监察). The hash chain alone shows a changed row,
// but not rows cut off at the end, an emptied table, or a chain recomputed from scratch with
// the documented formula. A checkpoint is the chain head — row number and row hash — signed
// with the hall's Ed25519 key and kept outside the database (a file the hall can copy away,
// and an event anyone may record). Held against a checkpoint, a chain that ends before its
// row was cut, and a row whose hash differs from the signed one was rewritten.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/time.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service {

/// libsodium's Ed25519 secret key (seed followed by the public key) and public key.
using AuditSecretKey = std::array<unsigned char, 64>;
using AuditPublicKey = std::array<unsigned char, 32>;

struct AuditKeyPair {
  AuditSecretKey secretKey{};
  AuditPublicKey publicKey{};
};

/// A fresh Ed25519 key pair for signing a hall's audit checkpoints.
AuditKeyPair newAuditKeyPair();
AuditPublicKey publicKeyOf(const AuditSecretKey& secretKey);

/// Key files hold lowercase hex: 128 characters for a secret key, 64 for a public key.
std::string toHex(const AuditSecretKey& key);
std::string toHex(const AuditPublicKey& key);
/// A secret key in hex; refused if it is not one, or if its two halves do not belong together.
Outcome<AuditSecretKey> auditSecretKeyFromHex(std::string_view text);
Outcome<AuditPublicKey> auditPublicKeyFromHex(std::string_view text);
/// The first word of a key file, read as a secret key.
Outcome<AuditSecretKey> readAuditSecretKeyFile(const std::filesystem::path& file);
/// A public key given as hex text or as the path of a file holding it (e.g. hall-audit.pub).
Outcome<AuditPublicKey> auditPublicKeyFrom(const std::string& textOrFile);

struct AuditCheckpoint {
  std::string hall;  ///< the hall's region code, or its name when it has none
  std::int64_t row = 0;
  std::string hash;  ///< the hash of row `row`, hex, as stored in the chain
  core::TimePoint at;
  std::string signature;  ///< hex Ed25519 signature of checkpointText()
  bool operator==(const AuditCheckpoint&) const = default;
};

/// The exact bytes that are signed:
/// "jiujin-audit-checkpoint/1\n<row>\n<hash>\n<at ms>\n<hall>" (the hall last, so any text is fine).
std::string checkpointText(const AuditCheckpoint& checkpoint);
/// A checkpoint of the chain head `row`/`hash` at `at`, signed.
AuditCheckpoint signCheckpoint(std::string hall, std::int64_t row, std::string hash, core::TimePoint at,
                               const AuditSecretKey& key);
/// Whether `key` signed exactly this checkpoint.
bool signatureValid(const AuditCheckpoint& checkpoint, const AuditPublicKey& key);

/// {"v":1,"hall":…,"row":…,"hash":…,"at":…,"signature":…}: a line of the checkpoint file and
/// the `checkpoint` of an `audit.checkpoint` event.
nlohmann::json toJson(const AuditCheckpoint& checkpoint);
/// A checkpoint object, an event body {"checkpoint":{…}}, or a line of `jiujinctl watch --json`
/// ({"topic":…,"message":{"checkpoint":{…}}}).
Outcome<AuditCheckpoint> auditCheckpointFromJson(const nlohmann::json& json);

struct CheckpointFile {
  std::vector<AuditCheckpoint> checkpoints;  ///< in file order
  std::vector<int> tornLines;                ///< lines that are not JSON: writes cut short by a crash
};

/// The checkpoints of a checkpoint file's text, one JSON object a line. A line that is not JSON
/// at all is a write a crash cut short and is left out (and listed); a JSON line that is not a
/// checkpoint is an error naming `source`:line.
Outcome<CheckpointFile> parseCheckpoints(std::string_view text, std::string_view source);
Outcome<CheckpointFile> readCheckpointFile(const std::filesystem::path& file);
/// Appends one line and fsyncs it (and the folder, when the file is new).
Outcome<bool> appendCheckpoint(const std::filesystem::path& file, const AuditCheckpoint& checkpoint);

/// "2024-05-06 09:30:00" for a hall-local time point, for people reading a report.
std::string describeTime(core::TimePoint at);

}  // namespace jiujin::service
