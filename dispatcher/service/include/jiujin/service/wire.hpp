#pragma once
// The envelope every request and reply travels in (docs/protocol.md, "Requests").
// Decoding never throws: bad bytes become a ServiceError with a code a client can act on.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "jiujin/base/result.hpp"
#include "jiujin/core/error.hpp"

namespace jiujin::service {

inline constexpr int kProtocolVersion = 1;
/// Larger requests are refused by the socket itself (ZMQ_MAXMSGSIZE) before they are read.
inline constexpr std::size_t kMaxMessageBytes = 64 * 1024;

/// A refusal as it goes on the wire: a stable lower_snake code plus text for people.
struct ServiceError {
  std::string code;
  std::string zh;
  std::string en;
  bool operator==(const ServiceError&) const = default;
};

ServiceError fromCoreError(const core::Error& error);

/// A value or the reason there is none.
template <typename T>
using Outcome = base::Result<T, ServiceError>;

/// {"v":1, "id":"k7-42", "type":"call_next", "body":{"window":3}, "as":{…}}
struct Request {
  std::string id;    ///< chosen by the client, echoed in the reply; a retry reuses it
  std::string type;  ///< a core command type ("call_next") or a service request ("snapshot")
  nlohmann::json body = nlohmann::json::object();
  nlohmann::json as;  ///< loopback only: the role the client states (null when absent)
};

/// Parses one request frame. The id is recovered whenever the JSON is readable, so that
/// even a refused request can be answered under its own id (see requestIdOf).
Outcome<Request> decodeRequest(std::string_view bytes);
/// The request id, if `bytes` is a JSON object with a string "id"; else "".
std::string requestIdOf(std::string_view bytes);

std::string encodeResult(const std::string& id, const nlohmann::json& result);
std::string encodeError(const std::string& id, const ServiceError& error);

/// Errors of the service itself (the core's own codes come through fromCoreError).
namespace errors {
ServiceError badRequest(std::string_view detail);
ServiceError unsupportedVersion(int version);
ServiceError unknownCommand(std::string_view type);
ServiceError invalidArgument(std::string_view detail);
ServiceError forbidden(std::string_view what);
ServiceError wrongPin();
ServiceError unknownClerk(std::string_view clerk);
ServiceError clerkNotAllowedHere(std::string_view clerk, int window);
ServiceError notLoggedIn(int window);
ServiceError storageFailed(std::string_view detail);
ServiceError notFound(std::string_view what);
/// Something failed inside the dispatcher while it served the request; the request did not
/// take effect (or, when a whole turn failed after its commit, look before retrying).
ServiceError internal();
}  // namespace errors

}  // namespace jiujin::service
