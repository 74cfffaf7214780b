#include "audit.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/service/audit_chain_check.hpp"
#include "jiujin/service/audit_checkpoint.hpp"
#include "jiujin/service/audit_log.hpp"
#include "invocation.hpp"
#include "printing.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

using nlohmann::json;
using service::AuditCheckpoint;
using service::AuditRow;
using service::AuditVerdict;

constexpr std::size_t kPage = 5000;

int refusedBy(const client::Reply& reply, bool asJson) {
  printReply(client::RequestKind::AuditExport, reply, asJson, std::cout, std::cerr);
  return reply.error.code == "timeout" ? 3 : 1;
}

/// The hash of row `after` as the dispatcher's reply gives it; an older dispatcher gives none.
std::optional<std::string> previousHashIn(const json& result, std::int64_t after) {
  const auto it = result.find("previous_hash");
  if (it != result.end() && it->is_string()) return it->get<std::string>();
  if (it == result.end() && after == 0) return service::kAuditGenesisHash;
  return std::nullopt;
}

/// Reads the rows after `after`, oldest first, a page at a time: `start` is told the hash of
/// row `after` (nothing when that row is not there), then `each` gets every row. Returns 0, or
/// the exit code once it has said what went wrong.
int readRows(const AuditSource& source, std::int64_t after, bool asJson,
             const std::function<void(const std::optional<std::string>&)>& start,
             const std::function<void(const AuditRow&)>& each) {
  if (!source.database.empty()) {
    // Opening creates a database; a mistyped name must not become an empty, "intact" record.
    if (!std::filesystem::is_regular_file(source.database)) return fail(fmt::format("{} does not exist", source.database));
    auto log = service::AuditLog::open(source.database);
    if (!log) return fail(log.error().en);
    std::optional<std::string> previous;
    if (after <= 0) previous = service::kAuditGenesisHash;
    else if (auto before = log.value()->read(after - 1, 1); !before) return fail(before.error().en);
    else if (!before.value().empty() && before.value().front().row == after) previous = before.value().front().hash;
    start(previous);
    for (std::int64_t from = after;;) {
      auto page = log.value()->read(from, kPage);
      if (!page) return fail(page.error().en);
      if (page.value().empty()) return 0;
      for (const AuditRow& row : page.value()) each(row);
      from = page.value().back().row;
    }
  }
  zmq::context_t context;
  client::CommandChannel channel(context, *source.dispatcher);
  bool first = true;
  for (std::int64_t from = after;;) {
    const auto reply = channel.request(client::requests::auditExport(from, static_cast<std::int64_t>(kPage)));
    if (!reply.ok) return refusedBy(reply, asJson);
    if (first) start(previousHashIn(reply.result, after));
    first = false;
    const json page = reply.result.value("rows", json::array());
    if (!page.is_array() || page.empty()) return 0;
    for (const json& r : page) {
      auto row = service::auditRowFromJson(r);
      if (!row) return fail(row.error().en);
      from = row.value().row;
      each(row.value());
    }
    // Each export request is itself recorded: a short page is the end, or this never stops.
    if (page.size() < kPage) return 0;
  }
}

/// An export file: its first line {"after", "previous_hash"} (absent in exports of older
/// versions: then the rows start at the beginning), then one row a line.
int readExportFile(const std::string& file, const std::function<void(std::int64_t, const std::optional<std::string>&)>& start,
                   const std::function<void(const AuditRow&)>& each) {
  std::ifstream in(file);
  if (!in) return fail(fmt::format("cannot read {}", file));
  std::string line;
  int lineNumber = 0;
  bool started = false;
  while (std::getline(in, line)) {
    ++lineNumber;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const json parsed = json::parse(line, nullptr, false);
    if (!started) {
      started = true;
      if (parsed.is_object() && parsed.contains("previous_hash") && !parsed.contains("row")) {
        const auto after = parsed.find("after");
        if (after == parsed.end() || !after->is_number_integer())
          return fail(fmt::format("{}:{}: the export's first line has no \"after\" row number", file, lineNumber));
        const json& previous = parsed["previous_hash"];
        start(after->get<std::int64_t>(),
              previous.is_string() ? std::optional(previous.get<std::string>()) : std::nullopt);
        continue;
      }
      start(0, service::kAuditGenesisHash);
    }
    auto row = service::auditRowFromJson(parsed);
    if (!row) return fail(fmt::format("{}:{}: {}", file, lineNumber, row.error().en));
    each(row.value());
  }
  if (!started) start(0, service::kAuditGenesisHash);
  return 0;
}

/// A checkpoint file, or one checkpoint given as JSON on the command line.
service::Outcome<service::CheckpointFile> loadCheckpoints(const std::string& given) {
  if (given.starts_with("{")) return service::parseCheckpoints(given + "\n", "--checkpoint");
  return service::readCheckpointFile(given);
}

int exitCodeOf(AuditVerdict verdict) {
  switch (verdict) {
    case AuditVerdict::Intact: return 0;
    case AuditVerdict::ChainBroken: return 1;
    case AuditVerdict::Truncated: return 4;
    case AuditVerdict::Rewritten: return 5;
    case AuditVerdict::BadSignature: return 6;
  }
  return 1;
}

std::string headline(const service::AuditFinding& f) {
  switch (f.kind) {
    case AuditVerdict::ChainBroken: return fmt::format("审计记录被篡改 audit record TAMPERED at row {}: {}", f.row, f.text);
    case AuditVerdict::Truncated: return fmt::format("审计记录被截断 audit record TRUNCATED: {}", f.text);
    case AuditVerdict::Rewritten: return fmt::format("审计记录被改写 audit record REWRITTEN at row {}: {}", f.row, f.text);
    case AuditVerdict::BadSignature: return fmt::format("检查点签名无效 checkpoint signature INVALID: {}", f.text);
    case AuditVerdict::Intact: break;
  }
  return f.text;
}

json toJson(const service::AuditCheckReport& r) {
  json findings = json::array();
  for (const auto& f : r.findings) findings.push_back({{"kind", toString(f.kind)}, {"row", f.row}, {"text", f.text}});
  json j{{"intact", r.intact()},
         {"verdict", toString(r.verdict())},
         {"rows_checked", r.rowsChecked},
         {"after", r.afterRow},
         {"last_row", r.lastRow},
         {"findings", findings},
         {"checkpoints", {{"given", r.checkpointsGiven}, {"matched", r.checkpointsMatched}, {"before", r.checkpointsBefore}}},
         {"signed_up_to", nullptr}};
  if (const auto* gravest = r.gravest()) {
    j["problem"] = gravest->text;
    j["first_bad_row"] = gravest->row;
  } else {
    j["problem"] = "";
  }
  if (r.anchor) j["signed_up_to"] = {{"row", r.anchor->row}, {"at", r.anchor->at.time_since_epoch().count()}, {"hall", r.anchor->hall}};
  return j;
}

void printReport(const service::AuditCheckReport& r) {
  const std::string range = r.afterRow > 0 ? fmt::format(" (rows {}–{}, after row {} as the export says)",
                                                         r.afterRow + 1, r.lastRow, r.afterRow)
                                           : "";
  if (const auto* gravest = r.gravest()) {
    std::cout << headline(*gravest) << '\n';
    constexpr std::size_t kShown = 20;
    std::size_t shown = 0;
    for (const auto& f : r.findings) {
      if (&f == gravest) continue;
      if (shown++ == kShown) {
        std::cout << fmt::format("  … and {} more\n", r.findings.size() - 1 - kShown);
        break;
      }
      std::cout << fmt::format("  also {}: {}\n", toString(f.kind), f.text);
    }
  } else {
    std::cout << fmt::format("审计记录完整 audit record intact: {} rows checked{}\n", r.rowsChecked, range);
  }
  if (r.anchor) {
    std::cout << fmt::format("  已签名至第 {} 行 intact up to checkpoint row {} ({}, hall {}); {} of {} checkpoints match\n",
                             r.anchor->row, r.anchor->row, service::describeTime(r.anchor->at), r.anchor->hall,
                             r.checkpointsMatched, r.checkpointsGiven);
    if (r.intact() && r.lastRow > r.anchor->row)
      std::cout << fmt::format("  the {} rows after row {} are not covered by a checkpoint yet\n",
                               r.lastRow - r.anchor->row, r.anchor->row);
  } else if (r.checkpointsGiven == 0) {
    std::cout << "  no checkpoint given: cut or recomputed rows cannot be told (--checkpoint, --audit-key)\n";
  }
  if (r.checkpointsBefore > 0)
    std::cout << fmt::format("  checkpoints of rows before this export, not checked: {}\n", r.checkpointsBefore);
}

}  // namespace

int exportAudit(const AuditSource& source, std::int64_t after, const std::string& out) {
  std::ofstream file;
  if (!out.empty()) {
    file.open(out);
    if (!file) return fail(fmt::format("cannot write {}", out));
  }
  std::ostream& sink = out.empty() ? std::cout : file;
  std::size_t count = 0;
  const int code = readRows(
      source, after, false,
      [&](const std::optional<std::string>& previous) {
        sink << json{{"after", after}, {"previous_hash", previous ? json(*previous) : json(nullptr)}}.dump() << '\n';
      },
      [&](const AuditRow& row) {
        sink << service::toJson(row).dump() << '\n';
        ++count;
      });
  if (code != 0) return code;
  if (!out.empty()) {
    file.close();
    if (!file) return fail(fmt::format("cannot write {}", out));
    std::cerr << fmt::format("jiujinctl: {} audit rows written to {}\n", count, out);
  }
  return 0;
}

int verifyAudit(const AuditSource& source, const AuditVerifyOptions& options) {
  std::vector<AuditCheckpoint> checkpoints;
  std::optional<service::AuditPublicKey> key;
  if (!options.checkpoint.empty() || !options.auditKey.empty()) {
    if (options.checkpoint.empty() || options.auditKey.empty())
      return fail("--checkpoint and --audit-key go together: the checkpoints and the hall's audit public key");
    auto loaded = loadCheckpoints(options.checkpoint);
    if (!loaded) return fail(loaded.error().en);
    for (int line : loaded.value().tornLines)
      std::cerr << fmt::format("jiujinctl: {}:{} is not a checkpoint (a write cut short by a crash?): skipped\n",
                               options.checkpoint, line);
    if (loaded.value().checkpoints.empty()) return fail(fmt::format("{} holds no checkpoint", options.checkpoint));
    checkpoints = std::move(loaded).value().checkpoints;
    auto publicKey = service::auditPublicKeyFrom(options.auditKey);
    if (!publicKey) return fail(publicKey.error().en);
    key = publicKey.value();
  }

  std::optional<service::AuditChainCheck> check;
  std::string missingStart;
  const auto start = [&](std::int64_t after, const std::optional<std::string>& previous) {
    if (!previous) {
      missingStart = fmt::format("row {} is not in the record, so the rows after it cannot be checked", after);
      check.emplace(after, std::string(), checkpoints, key);
      return;
    }
    check.emplace(after, *previous, checkpoints, key);
  };
  const auto each = [&](const AuditRow& row) {
    if (check) check->add(row);
  };
  const int code = !options.exportFile.empty()
                       ? readExportFile(options.exportFile, start, each)
                       : readRows(source, 0, options.asJson,
                                  [&](const std::optional<std::string>& previous) { start(0, previous); }, each);
  if (code != 0) return code;
  if (!missingStart.empty()) return fail(missingStart);
  const service::AuditCheckReport report = check->finish();
  if (options.asJson) std::cout << toJson(report).dump() << '\n';
  else printReport(report);
  return exitCodeOf(report.verdict());
}

int newAuditKeys(const std::string& name) {
  const auto keys = service::newAuditKeyPair();
  if (keys.publicKey == service::AuditPublicKey{}) return fail("libsodium could not start");
  const std::string secretFile = name + ".key";
  const std::string publicFile = name + ".pub";
  {
    // Created private before the key is in it.
    std::ofstream secret(secretFile);
    if (!secret) return fail(fmt::format("cannot write {}", secretFile));
    std::filesystem::permissions(secretFile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    secret << service::toHex(keys.secretKey) << '\n';
    if (!secret.flush()) return fail(fmt::format("cannot write {}", secretFile));
  }
  std::ofstream pub(publicFile);
  pub << service::toHex(keys.publicKey) << '\n';
  if (!pub.flush()) return fail(fmt::format("cannot write {}", publicFile));
  std::cout << fmt::format(
      "{} (audit signing key, secret: keep it on the dispatcher's machine; [audit] signing_key_file)\n"
      "{} {} (for `jiujinctl audit verify --audit-key`)\n",
      secretFile, publicFile, service::toHex(keys.publicKey));
  return 0;
}

namespace {

/// Rows come from the database file when one is given, else from the dispatcher.
std::optional<AuditSource> auditSource(const GlobalOptions& g, const std::string& db, std::string& problem) {
  AuditSource source{db, std::nullopt};
  if (!db.empty()) return source;
  source.dispatcher = connectionOptions(g, problem);
  if (!source.dispatcher) return std::nullopt;
  return source;
}

}  // namespace

void addAuditCommands(CLI::App& app, Invocation& invocation) {
  auto* audit = app.add_subcommand("audit", "电子监察 the audit record");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto after = std::make_shared<std::int64_t>(0);
  auto out = std::make_shared<std::string>();
  auto verify = std::make_shared<AuditVerifyOptions>();
  auto* exportCmd = audit->add_subcommand("export", "write rows as JSON lines (from the dispatcher, or --db)");
  exportCmd->add_option("--db", *db, "read the hall's database file directly");
  exportCmd->add_option("--after", *after, "only rows after this one")->check(CLI::NonNegativeNumber);
  exportCmd->add_option("--out", *out, "file to write (default stdout)");
  runs(exportCmd, invocation, [&invocation, db, after, out] {
    std::string problem;
    const auto source = auditSource(invocation.options, *db, problem);
    return source ? exportAudit(*source, *after, *out) : fail(problem);
  });
  auto* verifyCmd = audit->add_subcommand(
      "verify",
      "check the hash chain (dispatcher, --db or --file) and, with --checkpoint, that nothing signed was cut or "
      "rewritten. Exit 0 intact, 1 chain broken, 4 truncated, 5 rewritten, 6 bad checkpoint signature");
  auto* dbOption = verifyCmd->add_option("--db", *db, "the hall's database file");
  verifyCmd->add_option("--file", verify->exportFile, "an export written by `audit export`")->excludes(dbOption);
  verifyCmd->add_option("--checkpoint", verify->checkpoint,
                        "the checkpoint file (<database>.checkpoints), or one checkpoint as JSON");
  verifyCmd->add_option("--audit-key", verify->auditKey, "the hall's audit public key: hex, or the .pub file");
  runs(verifyCmd, invocation, [&invocation, db, verify] {
    verify->asJson = invocation.options.json;
    std::string problem;
    const auto source = verify->exportFile.empty() ? auditSource(invocation.options, *db, problem)
                                                   : std::optional(AuditSource{});
    return source ? verifyAudit(*source, *verify) : fail(problem);
  });
}

}  // namespace jiujin::ctl
