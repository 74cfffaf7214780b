#include "jiujin/service/ticket_tokens.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <sodium.h>

namespace jiujin::service {
namespace {

constexpr std::size_t kIdBytes = 6;    // ids up to 2^48: far beyond a hall's life
constexpr std::size_t kMacBytes = 15;  // 120 bits; 6 + 15 = 21 bytes = 28 base64url characters

bool sodiumReady() { return sodium_init() >= 0; }

std::string macInput(core::TicketId id, core::Date issued) {
  return fmt::format("jiujin-ticket/1\n{:04}-{:02}-{:02}\n{}", static_cast<int>(issued.year()),
                     static_cast<unsigned>(issued.month()), static_cast<unsigned>(issued.day()), id);
}

std::array<unsigned char, kIdBytes + kMacBytes> payload(const std::array<unsigned char, TicketTokens::kKeyBytes>& key,
                                                         core::TicketId id, core::Date issued) {
  std::array<unsigned char, kIdBytes + kMacBytes> bytes{};
  for (std::size_t i = 0; i < kIdBytes; ++i) bytes[i] = static_cast<unsigned char>(id >> (8 * (kIdBytes - 1 - i)));
  const std::string input = macInput(id, issued);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  crypto_auth_hmacsha256_final(&state, mac);
  std::memcpy(bytes.data() + kIdBytes, mac, kMacBytes);
  return bytes;
}

std::optional<std::array<unsigned char, kIdBytes + kMacBytes>> decode(std::string_view token) {
  if (token.size() != TicketTokens::kTokenChars || !sodiumReady()) return std::nullopt;
  std::array<unsigned char, kIdBytes + kMacBytes> bytes{};
  std::size_t length = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), token.data(), token.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length != bytes.size())
    return std::nullopt;
  return bytes;
}

}  // namespace

TicketTokens::TicketTokens(std::string_view key) {
  if (key.size() == kKeyBytes) {
    std::memcpy(key_.data(), key.data(), kKeyBytes);
  } else if (sodiumReady()) {
    randombytes_buf(key_.data(), key_.size());
  }
}

std::string TicketTokens::token(core::TicketId id, core::Date issued) const {
  if (!sodiumReady()) return {};
  const auto bytes = payload(key_, id, issued);
  char text[sodium_base64_ENCODED_LEN(kIdBytes + kMacBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::optional<core::TicketId> TicketTokens::ticketNamed(std::string_view token) {
  const auto bytes = decode(token);
  if (!bytes) return std::nullopt;
  core::TicketId id = 0;
  for (std::size_t i = 0; i < kIdBytes; ++i) id = (id << 8) | (*bytes)[i];
  if (id == 0) return std::nullopt;
  return id;
}

bool TicketTokens::matches(std::string_view token, core::TicketId id, core::Date issued) const {
  const auto given = decode(token);
  if (!given) return false;
  const auto expected = payload(key_, id, issued);
  return sodium_memcmp(given->data(), expected.data(), expected.size()) == 0;
}

Outcome<std::string> TicketTokens::keyForDatabase(const std::filesystem::path& database) {
  if (!sodiumReady()) return ServiceError{"internal", "无法初始化加密库", "libsodium cannot start"};
  std::string key(kKeyBytes, '\0');
  if (database.empty() || database == ":memory:") {
    randombytes_buf(key.data(), key.size());
    return key;
  }
  const std::filesystem::path file = database.string() + ".ticket-key";
  const auto unreadable = [&](std::string_view why) {
    return ServiceError{"storage_unusable", fmt::format("号票令牌密钥文件无法使用：{}（{}）", file.string(), why),
                        fmt::format("the ticket-token key file cannot be used: {} ({})", file.string(), why)};
  };
  if (std::ifstream in{file, std::ios::binary}) {
    std::string read{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (read.size() != kKeyBytes) return unreadable(fmt::format("{} bytes, expected {}", read.size(), kKeyBytes));
    return read;
  }
  randombytes_buf(key.data(), key.size());
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return unreadable(std::strerror(errno));
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return unreadable("write failed");
  return key;
}

}  // namespace jiujin::service
