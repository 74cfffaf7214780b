#pragma once
// How a client reaches the dispatcher: endpoints, keys, who it says it is, and patience.
#include <chrono>
#include <optional>
#include <string>

namespace jiujin::client {

/// CURVE keys, Z85 text (40 characters each).
struct CurveKeys {
  std::string publicKey;
  std::string secretKey;
  std::string serverKey;  ///< the dispatcher's public key
};

/// On a loopback endpoint without CURVE the client states who it is (docs/protocol.md).
struct StatedIdentity {
  std::string role;  ///< kiosk console devices display manager admin
  std::optional<int> window;
  std::string name;  ///< shown in the audit record as "loopback:<name>"
};

struct ConnectionOptions {
  std::string commands = "tcp://127.0.0.1:5570";  ///< the dispatcher's ROUTER
  std::string events = "tcp://127.0.0.1:5571";    ///< the dispatcher's PUB
  std::optional<CurveKeys> curve;
  std::optional<StatedIdentity> identity;
  std::chrono::milliseconds requestTimeout{2000};  ///< per attempt
  int attempts = 3;                                ///< a retry reuses the request id and body
  /// No event and no heartbeat for this long: the dispatcher is taken for dead. The
  /// dispatcher beats every second; 2.5 s is two missed beats, and keeps the notice
  /// within 3 s of the dispatcher's end.
  std::chrono::milliseconds heartbeatTimeout{2500};
};

/// The dispatcher's error (its code from docs/protocol.md, "Error codes"), or one of the
/// client's own: "timeout", "bad_reply", "interrupted", "stopped", "dropped".
struct Failure {
  std::string code;
  std::string zh;
  std::string en;
  /// The request field the dispatcher refused, as it names it ("command.window",
  /// "body.limit"); empty when the error is not about one field.
  std::string field;
};

/// A CURVE key pair from zmq_curve_keypair.
CurveKeys newKeyPair();
/// The public key of a Z85 secret key; empty if `secretKey` is not one.
std::string publicKeyOf(const std::string& secretKey);
/// Reads a key file holding one Z85 key (whitespace around it ignored); empty on failure.
std::string readKeyFile(const std::string& path);

}  // namespace jiujin::client
