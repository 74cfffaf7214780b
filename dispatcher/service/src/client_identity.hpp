#pragma once
// Who is asking. Under CURVE the ZAP handler has vouched for the client's key and the hall
// file names its role and windows; on loopback without CURVE a program states its role in
// the request's `as` (tests, a demo, jiujinctl on the machine itself).
#include <map>
#include <string>
#include <string_view>

#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/service/identity.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service::detail {

/// `userId` is the ZAP User-Id (the configured client's name) when `curve` is on.
Outcome<ClientIdentity> identify(const Request& request, std::string_view userId, bool curve,
                                 const std::map<std::string, ClientEntry>& clients);

}  // namespace jiujin::service::detail
