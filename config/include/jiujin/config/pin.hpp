#pragma once
// Clerk PINs: only an argon2id hash (libsodium crypto_pwhash_str) is ever stored.
#include <string>
#include <string_view>

namespace jiujin::config {

/// The libsodium "$argon2id$..." string for a PIN, with the interactive limits
/// (64 MiB, a fraction of a second). Empty only when memory for hashing is lacking.
std::string hashPin(std::string_view pin);

/// Whether `pin` matches `hash`; false for a malformed hash too.
bool verifyPin(std::string_view hash, std::string_view pin);

/// Whether `hash` is a well-formed libsodium argon2id string.
bool isPinHash(std::string_view hash);

}  // namespace jiujin::config
