#include "jiujin/config/pin.hpp"

#include <sodium.h>

#include <array>

namespace jiujin::config {
namespace {

bool sodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

std::string hashPin(std::string_view pin) {
  if (!sodiumReady()) return {};
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return {};
  }
  return std::string(out.data());
}

bool isPinHash(std::string_view hash) {
  if (!sodiumReady()) return false;
  constexpr std::string_view prefix = "$argon2id$";
  if (hash.substr(0, prefix.size()) != prefix || hash.size() >= crypto_pwhash_STRBYTES) {
    return false;
  }
  const std::string terminated(hash);
  // needs_rehash answers -1 exactly when the string is not a valid hash.
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

bool verifyPin(std::string_view hash, std::string_view pin) {
  if (!isPinHash(hash)) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace jiujin::config
