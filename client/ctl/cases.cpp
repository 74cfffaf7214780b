// The case register (办件, docs/cases.md) from the shell: accept a case at a window, show one,
// list the register (台账) with filters, move it along (补正, 补齐, 办理, 办结), refuse it at the
// counter (不予受理), mark it ready at the issuing window and hand it over. Every command
// names the window it is given at and the case by its number, as printed on the receipt.
// `case print` writes a case's form (receipt, 补交材料清单, 不予受理通知书) as ESC/POS bytes for
// the ticket printer or as an A4 PDF (client/forms).
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <QGuiApplication>

#include "arguments.hpp"
#include "jiujin/client/replies.hpp"
#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "jiujin/forms/case_forms.hpp"
#include "jiujin/forms/form_pdf.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

namespace requests = client::requests;

constexpr const char* kStates = "correction accepted processing decided ready collected rejected";

std::string at(core::TimePoint t) { return fmt::format("{:%Y-%m-%d %H:%M}", std::chrono::floor<std::chrono::minutes>(t)); }
std::string at(const std::optional<core::TimePoint>& t) { return t ? at(*t) : "-"; }
std::string day(const std::optional<core::Date>& d) { return d ? protocol::dateToString(*d) : "-"; }

/// One line of the register: number, state, item, applicant (masked in a list), due date.
std::string caseLine(const core::Case& c) {
  return fmt::format("{}  {}({})  {} {}  {}  承诺 due {}  {}号窗口 {}", c.number, core::zhName(c.state),
                     core::toString(c.state), c.item, c.itemName, c.applicant.name, day(c.dueDate), c.window,
                     c.clerk.value_or("-"));
}

/// The whole case for a clerk at a terminal: the fields, the materials, the history.
std::string describeCase(const core::Case& c) {
  std::string out = fmt::format("办件 case {}  {} {}\n", c.number, core::zhName(c.state), core::toString(c.state));
  out += fmt::format("  事项 item        {} {} ({}, {} 个工作日)\n", c.item, c.itemName, core::zhName(c.kind),
                     c.promisedWorkingDays);
  out += fmt::format("  申请人 applicant {}  证件 {}  电话 {}\n", c.applicant.name,
                     c.applicant.idNumber.empty() ? "-" : c.applicant.idNumber,
                     c.applicant.phone.empty() ? "-" : c.applicant.phone);
  out += fmt::format("  渠道 channel     {}{}\n", core::zhName(c.channel), c.request.empty() ? "" : "  申请内容 " + c.request);
  out += fmt::format("  受理 accepted    {}  承诺办结 due {}  {}号窗口 {}\n", at(c.acceptedAt), day(c.dueDate), c.window,
                     c.clerk.value_or("-"));
  out += "  材料 materials\n";
  for (const auto& m : c.materials) out += fmt::format("    [{}] {}\n", core::zhName(m.status), m.name);
  if (c.outcome)
    out += fmt::format("  办结 decided     {} {}  {}{}\n", core::zhName(*c.outcome), at(c.decidedAt), c.decidedBy.value_or("-"),
                       c.reason.empty() ? "" : "  理由 " + c.reason);
  else if (!c.reason.empty()) out += fmt::format("  理由 reason      {}\n", c.reason);
  if (c.issuingWindow) out += fmt::format("  出件 issuing     {}号窗口  {}\n", *c.issuingWindow, at(c.readyAt));
  if (!c.collectedBy.empty()) out += fmt::format("  领取 collected   {}  {}\n", c.collectedBy, at(c.closedAt));
  out += "  经过 history\n";
  for (const auto& step : c.history)
    out += fmt::format("    {}  {:<6} {}{}{}\n", at(step.at), core::zhName(step.state),
                       step.window ? fmt::format("{}号窗口 ", *step.window) : "", step.clerk.value_or(""),
                       step.note.empty() ? "" : "  " + step.note);
  return out;
}

std::string describeCaseReply(const client::Reply& reply) {
  const auto c = client::readCase(reply);
  return c ? describeCase(c.value()) : std::string();
}

std::string describeCaseCommand(const client::Reply& reply) {
  const auto outcome = client::readCommandOutcome(reply);
  if (!outcome || !outcome.value().caseNow) return {};
  return describeCase(*outcome.value().caseNow);
}

std::string describeCasePage(const client::Reply& reply) {
  const auto page = client::readCasePage(reply);
  if (!page) return {};
  std::string out = fmt::format("台账 register: {} 件 cases\n", page.value().total);
  for (const auto& c : page.value().cases) out += "  " + caseLine(c) + '\n';
  if (page.value().nextAfter) out += fmt::format("下一页 next page: --after {}\n", *page.value().nextAfter);
  return out;
}

/// A case command at a window: `case <name> WINDOW NUMBER …`.
struct CaseSubcommand {
  CLI::App* subcommand;
  std::shared_ptr<core::WindowNumber> window;
  std::shared_ptr<std::string> number;
};

CaseSubcommand caseSubcommand(CLI::App& parent, const char* name, const char* help) {
  CaseSubcommand made{parent.add_subcommand(name, help), std::make_shared<core::WindowNumber>(0),
                      std::make_shared<std::string>()};
  made.subcommand->add_option("window", *made.window, "the window it is done at")->required();
  made.subcommand->add_option("number", *made.number, "case number, as on the receipt")->required();
  return made;
}

/// The materials as ticked: each named once with --received, --missing or --not-applicable.
struct MaterialTicks {
  std::vector<std::string> received;
  std::vector<std::string> missing;
  std::vector<std::string> notApplicable;

  std::vector<core::CaseMaterial> materials() const {
    std::vector<core::CaseMaterial> all;
    for (const auto& m : received) all.push_back({m, core::MaterialStatus::Received});
    for (const auto& m : missing) all.push_back({m, core::MaterialStatus::Missing});
    for (const auto& m : notApplicable) all.push_back({m, core::MaterialStatus::NotApplicable});
    return all;
  }
};

void addMaterialOptions(CLI::App* sub, MaterialTicks& ticks) {
  sub->add_option("--received", ticks.received, "已收 a material received (repeat for each)");
  sub->add_option("--missing", ticks.missing, "缺 a material the resident must still bring (repeat)");
  sub->add_option("--not-applicable", ticks.notApplicable, "不适用 a material that does not apply (repeat)");
}

void addAccept(CLI::App& group, Invocation& invocation) {
  auto* sub = group.add_subcommand("accept", "受理 register a case at a window (every material of the item ticked)");
  auto window = std::make_shared<core::WindowNumber>(0);
  auto item = std::make_shared<std::string>();
  auto applicant = std::make_shared<core::Applicant>();
  auto ticks = std::make_shared<MaterialTicks>();
  auto agent = std::make_shared<bool>(false);
  auto request = std::make_shared<std::string>();
  auto tickets = std::make_shared<std::vector<core::TicketId>>();
  sub->add_option("window", *window, "the window it is registered at")->required();
  sub->add_option("item", *item, "item code (事项编码)")->required();
  sub->add_option("--name", applicant->name, "申请人 the applicant's name")->required();
  sub->add_option("--id-number", applicant->idNumber, "身份证号 the applicant's ID number");
  sub->add_option("--phone", applicant->phone, "联系电话 the applicant's phone");
  addMaterialOptions(sub, *ticks);
  sub->add_flag("--agent", *agent, "代办: a 代办员 registers it for a resident who is not present");
  sub->add_option("--request", *request, "申请内容 what the resident asked for (登记表)");
  sub->add_option("--ticket", *tickets, "the ticket(s) it came with (default: the one served at the window)");
  sendsRequest(
      sub, invocation,
      [=]() -> RequestOrUsage {
        core::cmd::AcceptCase acceptance;
        acceptance.window = *window;
        acceptance.item = *item;
        acceptance.applicant = *applicant;
        acceptance.channel = *agent ? core::CaseChannel::Agent : core::CaseChannel::Window;
        acceptance.materials = ticks->materials();
        acceptance.request = *request;
        acceptance.tickets = *tickets;
        if (acceptance.materials.empty())
          return BadUsage{"name every material of the item with --received, --missing or --not-applicable"};
        return requests::acceptCase(acceptance);
      },
      describeCaseCommand);
}

void addShowAndList(CLI::App& group, Invocation& invocation) {
  {
    auto* sub = group.add_subcommand("show", "查看 one case by its number (as scanned from the receipt)");
    auto number = std::make_shared<std::string>();
    sub->add_option("number", *number, "case number")->required();
    sendsRequest(sub, invocation, [number]() -> RequestOrUsage { return requests::caseByNumber(*number); },
                 describeCaseReply);
  }
  auto* sub = group.add_subcommand("list", "台账 the register, filtered (every filter given must hold)");
  auto state = std::make_shared<std::string>();
  auto item = std::make_shared<std::string>();
  auto clerk = std::make_shared<std::string>();
  auto window = std::make_shared<core::WindowNumber>(0);
  auto dueBefore = std::make_shared<std::string>();
  auto after = std::make_shared<core::CaseId>(0);
  auto limit = std::make_shared<int>(0);
  sub->add_option("--state", *state, kStates);
  sub->add_option("--item", *item, "item code");
  sub->add_option("--clerk", *clerk, "who accepted it");
  sub->add_option("--window", *window, "where it was accepted");
  sub->add_option("--due-before", *dueBefore, "promised date before this day, YYYY-MM-DD");
  sub->add_option("--after", *after, "the page starts after this case id (from the previous page)");
  sub->add_option("--limit", *limit, "cases per page, 1-500 (default 100)");
  sendsRequest(
      sub, invocation,
      [=]() -> RequestOrUsage {
        client::CaseQuery query;
        if (!state->empty()) {
          const auto s = enumArgument<core::CaseState>("--state", *state, kStates);
          if (!s) return s.error();
          query.state = s.value();
        }
        if (!item->empty()) query.item = *item;
        if (!clerk->empty()) query.clerk = *clerk;
        if (*window > 0) query.window = *window;
        const auto due = optionalDateArgument("--due-before", *dueBefore);
        if (!due) return due.error();
        query.dueBefore = due.value();
        query.after = *after;
        if (*limit > 0) query.limit = *limit;
        return requests::cases(query);
      },
      describeCasePage);
}

void addAdvance(CLI::App& group, Invocation& invocation) {
  auto* advance = group.add_subcommand("advance", "推进 move a case along: correction supply materials start decide");
  advance->require_subcommand(1);
  {
    auto c = caseSubcommand(*advance, "correction", "补正 ask for missing materials, all at once (一次性告知)");
    auto missing = std::make_shared<std::vector<std::string>>();
    auto note = std::make_shared<std::string>();
    c.subcommand->add_option("--missing", *missing, "a missing material (repeat for each)")->required();
    c.subcommand->add_option("--note", *note, "a note for the resident");
    sendsRequest(
        c.subcommand, invocation,
        [c, missing, note]() -> RequestOrUsage {
          return requests::requestCaseCorrection(*c.window, *c.number, *missing, *note);
        },
        describeCaseCommand);
  }
  {
    auto c = caseSubcommand(*advance, "supply", "补齐 the resident brought these materials");
    auto received = std::make_shared<std::vector<std::string>>();
    c.subcommand->add_option("--received", *received, "a material received (repeat for each)")->required();
    sendsRequest(
        c.subcommand, invocation,
        [c, received]() -> RequestOrUsage { return requests::supplyCaseMaterials(*c.window, *c.number, *received); },
        describeCaseCommand);
  }
  {
    auto c = caseSubcommand(*advance, "materials", "改勾 re-tick materials (a slip at acceptance)");
    auto ticks = std::make_shared<MaterialTicks>();
    addMaterialOptions(c.subcommand, *ticks);
    sendsRequest(
        c.subcommand, invocation,
        [c, ticks]() -> RequestOrUsage {
          if (ticks->materials().empty()) return BadUsage{"name a material with --received, --missing or --not-applicable"};
          return requests::markCaseMaterials(*c.window, *c.number, ticks->materials());
        },
        describeCaseCommand);
  }
  {
    auto c = caseSubcommand(*advance, "start", "办理中 processing starts");
    sendsRequest(
        c.subcommand, invocation,
        [c]() -> RequestOrUsage { return requests::startCaseProcessing(*c.window, *c.number); }, describeCaseCommand);
  }
  {
    auto c = caseSubcommand(*advance, "decide", "办结 approved, or refused with a written reason");
    auto outcome = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    c.subcommand->add_option("outcome", *outcome, "approved refused")->required();
    c.subcommand->add_option("--reason", *reason, "the written reason of a refusal");
    sendsRequest(
        c.subcommand, invocation,
        [c, outcome, reason]() -> RequestOrUsage {
          const auto decided = enumArgument<core::CaseOutcome>("outcome", *outcome, "approved refused");
          if (!decided) return decided.error();
          if (decided.value() == core::CaseOutcome::Refused && reason->empty())
            return BadUsage{"a refusal needs its written reason: --reason"};
          return requests::decideCase(*c.window, *c.number, decided.value(), *reason);
        },
        describeCaseCommand);
  }
}

void addCounterAndIssuing(CLI::App& group, Invocation& invocation) {
  {
    auto c = caseSubcommand(group, "refuse", "不予受理 refuse the case at the counter, with a written reason");
    auto reason = std::make_shared<std::string>();
    c.subcommand->add_option("--reason", *reason, "the written reason")->required();
    sendsRequest(
        c.subcommand, invocation,
        [c, reason]() -> RequestOrUsage { return requests::rejectCase(*c.window, *c.number, *reason); },
        describeCaseCommand);
  }
  {
    auto c = caseSubcommand(group, "ready", "待领取 the result waits at this (issuing) window");
    sendsRequest(
        c.subcommand, invocation, [c]() -> RequestOrUsage { return requests::markCaseReady(*c.window, *c.number); },
        describeCaseCommand);
  }
  {
    auto c = caseSubcommand(group, "collect", "已领取 hand the result over");
    auto by = std::make_shared<std::string>();
    c.subcommand->add_option("--by", *by, "who took it (the applicant or someone they sent)")->required();
    sendsRequest(
        c.subcommand, invocation,
        [c, by]() -> RequestOrUsage { return requests::collectCase(*c.window, *c.number, *by); }, describeCaseCommand);
  }
  {
    auto c = caseSubcommand(group, "finish", "即办件 approved and handed to the applicant on the spot");
    sendsRequest(
        c.subcommand, invocation, [c]() -> RequestOrUsage { return requests::finishCaseOnSpot(*c.window, *c.number); },
        describeCaseCommand);
  }
}

/// The form named on the command line for the case as it is now.
ArgumentOrUsage<devices::printer::FormPrint> formFor(const std::string& name, const core::Case& c,
                                                    const forms::HallContact& hall) {
  if (name == "receipt") return forms::receiptForm(c, hall);
  if (name == "correction") return forms::correctionListForm(c, hall, service::localNow());
  if (name == "rejection") return forms::rejectionNoticeForm(c, hall);
  return BadUsage{fmt::format("--form: \"{}\" is not one of receipt correction rejection", name)};
}

/// Qt paints the PDF's text, and its fonts need an application object; a shell has no display.
bool writePdf(const devices::printer::FormPrint& form, const std::string& path, std::string& problem) {
  static int argc = 1;
  static char name[] = "jiujinctl";
  static char* argv[] = {name, nullptr};
  std::unique_ptr<QGuiApplication> app;
  if (QGuiApplication::instance() == nullptr) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    app = std::make_unique<QGuiApplication>(argc, argv);
  }
  const auto page = forms::layoutA4(form);
  if (page.overflows) problem = "the form is longer than one A4 page: its last lines are left out";
  QString error;
  if (!forms::writeFormPdf(page, QString::fromStdString(path), QString::fromStdString(form.title), &error)) {
    problem = error.toStdString();
    return false;
  }
  return true;
}

void addPrint(CLI::App& group, Invocation& invocation) {
  auto* sub = group.add_subcommand(
      "print", "打印 a case's form: receipt 收件回执单, correction 补交材料清单, rejection 不予受理通知书");
  auto number = std::make_shared<std::string>();
  auto form = std::make_shared<std::string>("receipt");
  auto escpos = std::make_shared<std::string>();
  auto pdf = std::make_shared<std::string>();
  auto hall = std::make_shared<forms::HallContact>();
  sub->add_option("number", *number, "case number")->required();
  sub->add_option("--form", *form, "receipt correction rejection (default receipt)");
  sub->add_option("--escpos", *escpos, "write the ESC/POS bytes for the ticket printer to this file");
  sub->add_option("--pdf", *pdf, "write an A4 PDF for the office printer to this file");
  sub->add_option("--hall-name", hall->hallName, "the hall's name at the top of the form");
  sub->add_option("--hall-phone", hall->phone, "咨询电话");
  sub->add_option("--collect-at", hall->collectAt, "领取地点, e.g. \"3号窗口（统一出件）\"");
  runs(sub, invocation, [&invocation, number, form, escpos, pdf, hall]() -> int {
    if (escpos->empty() && pdf->empty()) return fail("case print: name --escpos FILE, --pdf FILE or both");
    std::string problem;
    const auto options = connectionOptions(invocation.options, problem);
    if (!options) return fail(problem);
    zmq::context_t context;
    client::CommandChannel channel(context, *options);
    const auto request = requests::caseByNumber(*number);
    const client::Reply reply = channel.request(request);
    const auto found = client::readCase(reply);
    if (!found) return answer(invocation.options, request.kind, reply);
    const auto printed = formFor(*form, found.value(), *hall);
    if (!printed) return fail(printed.error().text);
    if (!escpos->empty()) {
      const auto encoded = devices::printer::EscPosEncoder{}.encodeForm(printed.value());
      if (encoded.error) return fail(encoded.error.message);
      std::ofstream out(*escpos, std::ios::binary);
      out.write(reinterpret_cast<const char*>(encoded.bytes.data()), static_cast<std::streamsize>(encoded.bytes.size()));
      if (!out) return fail(fmt::format("cannot write {}", *escpos));
      std::cout << fmt::format("{} ESC/POS {} 字节 bytes → {}\n", printed.value().title, encoded.bytes.size(), *escpos);
    }
    if (!pdf->empty()) {
      if (!writePdf(printed.value(), *pdf, problem)) return fail(problem);
      if (!problem.empty()) std::cerr << "jiujinctl: " << problem << '\n';
      std::cout << fmt::format("{} A4 PDF → {}\n", printed.value().title, *pdf);
    }
    return 0;
  });
}

}  // namespace

void addCaseCommands(CLI::App& app, Invocation& invocation) {
  auto* group =
      app.add_subcommand("case", "办件 the case register: accept show list advance refuse ready collect finish print");
  group->require_subcommand(1);
  addAccept(*group, invocation);
  addShowAndList(*group, invocation);
  addAdvance(*group, invocation);
  addCounterAndIssuing(*group, invocation);
  addPrint(*group, invocation);
}

}  // namespace jiujin::ctl
