#include "jiujin/service/audit_checkpoint.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include <fmt/format.h>
#include <sodium.h>

namespace jiujin::service {

using nlohmann::json;

static_assert(std::tuple_size_v<AuditSecretKey> == crypto_sign_SECRETKEYBYTES);
static_assert(std::tuple_size_v<AuditPublicKey> == crypto_sign_PUBLICKEYBYTES);

namespace {

constexpr std::string_view kCheckpointTag = "jiujin-audit-checkpoint/1";

// sodium_init() is cheap after the first call and safe from any thread.
bool sodiumReady() { return sodium_init() >= 0; }

template <std::size_t N>
std::string hexOf(const std::array<unsigned char, N>& bytes) {
  std::array<char, N * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), N * 2);
}

template <std::size_t N>
bool fromHex(std::string_view text, std::array<unsigned char, N>& bytes) {
  if (text.size() != N * 2) return false;
  std::size_t length = 0;
  const char* end = nullptr;
  return sodium_hex2bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end) == 0 &&
         length == N && end == text.data() + text.size();
}

ServiceError fileError(std::string_view doing, const std::filesystem::path& file, int error) {
  return ServiceError{"storage_failed", fmt::format("无法{} {}：{}", doing == "read" ? "读取" : "写入", file.string(),
                                                    std::strerror(error)),
                      fmt::format("cannot {} {}: {}", doing, file.string(), std::strerror(error))};
}

std::string firstWordOf(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const auto end = text.find_first_of(" \t\r\n", begin);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

std::optional<std::string> readWholeFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

AuditKeyPair newAuditKeyPair() {
  AuditKeyPair pair;
  if (!sodiumReady()) return pair;
  crypto_sign_keypair(pair.publicKey.data(), pair.secretKey.data());
  return pair;
}

AuditPublicKey publicKeyOf(const AuditSecretKey& secretKey) {
  AuditPublicKey key{};
  crypto_sign_ed25519_sk_to_pk(key.data(), secretKey.data());
  return key;
}

std::string toHex(const AuditSecretKey& key) { return hexOf(key); }
std::string toHex(const AuditPublicKey& key) { return hexOf(key); }

namespace {

// What is wrong with a key's text, in words that fit after "FILE: ".
std::optional<std::string> secretKeyProblem(std::string_view text, AuditSecretKey& key) {
  if (!fromHex(text, key))
    return fmt::format("an audit signing key is 128 hex characters, not {} characters", text.size());
  // The second half is the public key of the first: a key damaged in copying is caught here.
  if (!sodiumReady()) return "libsodium could not start";
  AuditPublicKey derived{};
  AuditSecretKey again{};
  crypto_sign_seed_keypair(derived.data(), again.data(), key.data());
  if (derived != publicKeyOf(key)) return "the audit signing key is damaged: its halves do not belong together";
  return std::nullopt;
}

std::optional<std::string> publicKeyProblem(std::string_view text, AuditPublicKey& key) {
  if (text.size() == 128) return "this is an audit SIGNING key (secret); give the public key (.pub)";
  if (!fromHex(text, key)) return fmt::format("an audit public key is 64 hex characters, not {} characters", text.size());
  return std::nullopt;
}

}  // namespace

Outcome<AuditSecretKey> auditSecretKeyFromHex(std::string_view text) {
  AuditSecretKey key{};
  if (auto problem = secretKeyProblem(text, key)) return errors::invalidArgument(*problem);
  return key;
}

Outcome<AuditPublicKey> auditPublicKeyFromHex(std::string_view text) {
  AuditPublicKey key{};
  if (auto problem = publicKeyProblem(text, key)) return errors::invalidArgument(*problem);
  return key;
}

Outcome<AuditSecretKey> readAuditSecretKeyFile(const std::filesystem::path& file) {
  const auto text = readWholeFile(file);
  if (!text) return fileError("read", file, errno ? errno : ENOENT);
  AuditSecretKey key{};
  if (auto problem = secretKeyProblem(firstWordOf(*text), key))
    return errors::invalidArgument(fmt::format("{}: {}", file.string(), *problem));
  return key;
}

Outcome<AuditPublicKey> auditPublicKeyFrom(const std::string& textOrFile) {
  if (textOrFile.size() == 64 && textOrFile.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos)
    return auditPublicKeyFromHex(textOrFile);
  const auto text = readWholeFile(textOrFile);
  if (!text) return fileError("read", textOrFile, errno ? errno : ENOENT);
  AuditPublicKey key{};
  if (auto problem = publicKeyProblem(firstWordOf(*text), key))
    return errors::invalidArgument(fmt::format("{}: {}", textOrFile, *problem));
  return key;
}

std::string checkpointText(const AuditCheckpoint& c) {
  return fmt::format("{}\n{}\n{}\n{}\n{}", kCheckpointTag, c.row, c.hash, c.at.time_since_epoch().count(), c.hall);
}

AuditCheckpoint signCheckpoint(std::string hall, std::int64_t row, std::string hash, core::TimePoint at,
                               const AuditSecretKey& key) {
  AuditCheckpoint checkpoint{std::move(hall), row, std::move(hash), at, {}};
  const std::string text = checkpointText(checkpoint);
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  if (sodiumReady())
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         key.data());
  checkpoint.signature = hexOf(signature);
  return checkpoint;
}

bool signatureValid(const AuditCheckpoint& checkpoint, const AuditPublicKey& key) {
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  if (!sodiumReady() || !fromHex(checkpoint.signature, signature)) return false;
  const std::string text = checkpointText(checkpoint);
  return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size(), key.data()) == 0;
}

json toJson(const AuditCheckpoint& c) {
  return json{{"v", 1},
              {"hall", c.hall},
              {"row", c.row},
              {"hash", c.hash},
              {"at", c.at.time_since_epoch().count()},
              {"signature", c.signature}};
}

Outcome<AuditCheckpoint> auditCheckpointFromJson(const json& j) {
  if (j.is_object() && j.contains("message") && j["message"].is_object()) return auditCheckpointFromJson(j["message"]);
  if (j.is_object() && j.contains("checkpoint")) return auditCheckpointFromJson(j["checkpoint"]);
  if (!j.is_object()) return errors::invalidArgument("audit checkpoint: expected a JSON object");
  const auto field = [&](const char* key, json::value_t type) -> const json* {
    const auto it = j.find(key);
    if (it == j.end()) return nullptr;
    const bool fits = type == json::value_t::number_integer ? it->is_number_integer() : it->type() == type;
    return fits ? &*it : nullptr;
  };
  const json* version = field("v", json::value_t::number_integer);
  const json* hall = field("hall", json::value_t::string);
  const json* row = field("row", json::value_t::number_integer);
  const json* hash = field("hash", json::value_t::string);
  const json* at = field("at", json::value_t::number_integer);
  const json* signature = field("signature", json::value_t::string);
  if (!version || version->get<std::int64_t>() != 1)
    return errors::invalidArgument("audit checkpoint: \"v\" should be 1");
  if (!hall || !row || !hash || !at || !signature)
    return errors::invalidArgument(
        "audit checkpoint: expected \"hall\" (text), \"row\" (integer), \"hash\" (text), \"at\" (integer) and "
        "\"signature\" (text)");
  return AuditCheckpoint{hall->get<std::string>(), row->get<std::int64_t>(), hash->get<std::string>(),
                         core::TimePoint(core::Milliseconds(at->get<std::int64_t>())), signature->get<std::string>()};
}

Outcome<CheckpointFile> parseCheckpoints(std::string_view text, std::string_view source) {
  CheckpointFile file;
  int lineNumber = 0;
  while (!text.empty()) {
    ++lineNumber;
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const json parsed = json::parse(line, nullptr, false);
    if (parsed.is_discarded()) {
      file.tornLines.push_back(lineNumber);
      continue;
    }
    auto checkpoint = auditCheckpointFromJson(parsed);
    if (!checkpoint) return errors::invalidArgument(fmt::format("{}:{}: {}", source, lineNumber, checkpoint.error().en));
    file.checkpoints.push_back(std::move(checkpoint).value());
  }
  return file;
}

Outcome<CheckpointFile> readCheckpointFile(const std::filesystem::path& file) {
  const auto text = readWholeFile(file);
  if (!text) return fileError("read", file, errno ? errno : ENOENT);
  return parseCheckpoints(*text, file.string());
}

Outcome<bool> appendCheckpoint(const std::filesystem::path& file, const AuditCheckpoint& checkpoint) {
  std::error_code ignored;
  const bool isNew = !std::filesystem::exists(file, ignored);
  const int fd = ::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return fileError("write", file, errno);
  std::string line = toJson(checkpoint).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  // A line cut short by a crash would swallow this one: start on a line of its own.
  struct stat info {};
  char last = '\n';
  if (::fstat(fd, &info) == 0 && info.st_size > 0 && ::pread(fd, &last, 1, info.st_size - 1) == 1 && last != '\n')
    line.insert(line.begin(), '\n');
  const bool written = writeAll(fd, line) && ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!written) return fileError("write", file, error);
  if (isNew) {
    // The new file's name must survive a power cut too.
    const auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
  }
  return true;
}

std::string describeTime(core::TimePoint at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::seconds>(at - day)};
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

}  // namespace jiujin::service
