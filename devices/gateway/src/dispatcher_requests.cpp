#include "jiujin/devices/gateway/dispatcher_requests.hpp"

namespace jiujin::devices::gateway {

DispatcherCommandThread::DispatcherCommandThread(zmq::context_t& context, client::ConnectionOptions options,
                                                 std::function<void(const RequestOutcome&)> onOutcome,
                                                 std::size_t capacity)
    : onOutcome_(std::move(onOutcome)), channel_(std::move(options), capacity) {
  channel_.start(context);
}

// Waits for a request in flight to end (the channel's retries bound it), as the gateway
// always has; what is still queued is not sent.
DispatcherCommandThread::~DispatcherCommandThread() { channel_.stop(); }

void DispatcherCommandThread::send(DispatcherRequest request) {
  client::Request typed = request;
  channel_.send(std::move(typed), [this, request = std::move(request)](const client::Reply& reply) {
    // Dropped requests are counted (dropped()) and those left at the end were never sent:
    // neither is an outcome of the dispatcher's.
    if (!reply.ok && (reply.error.code == "dropped" || reply.error.code == "stopped")) return;
    if (onOutcome_) onOutcome_(RequestOutcome{request, reply.ok, reply.ok ? "" : reply.error.code});
  });
}

std::uint64_t DispatcherCommandThread::dropped() const { return channel_.dropped(); }

}  // namespace jiujin::devices::gateway
