// The hall as a whole: broadcast a notice to the displays, open and close the service day.
#include <memory>

#include "arguments.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace requests = client::requests;

void addHallCommands(CLI::App& app, Invocation& invocation) {
  {
    auto* sub = app.add_subcommand("notice", "公告 broadcast a notice to the hall displays");
    auto text = std::make_shared<std::string>();
    sub->add_option("text", *text)->required();
    sendsRequest(sub, invocation, [text] { return requests::broadcastNotice(*text); });
  }
  {
    auto* day = app.add_subcommand("day", "营业日 open or close the day");
    day->require_subcommand(1);
    auto date = std::make_shared<std::string>();
    auto* open = day->add_subcommand("open", "open a day (default today)");
    open->add_option("date", *date, "YYYY-MM-DD")->required();
    sendsRequest(open, invocation, [date]() -> RequestOrUsage {
      if (date->empty()) return BadUsage{"day open needs a date (YYYY-MM-DD)"};
      const auto when = dateArgument("day open", *date);
      if (!when) return when.error();
      return requests::openDay(when.value());
    });
    sendsRequest(day->add_subcommand("close", "close the day: waiting tickets expire"), invocation,
                 [] { return requests::closeDay(); });
  }
}

}  // namespace jiujin::ctl
