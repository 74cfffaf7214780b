#include "jiujin/web/hall_feed.hpp"

#include <poll.h>

#include <ctime>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "jiujin/base/log.hpp"
#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::web {

namespace {
/// Waiting figures age with the clock even when nothing happens: recomputed this often.
constexpr std::chrono::seconds kRefreshEvery{10};
/// Token look-ups waiting at most; beyond it the oldest is answered "dropped" (Unavailable).
constexpr std::size_t kPendingLookups = 256;
/// How long a page's request waits for the hall while the feed holds it (a resync).
constexpr std::chrono::milliseconds kHallWait{300};
/// The guide's waiting figures are computed at most this often.
constexpr std::chrono::seconds kFiguresKept{5};
}  // namespace

core::TimePoint localNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&t, &local);
  return std::chrono::floor<core::Milliseconds>(now) + std::chrono::seconds(local.tm_gmtoff);
}

DispatcherFeed::DispatcherFeed(boost::asio::io_context& io, client::ConnectionOptions options, std::string hallName,
                               Publish publish)
    : io_(io),
      options_(std::move(options)),
      hallName_(std::move(hallName)),
      publish_(std::move(publish)),
      channel_(options_, kPendingLookups) {}

DispatcherFeed::~DispatcherFeed() { stop(); }

void DispatcherFeed::start() {
  channel_.start();
  thread_ = std::thread([this] { run(); });
}

void DispatcherFeed::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  channel_.stop();
}

bool DispatcherFeed::synced() {
  std::lock_guard lock(mutex_);
  return mirror_ && mirror_->synced();
}

void DispatcherFeed::resolve(const std::string& token, std::function<void(Resolution)> done) {
  // A token names its ticket (ticket_tokens.hpp), but only the dispatcher holds the key.
  channel_.send(client::requests::ticketStatusByToken(token),
                [this, done = std::move(done)](const client::Reply& reply) {
                  const auto status = client::readTicketStatus(reply);
                  Resolution r;
                  if (status) {
                    r = {TokenAnswer::Found, status->ticket.id};
                  } else if (status.error().code == "not_found" || status.error().code == "invalid_argument") {
                    r = {TokenAnswer::Unknown, 0};
                  } else {
                    r = {TokenAnswer::Unavailable, 0};
                  }
                  boost::asio::post(io_, [done, r] { done(r); });
                });
}

void DispatcherFeed::rate(const std::string& token, core::Rating rating, std::function<void(RatingAnswer)> done) {
  channel_.send(client::requests::rateTicket(token, rating), [this, done = std::move(done)](const client::Reply& reply) {
    RatingAnswer answer = RatingAnswer::Unavailable;
    if (reply.ok) {
      answer = RatingAnswer::Accepted;
    } else if (reply.error.code == "already_evaluated" || reply.error.code == "not_evaluable") {
      answer = RatingAnswer::Refused;
    } else if (reply.error.code == "not_found" || reply.error.code == "invalid_argument") {
      answer = RatingAnswer::Unknown;
    }
    boost::asio::post(io_, [done, answer] { done(answer); });
  });
}

void DispatcherFeed::askAboutBooking(client::Request request, BookingDone done) {
  channel_.send(std::move(request), [this, done = std::move(done)](const client::Reply& reply) {
    BookingAnswer answer;
    if (reply.ok) {
      answer.kind = BookingAnswer::Kind::Ok;
      answer.result = reply.result;
    } else if (const std::string& code = reply.error.code;
               !code.empty() && code != "timeout" && code != "bad_reply" && code != "interrupted" &&
               code != "internal" && code != "storage_failed") {
      // A refusal the resident can act on (full, limit, too far ahead …); the rest: try later.
      answer.kind = BookingAnswer::Kind::Refused;
      answer.code = reply.error.code;
      answer.zh = reply.error.zh;
      answer.en = reply.error.en;
    }
    boost::asio::post(io_, [done, answer = std::move(answer)] { done(answer); });
  });
}

void DispatcherFeed::bookingSlots(const core::ItemCode& item, BookingDone done) {
  askAboutBooking(client::requests::bookingSlots(item), std::move(done));
}

void DispatcherFeed::book(const core::ItemCode& item, core::TimePoint start, const std::string& phone,
                          BookingDone done) {
  askAboutBooking(client::requests::book(item, start, phone), std::move(done));
}

void DispatcherFeed::booking(const std::string& code, BookingDone done) {
  askAboutBooking(client::requests::booking(code), std::move(done));
}

void DispatcherFeed::cancelBooking(const std::string& code, BookingDone done) {
  askAboutBooking(client::requests::cancelBooking(code), std::move(done));
}

std::optional<TicketView> DispatcherFeed::view(core::TicketId ticket) {
  std::unique_lock lock(mutex_, kHallWait);
  if (!lock || !mirror_ || !mirror_->hall()) return std::nullopt;
  return viewOf(*mirror_->hall(), ticket, localNow());
}

ItemFigures DispatcherFeed::itemFigures() {
  std::lock_guard cache(figuresMutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!figures_.empty() && now - figuresAt_ < kFiguresKept) return figures_;
  std::unique_lock lock(mutex_, kHallWait);
  if (!lock || !mirror_ || !mirror_->hall() || !live_) return {};
  // The dispatcher's own estimate (the core's), on the mirror: no request per page view.
  ItemFigures figures;
  const core::Hall& hall = *mirror_->hall();
  const auto at = localNow();
  for (const auto& item : hall.definition().items)
    figures.emplace(item.code, hall.estimateForItem(item.code, core::PriorityClass::Normal, at));
  figures_ = figures;
  figuresAt_ = now;
  return figures;
}

void DispatcherFeed::follow(core::TicketId ticket) {
  std::lock_guard lock(mutex_);
  ++followed_[ticket];
  followedChanged_ = true;
}

void DispatcherFeed::unfollow(core::TicketId ticket) {
  std::lock_guard lock(mutex_);
  if (auto f = followed_.find(ticket); f != followed_.end() && --f->second <= 0) followed_.erase(f);
}

std::vector<std::pair<core::TicketId, TicketView>> DispatcherFeed::followedViews(const core::Hall& hall) {
  std::vector<std::pair<core::TicketId, TicketView>> views;
  views.reserve(followed_.size());
  const auto now = localNow();
  for (const auto& [ticket, pages] : followed_) views.emplace_back(ticket, viewOf(hall, ticket, now));
  return views;
}

void DispatcherFeed::run() {
  zmq::context_t context;
  bool changed = true;
  client::MirrorHandlers handlers;
  handlers.onReset = [&] { changed = true; };
  handlers.onEvent = [&](std::uint64_t, const core::Event&) { changed = true; };
  handlers.onDisconnected = [&] {
    changed = true;
    log::warning("web.feed", "the dispatcher is silent; pages show their figures as not live");
  };
  {
    std::lock_guard lock(mutex_);
    mirror_ = std::make_unique<client::HallMirror>(context, options_, handlers);
  }
  auto lastRefresh = std::chrono::steady_clock::now();
  bool wasLive = false;
  while (!stopping_) {
    // The SUB socket's descriptor is edge-triggered: everything queued is drained after a wake.
    pollfd fd{mirror_->stream().fileDescriptor(), POLLIN, 0};
    ::poll(&fd, 1, 100);
    std::vector<std::pair<core::TicketId, TicketView>> views;
    bool live = false;
    {
      std::lock_guard lock(mutex_);
      mirror_->poll(std::chrono::milliseconds(0));
      live = mirror_->synced() && mirror_->connected();
      const auto now = std::chrono::steady_clock::now();
      if (now - lastRefresh >= kRefreshEvery) changed = true;
      if (live != wasLive || followedChanged_) changed = true;
      if (changed && mirror_->hall()) {
        views = followedViews(*mirror_->hall());
        lastRefresh = now;
      }
      followedChanged_ = false;
    }
    live_ = live;
    if (changed) {
      changed = false;
      wasLive = live;
      boost::asio::post(io_, [this, views = std::move(views), live] { publish_(views, live); });
    }
  }
  std::lock_guard lock(mutex_);
  mirror_.reset();
}

}  // namespace jiujin::web
