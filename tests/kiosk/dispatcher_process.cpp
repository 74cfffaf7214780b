#include "dispatcher_process.hpp"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include "test_hall.hpp"

namespace jiujin::kiosk::test {

DispatcherProcess::DispatcherProcess(QString hallFile, QString database)
    : hallFile_(std::move(hallFile)), database_(std::move(database)) {}

DispatcherProcess::~DispatcherProcess() { stop(); }

bool DispatcherProcess::start() {
  stop();
  process_ = std::make_unique<QProcess>();
  process_->setProcessChannelMode(QProcess::ForwardedErrorChannel);
  const QString program = binaryDir() + "/dispatcher/service/app/jiujin-dispatcher";
  process_->start(program, {"--config", hallFile_, "--db", database_, "--commands", commands_, "--events", events_,
                            "--heartbeat-ms", "200", "--hours", "ignore"});
  if (!process_->waitForStarted(10000)) {
    error_ = QStringLiteral("cannot start %1: %2").arg(program, process_->errorString());
    return false;
  }
  const QRegularExpression ready(QStringLiteral(R"(READY commands=(\S+) events=(\S+))"));
  QByteArray output;
  QDeadlineTimer deadline(20000);
  while (!deadline.hasExpired()) {
    if (!process_->waitForReadyRead(static_cast<int>(deadline.remainingTime()))) break;
    output += process_->readAllStandardOutput();
    const auto match = ready.match(QString::fromUtf8(output));
    if (match.hasMatch()) {
      commands_ = match.captured(1);
      events_ = match.captured(2);
      return true;
    }
  }
  error_ = QStringLiteral("the dispatcher did not say READY; it said: %1").arg(QString::fromUtf8(output));
  return false;
}

void DispatcherProcess::stop() {
  if (!process_) return;
  if (process_->state() != QProcess::NotRunning) {
    process_->terminate();
    if (!process_->waitForFinished(10000)) {
      process_->kill();
      process_->waitForFinished(5000);
    }
  }
  process_.reset();
}

}  // namespace jiujin::kiosk::test
