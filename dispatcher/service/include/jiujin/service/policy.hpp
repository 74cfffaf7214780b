#pragma once
// What each role may ask. One table, read as the rule it is; a refusal names the command.
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/commands.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/protocol/service_requests.hpp"
#include "jiujin/service/identity.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service {

// The service's own requests and their wire names are the protocol's (shared with the client).
using protocol::ServiceRequest;
using protocol::serviceRequestFromType;
using protocol::serviceRequestTypes;
using protocol::toString;

std::optional<ServiceError> authorize(const ClientIdentity& who, ServiceRequest request);

/// Refuses `command` with "forbidden" (or "not_logged_in") when `who` may not give it now.
/// `state` tells whether a clerk is logged in at the window, and where a ticket was served.
std::optional<ServiceError> authorize(const ClientIdentity& who, const core::Command& command,
                                      const core::HallState& state);

}  // namespace jiujin::service
