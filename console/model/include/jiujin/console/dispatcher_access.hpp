#pragma once
// How the console's models reach the dispatcher and the hall: a function that sends one
// request (HallLink::request in the app, a fake in a unit test) and the mirror they read.
#include <functional>
#include <string>

#include <QDateTime>
#include <nlohmann/json.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::console {

using ReplyHandler = std::function<void(const client::Reply&)>;
/// Sends a request (client::requests::…); the handler runs later on the caller's thread.
using Send = std::function<void(client::Request request, ReplyHandler done)>;
/// Hall-local wall time now (injected so screenshots and tests show a fixed moment).
using Clock = std::function<core::TimePoint()>;

/// Requests through `link`.
Send sendThrough(clientqt::HallLink& link);
/// The machine's clock as hall-local wall time.
core::TimePoint hallNow();
/// Hall-local wall time read as a QDateTime in the machine's zone (and back).
QDateTime localDateTime(core::TimePoint t);
core::TimePoint hallTime(const QDateTime& local);
/// "12:05" or "1:02:05" for a duration in seconds.
QString formatDuration(qint64 seconds);

}  // namespace jiujin::console
