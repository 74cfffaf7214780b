// `jiujinctl keys new NAME`: a CURVE key pair for a client or the dispatcher, or with --audit
// the hall's Ed25519 pair for signing audit checkpoints (audit.cpp). `jiujinctl pin-hash`: the
// argon2id hash of a clerk's PIN for the hall file's pin_hash, the PIN read from standard input
// (never from the command line, where shell history and `ps` would keep it).
#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "audit.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/config/pin.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

int newKeys(const std::string& name) {
  const auto keys = client::newKeyPair();
  if (keys.publicKey.empty()) return fail("this libzmq has no CURVE support");
  std::ofstream secret(name + ".key");
  std::ofstream pub(name + ".pub");
  if (!secret || !pub) return fail(fmt::format("cannot write {}.key / {}.pub", name, name));
  secret << keys.secretKey << '\n';
  pub << keys.publicKey << '\n';
  secret.close();
  std::filesystem::permissions(name + ".key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  std::cout << fmt::format("{}.key (secret, keep it on that machine only)\n{}.pub {}\n", name, name, keys.publicKey);
  return 0;
}

// Reads the PIN: without echo from a terminal (asked twice), else one line of standard input.
std::optional<std::string> readPin() {
  const bool terminal = ::isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string pin;
  std::string again;
  if (terminal) std::cerr << "PIN: " << std::flush;
  const bool read = static_cast<bool>(std::getline(std::cin, pin));
  if (terminal) {
    std::cerr << "\nPIN again: " << std::flush;
    std::getline(std::cin, again);
    std::cerr << '\n';
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (again != pin) return std::nullopt;
  }
  if (!read) return std::nullopt;
  if (!pin.empty() && pin.back() == '\r') pin.pop_back();
  return pin;
}

int pinHash() {
  const auto pin = readPin();
  if (!pin) return fail("no PIN read, or the two PINs differ");
  // The dispatcher takes PINs of 1–64 characters (docs/protocol.md, clerk_login).
  if (pin->empty() || pin->size() > 64) return fail("a PIN has 1 to 64 characters");
  const std::string hash = config::hashPin(*pin);
  if (hash.empty()) return fail("not enough memory to hash the PIN (argon2id needs 64 MiB)");
  std::cout << hash << '\n';
  return 0;
}

}  // namespace

void addKeyCommands(CLI::App& app, Invocation& invocation) {
  auto* keys = app.add_subcommand("keys", "密钥 CURVE keys, and the hall's audit signing key");
  keys->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto audit = std::make_shared<bool>(false);
  auto* newCmd = keys->add_subcommand("new", "write NAME.key (secret) and NAME.pub (public)");
  newCmd->add_option("name", *name)->required();
  newCmd->add_flag("--audit", *audit, "an Ed25519 pair for signing audit checkpoints ([audit] signing_key_file)");
  runs(newCmd, invocation, [name, audit] { return *audit ? newAuditKeys(*name) : newKeys(*name); });

  auto* pin = app.add_subcommand("pin-hash", "密码 the argon2id hash of a clerk's PIN, read from standard input, for pin_hash");
  runs(pin, invocation, [] { return pinHash(); });
}

}  // namespace jiujin::ctl
