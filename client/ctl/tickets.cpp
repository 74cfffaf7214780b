// Tickets by the resident's side: issue one (as a kiosk would), reactivate a late resident's,
// cancel one.
#include <memory>
#include <random>

#include <fmt/format.h>

#include "arguments.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

namespace requests = client::requests;

std::string newRequestKey() {
  std::random_device device;
  return fmt::format("ctl-{:08x}{:08x}", device(), device());
}

void addIssue(CLI::App& app, Invocation& invocation) {
  auto* sub = app.add_subcommand("issue", "取号 issue a ticket");
  auto item = std::make_shared<std::string>();
  auto priority = std::make_shared<std::string>("normal");
  auto channel = std::make_shared<std::string>("kiosk");
  auto key = std::make_shared<std::string>();
  sub->add_option("item", *item, "item code (事项编码)")->required();
  sub->add_option("--priority", *priority, "normal elderly disabled pregnant serviceman");
  sub->add_option("--channel", *channel, "kiosk appointment agent");
  sub->add_option("--request-key", *key, "idempotency key (default: a fresh one; retries reuse it)");
  sendsRequest(sub, invocation, [=]() -> RequestOrUsage {
    const auto priorityClass =
        enumArgument<core::PriorityClass>("--priority", *priority, "normal elderly disabled pregnant serviceman");
    if (!priorityClass) return priorityClass.error();
    const auto by = enumArgument<core::Channel>("--channel", *channel, "kiosk appointment agent");
    if (!by) return by.error();
    core::cmd::IssueTicket ticket;
    ticket.item = *item;
    ticket.priority = priorityClass.value();
    ticket.channel = by.value();
    ticket.requestKey = key->empty() ? newRequestKey() : *key;
    return requests::issueTicket(ticket);
  });
}

}  // namespace

void addTicketCommands(CLI::App& app, Invocation& invocation) {
  addIssue(app, invocation);
  {
    auto* sub = app.add_subcommand("reactivate", "过号重排 a late resident waits again");
    auto ticket = std::make_shared<core::TicketId>(0);
    sub->add_option("ticket", *ticket, "ticket id")->required();
    sendsRequest(sub, invocation, [=] { return requests::reactivate(*ticket); });
  }
  {
    auto* sub = app.add_subcommand("cancel", "取消 cancel a ticket");
    auto ticket = std::make_shared<core::TicketId>(0);
    auto reason = std::make_shared<std::string>();
    sub->add_option("ticket", *ticket, "ticket id")->required();
    sub->add_option("--reason", *reason, "why");
    sendsRequest(sub, invocation, [=] { return requests::cancel(*ticket, *reason); });
  }
}

}  // namespace jiujin::ctl
