#pragma once
// Everything the service does with one batch of requests, without the sockets: who is
// asking, may they, what the core says, what is committed, what goes out. The socket loop
// (dispatcher_service.cpp) feeds it frames and sends what it returns.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/service/alarms.hpp"
#include "jiujin/service/audit_log.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/service/durable_hall.hpp"
#include "jiujin/service/policy.hpp"
#include "reply_cache.hpp"

namespace jiujin::service::detail {

struct OutgoingReply {
  std::vector<zmq::message_t> envelope;  ///< routing frames, sent back as they came
  std::string text;
};

struct BatchOutput {
  std::vector<std::pair<std::string, nlohmann::json>> publications;  ///< topic, message
  std::vector<OutgoingReply> replies;
};

class RequestHandler {
 public:
  RequestHandler(const ServiceSettings& settings, std::unique_ptr<DurableHall> hall,
                 std::unique_ptr<AuditLog> audit, std::string epoch);

  /// Starts a batch at `now`; with `tickDue`, timed transitions and the day's opening too.
  void beginBatch(core::TimePoint now, bool tickDue);
  /// One request frame; its reply waits for commitBatch().
  void handle(std::vector<zmq::message_t> envelope, std::string_view frame, std::string_view userId);
  /// Commits the batch's events in one transaction, then hands back what to publish and reply.
  BatchOutput commitBatch();

  nlohmann::json heartbeat() const;

 private:
  struct Pending {
    std::vector<zmq::message_t> envelope;
    std::string id;
    std::string cacheKey;             ///< commands only: (client, id)
    std::optional<std::string> ready;  ///< a cached reply, sent as is
    std::optional<ServiceError> error;
    nlohmann::json result;
    std::size_t firstEvent = 0;
    std::size_t eventCount = 0;
  };

  Outcome<ClientIdentity> identify(const Request& request, std::string_view userId) const;
  void serve(Pending& pending, const Request& request, const ClientIdentity& who, AuditRecord& audit);
  Outcome<nlohmann::json> serveQuery(ServiceRequest kind, const nlohmann::json& body, const ClientIdentity& who);
  Outcome<nlohmann::json> serveCommand(Pending& pending, const Request& request, const ClientIdentity& who);
  Outcome<nlohmann::json> executeCommand(Pending& pending, const core::Command& command);
  std::optional<ServiceError> checkPin(const nlohmann::json& body);
  void executeSystem(const core::Command& command);
  void raise(const Alarm& alarm);
  void reportDevice(const DeviceHealth& device, bool& changed);
  nlohmann::json snapshot() const;
  std::uint64_t seqAfterBatch() const;

  const ServiceSettings& settings_;
  std::unique_ptr<DurableHall> durable_;
  std::unique_ptr<AuditLog> audit_;
  std::string epoch_;
  std::map<std::string, ClientEntry> clients_;
  std::map<core::ClerkId, ClerkEntry> clerks_;
  DeviceTable devices_;
  AlarmDesk alarms_;
  ReplyCache replyCache_{10000};

  // The batch being built.
  core::TimePoint now_;
  std::vector<core::Event> events_;
  std::vector<Pending> pending_;
  std::vector<AuditRecord> auditRecords_;
  std::vector<std::pair<std::string, nlohmann::json>> news_;
};

}  // namespace jiujin::service::detail
