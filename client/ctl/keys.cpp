// `jiujinctl keys new NAME`: a CURVE key pair for a client or the dispatcher, or with --audit
// the hall's Ed25519 pair for signing audit checkpoints (audit.cpp).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "audit.hpp"
#include "jiujin/client/connection.hpp"
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
}

}  // namespace jiujin::ctl
