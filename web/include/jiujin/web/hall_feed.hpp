#pragma once
// The hall as jiujin-web sees it: a client of the dispatcher like every other app. A thread
// keeps the client library's HallMirror (the Clone pattern) and, whenever the hall changed,
// computes the view of every ticket a page follows and posts them to the web server's thread;
// tokens are resolved with the dispatcher's ticket_status on an AsyncCommandChannel. The
// server's thread never waits on the dispatcher.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "jiujin/client/async_command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/web/ticket_source.hpp"

namespace boost::asio {
class io_context;
}

namespace jiujin::web {

/// Hall-local wall time, as the dispatcher keeps it (its clock runs in the hall's zone).
core::TimePoint localNow();

class DispatcherFeed : public TicketSource {
 public:
  /// Runs on the server's thread: the views of the followed tickets after a change.
  using Publish = std::function<void(const std::vector<std::pair<core::TicketId, TicketView>>& views, bool live)>;

  DispatcherFeed(boost::asio::io_context& io, client::ConnectionOptions options, std::string hallName,
                 Publish publish);
  ~DispatcherFeed() override;
  DispatcherFeed(const DispatcherFeed&) = delete;
  DispatcherFeed& operator=(const DispatcherFeed&) = delete;

  void start();
  void stop();
  /// The mirror holds the hall (after the first snapshot).
  bool synced();

  void resolve(const std::string& token, std::function<void(Resolution)> done) override;
  std::optional<TicketView> view(core::TicketId ticket) override;
  bool live() override { return live_; }
  void follow(core::TicketId ticket) override;
  void unfollow(core::TicketId ticket) override;
  ItemFigures itemFigures() override;
  std::string hallName() override { return hallName_; }
  void rate(const std::string& token, core::Rating rating, std::function<void(RatingAnswer)> done) override;
  void bookingSlots(const core::ItemCode& item, BookingDone done) override;
  void book(const core::ItemCode& item, core::TimePoint start, const std::string& phone, BookingDone done) override;
  void booking(const std::string& code, BookingDone done) override;
  void cancelBooking(const std::string& code, BookingDone done) override;

 private:
  void run();
  /// Sends a booking request; its answer is posted to the server's thread.
  void askAboutBooking(client::Request request, BookingDone done);
  std::vector<std::pair<core::TicketId, TicketView>> followedViews(const core::Hall& hall);

  boost::asio::io_context& io_;
  client::ConnectionOptions options_;
  std::string hallName_;
  Publish publish_;
  client::AsyncCommandChannel channel_;
  std::timed_mutex mutex_;  ///< guards mirror_ (and its hall) and followed_
  std::unique_ptr<client::HallMirror> mirror_;
  std::map<core::TicketId, int> followed_;
  bool followedChanged_ = false;
  std::atomic<bool> live_{false};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::mutex figuresMutex_;  ///< the guide's figures, kept a few seconds (a flood reads the cache)
  ItemFigures figures_;
  std::chrono::steady_clock::time_point figuresAt_;
};

}  // namespace jiujin::web
