#pragma once
// Everything the service does with one batch of requests, without the sockets: who is
// asking, may they, what the core says, what is committed, what goes out. The socket loop
// (dispatcher_service.cpp) feeds it frames and sends what it returns. Its methods are spread
// over one file per concern (the comments below name them); the queries are free functions
// in a table (queries.hpp), testable without a handler.
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

#include "jiujin/service/alarm_book.hpp"
#include "jiujin/service/alarms.hpp"
#include "jiujin/service/audit_checkpointer.hpp"
#include "jiujin/service/audit_log.hpp"
#include "jiujin/service/booking_desk.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/service/disk_watch.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/service/durable_hall.hpp"
#include "jiujin/service/off_thread_work.hpp"
#include "jiujin/service/pin_throttle.hpp"
#include "jiujin/service/policy.hpp"
#include "jiujin/service/ticket_tokens.hpp"
#include "history_reader.hpp"
#include "reply_cache.hpp"

namespace jiujin::service::detail {

struct OutgoingReply {
  std::vector<zmq::message_t> envelope;  ///< routing frames, sent back as they came
  std::string text;
};

struct BatchOutput {
  std::vector<std::pair<std::string, nlohmann::json>> publications;  ///< topic, message
  std::vector<OutgoingReply> replies;
  /// The batch answered a request named by ServiceSettings::crashBeforeReplyTo and committed.
  bool crashBeforeReply = false;
};

class RequestHandler {
 public:
  /// Takes the hall with its store; recent replies are read back from the store so that a
  /// retry after a restart gets the reply it missed.
  RequestHandler(const ServiceSettings& settings, std::unique_ptr<DurableHall> hall, std::string epoch);

  /// Starts a batch at `now`; with `tickDue`, timed transitions and the day's opening too.
  void beginBatch(core::TimePoint now, bool tickDue);
  /// One request frame; its reply waits for commitBatch(). Never throws: whatever fails
  /// inside is answered `internal` under the request's id, logged, and undone (last_resort.cpp).
  void handle(std::vector<zmq::message_t> envelope, std::string_view frame, std::string_view userId);
  /// Commits the batch's events in one transaction, then hands back what to publish and reply.
  BatchOutput commitBatch();
  /// When the turn failed outside a request (commitBatch, the timed work): answers every
  /// request still waiting `internal`, puts the hall back to what the journal holds and ends
  /// the batch. Nothing of it is published.
  BatchOutput abandonBatch(std::string_view what);
  /// Within a batch: reloads the configuration for `who` (e.g. "signal:SIGHUP") and logs the
  /// outcome; the audit record gets a row like a reload_config command.
  void reloadFor(const std::string& who);
  /// Within a batch: makes the hall's definition the configured one if the journal holds an
  /// older one (the hall file was edited while the dispatcher was stopped).
  void adoptConfiguredDefinition();

  nlohmann::json heartbeat() const;
  /// When the dispatcher stops: signs the audit chain's head if rows came since the last
  /// checkpoint; gives the `audit.checkpoint` news to publish, if one was taken.
  std::optional<std::pair<std::string, nlohmann::json>> signAuditHead();

  /// Within a batch: finishes the requests whose work off the command thread is done (clerk
  /// logins, statistics); their replies go out with the batch. Call it in every batch.
  void finishOffThreadWork();
  /// Readable when work off the command thread is done: the service polls it beside its sockets.
  int offThreadFd() const { return offThread_.fileDescriptor(); }

 private:
  struct Pending {
    std::vector<zmq::message_t> envelope;
    std::string id;
    std::string type;                 ///< the request's type, when it could be read
    std::string cacheKey;             ///< commands only: (client, id)
    std::optional<std::string> ready;  ///< a cached reply, sent as is
    std::optional<ServiceError> error;
    nlohmann::json result;
    std::size_t firstEvent = 0;
    std::size_t eventCount = 0;
    std::optional<std::uint64_t> setAside;  ///< waiting for work off the command thread
    std::optional<std::uint64_t> retryOf;   ///< a retry of a request still set aside
    std::optional<std::size_t> sameAs;      ///< a copy of pending_[i] of this batch: its answer
  };

  /// A request set aside while its work runs off the command thread (a login's PIN check,
  /// the history of a statistics request); a later batch finishes and answers it.
  struct SetAside {
    Pending pending;
    std::optional<core::Command> command;  ///< a login: executed once the PIN matches
    bool confirmOnly = false;  ///< confirm_clerk: the PIN of the clerk already logged in, nothing executed
    std::string manager;       ///< manager_login: the manager whose PIN is checked
    ClientIdentity who;
    AuditRecord audit;
    bool auditWhenOk = true;  ///< false for reads, recorded only when refused
    std::vector<std::vector<zmq::message_t>> retries;  ///< envelopes of the same request sent again
  };
  enum Lane : std::size_t { kPinLane, kHistoryLane };

  /// Where the batch stood before a request: what to cut back to if it fails.
  struct BatchMark {
    std::size_t events = 0;
    std::size_t pending = 0;
    std::size_t audit = 0;
    std::size_t news = 0;
    std::size_t raised = 0;
  };

  // request_handler.cpp: the turn's orchestration.
  void handleRequest(std::vector<zmq::message_t> envelope, std::string_view frame, std::string_view userId);
  void serve(Pending& pending, const Request& request, const ClientIdentity& who, AuditRecord& audit);
  Outcome<nlohmann::json> serveQuery(Pending& pending, ServiceRequest kind, const nlohmann::json& body,
                                     const ClientIdentity& who);
  void raise(const Alarm& alarm);
  /// Every tick: raises `disk_space_low` when the database's filesystem runs low, and
  /// acknowledges it for the manager (by "dispatcher") when space has returned.
  void watchDisk();

  // last_resort.cpp
  void failRequest(const BatchMark& mark, std::vector<zmq::message_t> envelope, std::string_view frame,
                   std::string_view userId, std::string_view what);
  /// Drops PIN checks whose request never finished registering (it failed half-way).
  void dropUnfinishedLogins();

  // idempotency.cpp
  void recallRecentReplies();
  /// A command sent again: answered with the reply kept for it, or with the first request when
  /// that is still set aside. Sets the pending request's cache key either way.
  bool answeredBefore(Pending& pending, const ClientIdentity& who, std::optional<ServiceRequest> query);

  // command_execution.cpp
  Outcome<nlohmann::json> serveCommand(Pending& pending, const Request& request, const ClientIdentity& who);
  Outcome<nlohmann::json> executeCommand(Pending& pending, const core::Command& command);
  void executeSystem(const core::Command& command);

  // booking_requests.cpp: 预约签到 issues a ticket at the request's place in the batch.
  Outcome<nlohmann::json> serveCheckIn(Pending& pending, const nlohmann::json& body, const ClientIdentity& who);

  // configuration_reload.cpp
  Outcome<nlohmann::json> reloadConfiguration(Pending& pending);

  // clerk_logins.cpp
  /// `idField`: the body's field naming the person whose PIN it is ("clerk", "manager").
  Outcome<std::uint64_t> submitPinCheck(const nlohmann::json& body, const ClientIdentity& who,
                                        const char* idField = "clerk");
  Outcome<nlohmann::json> serveManagerLogin(Pending& pending, const nlohmann::json& body, const ClientIdentity& who);
  Outcome<nlohmann::json> finishManagerLogin(SetAside& login, bool pinMatches);
  Outcome<nlohmann::json> serveConfirmClerk(Pending& pending, const nlohmann::json& body, const ClientIdentity& who);
  void finishPinCheck(std::uint64_t id, bool pinMatches);
  Outcome<nlohmann::json> finishLogin(SetAside& login, bool pinMatches);

  // off_thread_requests.cpp
  Outcome<nlohmann::json> serveStatistics(Pending& pending, const nlohmann::json& body);
  void finishStatistics(std::uint64_t id, Outcome<nlohmann::json> figures);
  void finishSetAside(std::uint64_t id, Outcome<nlohmann::json> outcome);

  // batch_commit.cpp
  std::uint64_t seqAfterBatch() const;
  /// The reply frame of a request of the batch whose events start at `firstSeq`.
  std::string replyText(Pending& pending, std::uint64_t firstSeq) const;
  void resetBatch();

  const ServiceSettings& settings_;
  std::unique_ptr<DurableHall> durable_;
  AuditCheckpointer auditCheckpointer_;
  std::unique_ptr<AlarmBook> alarmBook_;
  std::unique_ptr<BookingDesk> bookings_;
  std::string epoch_;
  std::map<std::string, ClientEntry> clients_;
  std::map<core::ClerkId, ClerkEntry> clerks_;
  /// Client name → the manager logged in there (manager_login); in memory, a restart forgets.
  std::map<std::string, core::ClerkId> managers_;
  TicketingRule ticketing_;
  std::vector<ConfiguredDevice> configuredDevices_;  ///< the hall file's, as last (re)loaded
  DeviceTable devices_;
  AlarmDesk alarms_;
  DiskWatch diskWatch_;
  std::optional<std::int64_t> diskAlarm_;  ///< the id of the raised disk_space_low alarm, once recorded
  ReplyCache replyCache_{store::ReplyTable::kKeptReplies};
  PinThrottle pinThrottle_;
  HistoryReader history_;  ///< used on the history lane only
  TicketTokens tokens_;    ///< the residents' QR tokens (ticket_tokens.hpp)
  std::map<std::uint64_t, SetAside> setAside_;
  std::map<std::string, std::uint64_t> setAsideByKey_;  ///< cache key → set-aside request
  /// Cache key → index in pending_ of the commands of this batch: a copy of one that arrives
  /// in the same turn (a client resending before the first answer) gets its answer.
  std::map<std::string, std::size_t> batchByKey_;
  std::uint64_t nextSetAside_ = 1;
  OffThreadWork offThread_{{"pin check", "history"}};  ///< after what its jobs use: its threads stop first

  // The batch being built.
  core::TimePoint now_;
  std::vector<core::Event> events_;
  std::vector<Pending> pending_;
  std::vector<AuditRecord> auditRecords_;
  std::vector<std::pair<std::string, nlohmann::json>> news_;
  std::vector<Alarm> raised_;  ///< recorded and published after the batch's commit
};

}  // namespace jiujin::service::detail
