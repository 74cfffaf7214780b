#pragma once
// The unguessable token a resident's printed QR code carries (docs/web.md, "Tokens"):
//
//   token = base64url( ticket id, 6 bytes big-endian ‖ first 15 bytes of
//           HMAC-SHA256(hall key, "jiujin-ticket/1\n<issue date>\n<ticket id>") )   — 28 characters
//
// The dispatcher derives it when it issues the ticket and hands it only to the issuer (the
// issue_ticket reply); it is never journaled or published. A token names its ticket in one
// step (the id is inside) but only the hall key makes one: 120 bits of MAC to guess. It
// expires with the day: it is honoured only for a ticket of the hall's current day, issued
// on the date it was made for. The key is 32 random bytes kept beside the database
// ("<database>.ticket-key", mode 0600), so tokens outlive a restart of the dispatcher.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "jiujin/core/state.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service {

class TicketTokens {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  static constexpr std::size_t kTokenChars = 28;

  /// A key of kKeyBytes raw bytes; any other size (e.g. empty) makes a random one.
  explicit TicketTokens(std::string_view key);

  /// The token of ticket `id` issued on `issued` (its hall-local date).
  std::string token(core::TicketId id, core::Date issued) const;
  /// The ticket id a token names, if it is well formed; says nothing about the MAC.
  static std::optional<core::TicketId> ticketNamed(std::string_view token);
  /// Whether `token` is the one of ticket `id` issued on `issued` (constant-time compare).
  bool matches(std::string_view token, core::TicketId id, core::Date issued) const;

  /// The hall's key file "<database>.ticket-key": read, or created with a new random key.
  /// A database of ":memory:" or "" gets a key for this process only (tests).
  static Outcome<std::string> keyForDatabase(const std::filesystem::path& database);

 private:
  std::array<unsigned char, kKeyBytes> key_{};
};

}  // namespace jiujin::service
