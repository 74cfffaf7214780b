// Questions to the dispatcher: a ticket's status, the hall, the items, who we are, is it there,
// the period's figures and the expected wait for an item. None changes the hall.
#include <memory>

#include "arguments.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace requests = client::requests;

void addQueryCommands(CLI::App& app, Invocation& invocation) {
  {
    auto* sub = app.add_subcommand("ticket", "查询 a ticket's status by id or number");
    auto which = std::make_shared<std::string>();
    sub->add_option("ticket", *which, "id (e.g. 17) or number (e.g. A001)")->required();
    sendsRequest(sub, invocation, [which]() -> RequestOrUsage {
      if (!isTicketId(*which)) return requests::ticketStatus(*which);
      const auto id = ticketIdArgument(*which);
      if (!id) return id.error();
      return requests::ticketStatus(id.value());
    });
  }
  sendsRequest(app.add_subcommand("snapshot", "大厅快照 the whole hall state"), invocation, requests::snapshot);
  sendsRequest(app.add_subcommand("items", "事项 items with waiting figures"), invocation, requests::items);
  sendsRequest(app.add_subcommand("hello", "who the dispatcher takes this client for"), invocation, requests::hello);
  sendsRequest(app.add_subcommand("ping", "is the dispatcher there"), invocation, requests::ping);
  {
    auto* sub = app.add_subcommand("stats", "统计 the figures of today or of --from … --to (from the hall's history)");
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    sub->add_option("--from", *from, "first day, YYYY-MM-DD (default today)");
    sub->add_option("--to", *to, "last day, YYYY-MM-DD (default: --from, or today)");
    sendsRequest(sub, invocation, [from, to]() -> RequestOrUsage {
      const auto first = optionalDateArgument("--from", *from);
      if (!first) return first.error();
      const auto last = optionalDateArgument("--to", *to);
      if (!last) return last.error();
      return requests::statistics(client::Period{first.value(), last.value()});
    });
  }
  {
    auto* sub = app.add_subcommand("estimate", "预计等待 people ahead and wait for an item");
    auto item = std::make_shared<std::string>();
    auto priority = std::make_shared<std::string>("normal");
    sub->add_option("item", *item)->required();
    sub->add_option("--priority", *priority);
    sendsRequest(sub, invocation, [item, priority]() -> RequestOrUsage {
      const auto priorityClass =
          enumArgument<core::PriorityClass>("--priority", *priority, "normal elderly disabled pregnant serviceman");
      if (!priorityClass) return priorityClass.error();
      return requests::estimate(*item, priorityClass.value());
    });
  }
}

}  // namespace jiujin::ctl
