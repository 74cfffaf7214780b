// The clerk's console and the manager's monitor against a real jiujin-dispatcher (temporary
// hall database, ephemeral loopback endpoints), through HallLink as the app uses it.
#include "console_against_dispatcher.hpp"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QTranslator>
#include <algorithm>

namespace {

using namespace jiujin;
using console::test::ConsoleAgainstDispatcher;
using console::test::waitFor;
using nlohmann::json;

TEST_F(ConsoleAgainstDispatcher, LoginWithAWrongPinIsRefusedWithTheDispatchersReason) {
  console_->login(QStringLiteral("c01"), QStringLiteral("9999"));
  ASSERT_TRUE(waitFor([&] { return !console_->refusal().isEmpty(); }));
  EXPECT_EQ(console_->refusal(), QStringLiteral("工号或密码错误"));
  EXPECT_FALSE(console_->loggedIn());
  EXPECT_FALSE(console_->canCall());
}

TEST_F(ConsoleAgainstDispatcher, AConsoleRestartedIntoARunningSessionActsOnlyAfterThatClerksPin) {
  logIn();
  issue("T-0001");
  // given the console restarts while 王芳 (c01) stays logged in at window 1
  consoleLink_->stop();
  consoleLink_ = std::make_unique<clientqt::HallLink>(hall_.as("console", 1));
  console_ = std::make_unique<console::ClerkConsole>(1, console::sendThrough(*consoleLink_), console::hallNow,
                                                     std::map<std::string, std::string>{{"c01", "王芳"}});
  console::followLink(*console_, *consoleLink_);
  consoleLink_->start();
  ASSERT_TRUE(waitFor([&] { return console_->online() && console_->loggedIn(); }));
  // then it names the clerk and can do nothing yet, though a ticket waits
  EXPECT_TRUE(console_->needsConfirmation());
  EXPECT_EQ(console_->clerkName(), QStringLiteral("王芳"));
  EXPECT_FALSE(console_->canCall());
  // a wrong PIN keeps it locked, with the dispatcher's reason
  console_->confirm(QStringLiteral("9999"));
  ASSERT_TRUE(waitFor([&] { return !console_->busy() && !console_->refusal().isEmpty(); }));
  EXPECT_EQ(console_->refusal(), QStringLiteral("工号或密码错误"));
  EXPECT_TRUE(console_->needsConfirmation());
  EXPECT_FALSE(console_->canCall());
  // the clerk's own PIN unlocks it, and the window is still the same session
  console_->confirm(QStringLiteral("1234"));
  ASSERT_TRUE(waitFor([&] { return !console_->needsConfirmation(); })) << console_->refusal().toStdString();
  EXPECT_TRUE(waitFor([&] { return console_->canCall(); }));
  EXPECT_EQ(console_->clerk(), QStringLiteral("c01"));
}

// 转办 and the call's reason in the English console: said from the codes the core records on
// each history line, so they stay English after the console restarts (its mirror is the
// dispatcher's snapshot, not the events it saw). Queue names are the hall's data.
TEST_F(ConsoleAgainstDispatcher, TheCallReasonAndTheTicketsStoryAreEnglishByCodeAlsoAfterARestart) {
  QTranslator english;
  ASSERT_TRUE(english.load(QStringLiteral(JIUJIN_CONSOLE_TEST_BINARY_DIR "/console/app/console_en.qm")));
  QCoreApplication::installTranslator(&english);
  const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&english); });
  const auto cjkOutsideData = [](QString text) {
    for (const char* data : {"综合受理", "社保"}) text.remove(QString::fromUtf8(data));
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x3000; });
  };
  console_->setLanguage(QStringLiteral("en"));
  logIn();
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canStart(); }));
  EXPECT_EQ(console_->callReason(), QStringLiteral("A001 has waited 0 min in the 综合受理 queue: the longest weighted "
                                                   "wait among the queues this window serves"));
  console_->recall();
  ASSERT_TRUE(waitFor([&] { return !console_->busy(); }));
  EXPECT_TRUE(console_->callReason().startsWith(QStringLiteral("A001 has waited"))) << "a recall keeps the reason";

  console_->transfer(QVariantMap{{"queue", "social"}}, QStringLiteral("needs the social insurance desk"));
  ASSERT_TRUE(waitFor([&] { return !console_->hasTicket() && console_->canCall(); }));
  // the notice of the transfer is worded when read: in the language of the moment
  EXPECT_EQ(console_->notice(), QStringLiteral("A001 transferred to Queue 社保 (B)"));
  console_->setLanguage(QStringLiteral("zh"));
  QCoreApplication::removeTranslator(&english);
  EXPECT_EQ(console_->notice(), QStringLiteral("A001 已转至 社保队列（B）"));
  QCoreApplication::installTranslator(&english);
  console_->setLanguage(QStringLiteral("en"));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canStart(); }));
  const QStringList story = console_->ticketHistory();
  ASSERT_GE(story.size(), 6) << story.join('\n').toStdString();
  EXPECT_TRUE(story.join('\n').contains(
      QStringLiteral("Transferred from window 1 to the 社保 queue: needs the social insurance desk")))
      << story.join('\n').toStdString();
  EXPECT_TRUE(story.join('\n').contains(QStringLiteral("Recall 1"))) << story.join('\n').toStdString();
  for (const QString& line : story) EXPECT_FALSE(cjkOutsideData(line)) << line.toStdString();

  // the console restarts: its mirror is the dispatcher's snapshot, the codes come with it
  consoleLink_->stop();
  consoleLink_ = std::make_unique<clientqt::HallLink>(hall_.as("console", 1));
  console_ = std::make_unique<console::ClerkConsole>(1, console::sendThrough(*consoleLink_), console::hallNow,
                                                     std::map<std::string, std::string>{{"c01", "王芳"}});
  console_->setLanguage(QStringLiteral("en"));
  console::followLink(*console_, *consoleLink_);
  consoleLink_->start();
  ASSERT_TRUE(waitFor([&] { return console_->online() && console_->hasTicket(); }));
  EXPECT_EQ(console_->callReason(), QStringLiteral("A001 has waited 0 min in the 社保 queue: the longest weighted "
                                                   "wait among the queues this window serves"));
  EXPECT_EQ(console_->ticketHistory(), story);

  // the Chinese console shows the core's own sentence, with every figure of its choice
  console_->setLanguage(QStringLiteral("zh"));
  EXPECT_TRUE(console_->callReason().contains(QStringLiteral("加权等候最久"))) << console_->callReason().toStdString();
}

TEST_F(ConsoleAgainstDispatcher, LoginOpensTheWindowAndCallCompleteUpdatesTheConsole) {
  logIn();
  EXPECT_EQ(console_->clerk(), QStringLiteral("c01"));
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));

  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canStart(); }));
  EXPECT_EQ(console_->ticketNumber(), QStringLiteral("A001"));
  EXPECT_EQ(console_->ticketItem(), QStringLiteral("生育服务登记"));
  EXPECT_EQ(console_->cases()->materials()->rowCount(), 1);
  EXPECT_EQ(console_->cases()->materials()->field(0, "material").toString(), QStringLiteral("居民身份证"));
  EXPECT_TRUE(console_->canRecall());
  EXPECT_FALSE(console_->canComplete());

  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  EXPECT_EQ(console_->stateCode(), QStringLiteral("serving"));
  console_->complete();
  ASSERT_TRUE(waitFor([&] { return console_->servedToday() == 1; }));
  EXPECT_FALSE(console_->hasTicket());
  EXPECT_TRUE(console_->canRequestEvaluation());
}

TEST_F(ConsoleAgainstDispatcher, TheCallsReasonTheFiguresAfterARatingAndTheKeysAfterLogoutAreRight) {
  logIn();
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canStart(); }));
  // the dispatcher's reason for choosing this ticket is shown with it
  EXPECT_FALSE(console_->callReason().isEmpty());
  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  console_->complete();
  ASSERT_TRUE(waitFor([&] { return console_->canRequestEvaluation(); }));
  console_->requestEvaluation();
  ASSERT_TRUE(waitFor([&] { return !console_->busy(); }));
  // when the resident rates on the pad, 我的今日 shows it without anyone pressing anything
  auto pad = hall_.channel(hall_.as("manager"));
  ASSERT_TRUE(pad->request("evaluate", json{{"window", 1}, {"rating", "very_satisfied"}}).ok);
  EXPECT_TRUE(waitFor([&] { return console_->ratingsToday().contains(QStringLiteral("1")); }))
      << console_->ratingsToday().toStdString();
  // when paused, the hint names the key that works
  console_->pause(QStringLiteral("午休"));
  ASSERT_TRUE(waitFor([&] { return console_->stateCode() == QStringLiteral("paused"); }));
  EXPECT_EQ(console_->idleHint(), QStringLiteral("已暂停，按 F7 恢复"));
  console_->resume();
  ASSERT_TRUE(waitFor([&] { return console_->stateCode() == QStringLiteral("idle"); }));
  // after logging out no key is live (F8 stayed lit before)
  console_->logout();
  ASSERT_TRUE(waitFor([&] { return !console_->loggedIn(); }));
  EXPECT_FALSE(console_->canRequestEvaluation());
  EXPECT_FALSE(console_->canCall());
  EXPECT_EQ(console_->idleHint(), QStringLiteral("请先登录"));
}

TEST_F(ConsoleAgainstDispatcher, ATransferSaysWhereTheTicketWent) {
  logIn();
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canTransfer(); }));
  QVariantMap target;
  for (const auto& entry : console_->transferTargets())
    if (entry.toMap().value("target").toMap().contains("kind")) target = entry.toMap().value("target").toMap();
  ASSERT_FALSE(target.isEmpty());
  console_->transfer(target, QStringLiteral("材料已收"));
  ASSERT_TRUE(waitFor([&] { return !console_->notice().isEmpty(); })) << console_->refusal().toStdString();
  EXPECT_EQ(console_->notice(), QStringLiteral("A001 已转至 统一发证窗口"));
  // the reply may come before the event that empties the window reaches the mirror
  EXPECT_TRUE(waitFor([&] { return !console_->hasTicket(); }));
}

TEST_F(ConsoleAgainstDispatcher, ARefusedActionShowsTheDispatchersReason) {
  logIn();
  ASSERT_FALSE(console_->canCall());  // nobody waits
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return !console_->refusal().isEmpty(); }));
  EXPECT_TRUE(console_->refusal().contains(QStringLiteral("没有等候的号"))) << console_->refusal().toStdString();
}

TEST_F(ConsoleAgainstDispatcher, AManagerChoosesAWindowsQueuesByNameNotByTypedIds) {
  logIn();
  ASSERT_EQ(console_->queues()->rowCount(), 2);
  ASSERT_TRUE(waitFor([&] { return monitor_->queueChoices()->rowCount() == 2; }));
  // the monitor lists window 1's queues by name, and offers the hall's queues ticked as served
  monitor_->chooseQueuesOf(1);
  auto* choices = monitor_->queueChoices();
  int social = -1;
  for (int r = 0; r < choices->rowCount(); ++r) {
    EXPECT_TRUE(choices->field(r, "checked").toBool()) << "window 1 serves both queues";
    if (choices->field(r, "queue").toString() == QStringLiteral("social")) social = r;
  }
  ASSERT_GE(social, 0);
  EXPECT_TRUE(choices->field(social, "label").toString().contains(QStringLiteral("社保")));
  EXPECT_FALSE(monitor_->windows()->field(0, "queues").toString().contains(QStringLiteral("general")))
      << "queues shown by their ids: " << monitor_->windows()->field(0, "queues").toString().toStdString();
  // when the manager unticks all but 社保 and applies
  for (int r = 0; r < choices->rowCount(); ++r) choices->setData(choices->index(r), r == social, Qt::UserRole + 2);
  monitor_->applyQueueChoices(1);
  ASSERT_TRUE(waitFor([&] { return console_->queues()->rowCount() == 1; })) << monitor_->refusal().toStdString();
  EXPECT_EQ(console_->queues()->field(0, "queue").toString(), QStringLiteral("social"));
  // the monitor's mirror follows the same news, not necessarily before the console's
  EXPECT_TRUE(waitFor([&] { return monitor_->windows()->field(0, "queues").toString() == QStringLiteral("社保"); }))
      << monitor_->windows()->field(0, "queues").toString().toStdString();
}

TEST_F(ConsoleAgainstDispatcher, OpeningAWindowWithoutAClerkIsNotOfferedAndSaysWhy) {
  ASSERT_TRUE(waitFor([&] { return monitor_->windows()->rowCount() > 0; }));
  EXPECT_TRUE(monitor_->windows()->field(0, "closed").toBool());
  EXPECT_FALSE(monitor_->windows()->field(0, "canOpen").toBool());
  EXPECT_EQ(monitor_->windows()->field(0, "openRefusal").toString(), QStringLiteral("无工作人员登录，不能开窗"));
  console_->login(QStringLiteral("c01"), QStringLiteral("1234"));
  ASSERT_TRUE(waitFor([&] { return monitor_->windows()->field(0, "clerk").toString() == QStringLiteral("王芳"); }));
  ASSERT_TRUE(waitFor([&] { return !monitor_->windows()->field(0, "closed").toBool(); }));
  EXPECT_TRUE(monitor_->windows()->field(0, "openRefusal").toString().isEmpty());
}

TEST_F(ConsoleAgainstDispatcher, AManagerChangingTheProfileChangesTheWindowsQueues) {
  logIn();
  ASSERT_EQ(console_->queues()->rowCount(), 2);
  monitor_->setWindowQueues(1, {QStringLiteral("social")});
  ASSERT_TRUE(waitFor([&] { return console_->queues()->rowCount() == 1; })) << monitor_->refusal().toStdString();
  EXPECT_EQ(console_->queues()->field(0, "queue").toString(), QStringLiteral("social"));
  EXPECT_EQ(console_->queues()->field(0, "name").toString(), QStringLiteral("社保"));
}

TEST_F(ConsoleAgainstDispatcher, TheMonitorShowsWindowsQueuesAndTodaysFigures) {
  logIn();
  issue("T-0001");
  issue("T-0003");
  ASSERT_TRUE(waitFor([&] { return monitor_->queues()->rowCount() == 2 && monitor_->queues()->field(0, "waiting").toInt() == 1; }));
  EXPECT_EQ(monitor_->windows()->field(0, "clerk").toString(), QStringLiteral("王芳"));
  EXPECT_EQ(monitor_->windows()->field(0, "stateCode").toString(), QStringLiteral("idle"));

  monitor_->loadToday();
  ASSERT_TRUE(waitFor([&] { return monitor_->summary().value("issued").toInt() == 2; }));
  EXPECT_EQ(monitor_->byQueue()->rowCount(), 2);
}

TEST_F(ConsoleAgainstDispatcher, ABadRatingRaisesAnAlarmTheDispatcherRecordsAsAcknowledged) {
  const int row = serveAndRate("very_dissatisfied");
  ASSERT_GE(row, 0);
  console::RowListModel& alarms = *monitor_->alarms();
  EXPECT_GT(alarms.field(row, "alarmId").toLongLong(), 0);
  EXPECT_FALSE(alarms.field(row, "acknowledged").toBool());
  EXPECT_EQ(alarms.field(row, "followUp").toString(), QStringLiteral("open"));
  EXPECT_EQ(alarms.field(row, "window").toInt(), 1);
  EXPECT_FALSE(alarms.field(row, "text").toString().isEmpty());
  const int before = monitor_->unacknowledged();
  const int openBefore = monitor_->openFollowUps();
  EXPECT_GE(openBefore, 1);

  const qint64 id = alarms.field(row, "alarmId").toLongLong();
  monitor_->acknowledgeAlarm(id);
  ASSERT_TRUE(waitFor([&] { return monitor_->unacknowledged() == before - 1; })) << monitor_->refusal().toStdString();
  const int now = rowOfKind(*monitor_, "bad_rating");
  EXPECT_TRUE(alarms.field(now, "acknowledged").toBool());
  EXPECT_TRUE(alarms.field(now, "acknowledgedBy").toString().contains(QStringLiteral("test-manager")))
      << alarms.field(now, "acknowledgedBy").toString().toStdString();
  // Acknowledging is not the 回访: the follow-up stays open until the manager closes it.
  EXPECT_EQ(alarms.field(now, "followUp").toString(), QStringLiteral("open"));
  EXPECT_EQ(monitor_->openFollowUps(), openBefore);
  EXPECT_TRUE(monitor_->refusal().isEmpty());
}

TEST_F(ConsoleAgainstDispatcher, TheManagerClosesTheFollowUpOfABadRatingWithANote) {
  const int row = serveAndRate("dissatisfied");
  ASSERT_GE(row, 0);
  const qint64 id = monitor_->alarms()->field(row, "alarmId").toLongLong();

  // The manager opens the 回访 form of that alarm, leaves it, and opens it again.
  monitor_->beginFollowUp(id, QStringLiteral("3号窗口收到“不满意”评价"));
  EXPECT_EQ(monitor_->followUpAlarm(), id);
  monitor_->cancelFollowUp();
  EXPECT_EQ(monitor_->followUpAlarm(), 0);
  monitor_->beginFollowUp(id, QStringLiteral("3号窗口收到“不满意”评价"));
  EXPECT_EQ(monitor_->followUpText(), QStringLiteral("3号窗口收到“不满意”评价"));

  // An empty note is refused by the dispatcher, and the monitor says why; the form stays open.
  monitor_->closeFollowUp(id, QStringLiteral("  "));
  ASSERT_TRUE(waitFor([&] { return !monitor_->refusal().isEmpty(); }));
  EXPECT_EQ(monitor_->alarms()->field(rowOfKind(*monitor_, "bad_rating"), "followUp").toString(), QStringLiteral("open"));
  EXPECT_EQ(monitor_->followUpAlarm(), id);
  monitor_->clearRefusal();

  monitor_->closeFollowUp(id, QStringLiteral("已电话回访，居民表示理解"));
  ASSERT_TRUE(waitFor([&] {
    const int r = rowOfKind(*monitor_, "bad_rating");
    return r >= 0 && monitor_->alarms()->field(r, "followUp").toString() == QStringLiteral("closed");
  })) << monitor_->refusal().toStdString();
  const int closed = rowOfKind(*monitor_, "bad_rating");
  EXPECT_EQ(monitor_->alarms()->field(closed, "followUpNote").toString(), QStringLiteral("已电话回访，居民表示理解"));
  EXPECT_EQ(monitor_->openFollowUps(), 0);
  EXPECT_TRUE(monitor_->refusal().isEmpty());
  EXPECT_EQ(monitor_->followUpAlarm(), 0) << "the form closes with the follow-up";
  EXPECT_TRUE(monitor_->followUpText().isEmpty());

  // Closing it again: the dispatcher refuses (already closed) and the reason is shown.
  monitor_->closeFollowUp(id, QStringLiteral("再次回访"));
  ASSERT_TRUE(waitFor([&] { return !monitor_->refusal().isEmpty(); }));
  EXPECT_EQ(monitor_->alarms()->field(rowOfKind(*monitor_, "bad_rating"), "followUpNote").toString(),
            QStringLiteral("已电话回访，居民表示理解"));
}

TEST_F(ConsoleAgainstDispatcher, AMonitorStartedLaterListsTheAlarmsAsTheDispatcherKeptThem) {
  const int row = serveAndRate("very_dissatisfied");
  ASSERT_GE(row, 0);
  const qint64 id = monitor_->alarms()->field(row, "alarmId").toLongLong();
  monitor_->acknowledgeAlarm(id);
  ASSERT_TRUE(waitFor([&] { return monitor_->alarms()->field(rowOfKind(*monitor_, "bad_rating"), "acknowledged").toBool(); }));

  // A second monitor (the manager's other screen) learns the alarm from the snapshot alone.
  clientqt::HallLink laterLink(hall_.as("manager"));
  console::HallMonitor later(console::sendThrough(laterLink), {});
  console::followLink(later, laterLink);
  laterLink.start();
  ASSERT_TRUE(waitFor([&] { return later.online() && rowOfKind(later, "bad_rating") >= 0; }));
  const int laterRow = rowOfKind(later, "bad_rating");
  EXPECT_EQ(later.alarms()->field(laterRow, "alarmId").toLongLong(), id);
  EXPECT_TRUE(later.alarms()->field(laterRow, "acknowledged").toBool());
  EXPECT_EQ(later.alarms()->field(laterRow, "followUp").toString(), QStringLiteral("open"));
  EXPECT_EQ(later.openFollowUps(), 1);
  laterLink.stop();
}

TEST_F(ConsoleAgainstDispatcher, AWaitingAlarmIsTitledByItsQueueAndWithoutOneInTheDispatchersWordsNeverFromAColon) {
  ASSERT_TRUE(waitFor([&] { return monitor_->windows()->rowCount() > 0; }));  // the hall is mirrored
  const auto now = std::chrono::time_point_cast<core::Milliseconds>(std::chrono::system_clock::now());
  const auto alarm = [&](int id, const char* kind, const char* zh, const char* en) {
    return json{{"id", id},   {"kind", kind}, {"at", now.time_since_epoch().count()}, {"zh", zh},
                {"en", en},   {"acknowledged", nullptr}, {"follow_up", nullptr}};
  };
  // given a wait over target in 综合受理, as the dispatcher raises it (with its queue), and a
  // wait and an overflow that name no queue (hand-made: the dispatcher's always name it)
  json named = alarm(9001, "wait_over_target", "A001 号已等候 31 分钟，超过目标 30 分钟", "A001 has waited 31 min, over the 30 min target");
  named["queue"] = "general";
  monitor_->addAlarms(json::array({named,
                                   alarm(9002, "wait_over_target", "A002 号已等候 32 分钟，超过目标 30 分钟", "A002 has waited 32 min, over the 30 min target"),
                                   alarm(9003, "queue_overflow", "队列排队人数超限", "a queue is at its overflow threshold")}));
  const auto titleOf = [&](qint64 id) {
    auto* rows = monitor_->alarms();
    for (int r = 0; r < rows->rowCount(); ++r)
      if (rows->field(r, "ids").toList().contains(QVariant(id))) return rows->field(r, "title").toString();
    return QStringLiteral("(no row)");
  };
  // then the first is titled by its queue's name, the others in the dispatcher's words
  EXPECT_EQ(titleOf(9001), QStringLiteral("综合受理：有群众等候超时"));
  EXPECT_EQ(titleOf(9002), QStringLiteral("A002 号已等候 32 分钟，超过目标 30 分钟"));
  EXPECT_EQ(titleOf(9003), QStringLiteral("队列排队人数超限"));
  for (const qint64 id : {9002, 9003}) {
    const QString title = titleOf(id);
    EXPECT_FALSE(title.startsWith(QStringLiteral("：")) || title.startsWith(QLatin1Char(':'))) << title.toStdString();
  }
}

TEST_F(ConsoleAgainstDispatcher, TheDeviceListShowsTheDispatchersFaultCounts) {
  auto gateway = hall_.channel(hall_.as("devices"));
  const auto report = [&](const char* status) {
    const auto reply = gateway->request("device_report",
                                        json{{"device", "w1-pad"}, {"kind", "eval_pad"}, {"status", status}, {"window", 1}});
    ASSERT_TRUE(reply.ok) << jiujin::testing::outcomeOf(reply);
  };
  const auto faultsOf = [&](const char* status) {
    auto* devices = monitor_->devices();
    for (int i = 0; i < devices->rowCount(); ++i)
      if (devices->field(i, "device").toString() == QStringLiteral("w1-pad") &&
          devices->field(i, "status").toString() == QLatin1String(status))
        return devices->field(i, "faults").toInt();
    return -1;
  };
  const auto listed = [&] {
    std::string rows;
    for (int i = 0; i < monitor_->devices()->rowCount(); ++i)
      rows += monitor_->devices()->field(i, "device").toString().toStdString() + " " +
              monitor_->devices()->field(i, "status").toString().toStdString() + " " +
              std::to_string(monitor_->devices()->field(i, "faults").toInt()) + "; ";
    return rows;
  };
  report("offline");
  ASSERT_TRUE(waitFor([&] { return faultsOf("offline") == 1; })) << listed();
  // shown as a person reads it: where it is, what it is, how it is
  for (int i = 0; i < monitor_->devices()->rowCount(); ++i)
    if (monitor_->devices()->field(i, "device").toString() == QStringLiteral("w1-pad")) {
      EXPECT_EQ(monitor_->devices()->field(i, "label").toString(), QStringLiteral("1号窗口 评价器"));
      EXPECT_EQ(monitor_->devices()->field(i, "statusText").toString(), QStringLiteral("离线"));
    }
  report("online");
  ASSERT_TRUE(waitFor([&] { return faultsOf("online") == 1; })) << listed();
  report("error");
  ASSERT_TRUE(waitFor([&] { return faultsOf("error") == 2; })) << listed();
  // The dispatcher raised device alarms for the offline and error reports.
  EXPECT_GE(rowOfKind(*monitor_, "device_offline"), 0);
}

}  // namespace

namespace {

/// The audit rows of `type` the dispatcher has written, as `audit_export` gives them.
std::vector<json> auditRowsOf(console::test::HallAtAnyHour& hall, const std::string& type) {
  auto admin = hall.channel(hall.as("admin"));
  const auto reply = admin->request("audit_export", json{{"limit", 5000}});
  std::vector<json> rows;
  if (!reply.ok) return rows;
  for (const auto& row : reply.result["rows"])
    if (row.value("type", std::string()) == type) rows.push_back(row);
  return rows;
}

TEST_F(ConsoleAgainstDispatcher, AManagerLogsInWithIdAndPinAndTheDispatcherRecordsThePersonNotTheMonitor) {
  monitor_->setManagers({{"m01", "李主任"}});
  ASSERT_TRUE(monitor_->loginRequired());
  // Before a login the monitor sends nothing that would be recorded as nobody's.
  monitor_->broadcastNotice(QStringLiteral("无人登录时的公告"));
  EXPECT_FALSE(monitor_->refusal().isEmpty());
  monitor_->clearRefusal();

  // A wrong PIN, and a clerk who is not a manager, are refused by the dispatcher.
  monitor_->login(QStringLiteral("m01"), QStringLiteral("0000"));
  ASSERT_TRUE(waitFor([&] { return !monitor_->refusal().isEmpty() && !monitor_->loggingIn(); }));
  EXPECT_TRUE(monitor_->loginRequired());
  monitor_->clearRefusal();
  monitor_->login(QStringLiteral("c01"), QStringLiteral("1234"));
  ASSERT_TRUE(waitFor([&] { return !monitor_->refusal().isEmpty() && !monitor_->loggingIn(); }));
  EXPECT_TRUE(monitor_->loginRequired());
  monitor_->clearRefusal();

  monitor_->login(QStringLiteral("m01"), QStringLiteral("1234"));
  ASSERT_TRUE(waitFor([&] { return !monitor_->loginRequired(); })) << monitor_->refusal().toStdString();
  EXPECT_EQ(monitor_->managerName(), QStringLiteral("李主任"));
  EXPECT_TRUE(monitor_->refusal().isEmpty());

  // The acknowledgement names the manager, not "loopback:test-manager".
  const int row = serveAndRate("very_dissatisfied");
  ASSERT_GE(row, 0);
  monitor_->acknowledgeAlarms(monitor_->alarms()->field(row, "ids").toList());
  ASSERT_TRUE(waitFor([&] {
    const int r = rowOfKind(*monitor_, "bad_rating");
    return r >= 0 && monitor_->alarms()->field(r, "acknowledged").toBool();
  })) << monitor_->refusal().toStdString();
  EXPECT_EQ(monitor_->alarms()->field(rowOfKind(*monitor_, "bad_rating"), "acknowledgedBy").toString(),
            QStringLiteral("m01"));

  // A notice: its audit row says which person at which monitor.
  monitor_->broadcastNotice(QStringLiteral("下午三点系统维护"));
  ASSERT_TRUE(waitFor([&] { return monitor_->notice() == QStringLiteral("下午三点系统维护"); }))
      << monitor_->refusal().toStdString();
  std::vector<json> notices;
  ASSERT_TRUE(waitFor([&] { return !(notices = auditRowsOf(hall_, "broadcast_notice")).empty(); }));
  EXPECT_EQ(notices.back()["client"], "loopback:test-manager/m01");
  const auto acks = auditRowsOf(hall_, "acknowledge_alarm");
  ASSERT_FALSE(acks.empty());
  EXPECT_EQ(acks.back()["client"], "loopback:test-manager/m01");
  const auto logins = auditRowsOf(hall_, "manager_login");
  ASSERT_EQ(logins.size(), 3u);
  EXPECT_EQ(logins.back()["body"]["pin"], "***");
  EXPECT_TRUE(logins.back()["ok"].get<bool>());
  EXPECT_FALSE(logins.front()["ok"].get<bool>());

  // hello says who is logged in at this client; after the logout nobody.
  auto sameClient = hall_.channel(hall_.as("manager"));
  EXPECT_EQ(sameClient->request("hello", json::object()).result["manager"], "m01");
  monitor_->logout();
  EXPECT_TRUE(monitor_->loginRequired());
  ASSERT_TRUE(waitFor([&] { return sameClient->request("hello", json::object()).result["manager"].is_null(); }));
}

}  // namespace

namespace {

TEST_F(ConsoleAgainstDispatcher, ALateResidentsNoShowIsReactivatedFromTheConsoleWhenTheCoreAllowsIt) {
  logIn();
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canNoShow(); }));
  EXPECT_EQ(console_->noShows()->rowCount(), 0);
  console_->markNoShow();
  ASSERT_TRUE(waitFor([&] { return console_->noShows()->rowCount() == 1; })) << console_->refusal().toStdString();
  EXPECT_TRUE(console_->noShows()->field(0, "canReactivate").toBool());
  EXPECT_TRUE(console_->noShows()->field(0, "refusal").toString().isEmpty());
  const QString number = console_->noShows()->field(0, "number").toString();
  EXPECT_FALSE(number.isEmpty());

  console_->reactivate(console_->noShows()->field(0, "ticket").toLongLong());
  // The ticket waits again: off the 过号 list, back in its queue.
  ASSERT_TRUE(waitFor([&] { return console_->noShows()->rowCount() == 0; })) << console_->refusal().toStdString();
  ASSERT_TRUE(waitFor([&] {
    int waiting = 0;
    for (int i = 0; i < console_->queues()->rowCount(); ++i) waiting += console_->queues()->field(i, "waiting").toInt();
    return waiting == 1;
  }));
  EXPECT_TRUE(console_->refusal().isEmpty());
}

}  // namespace
