#pragma once
// A real jiujin-dispatcher process for a test: started on ephemeral endpoints (or on the
// ones it had before, to come back after a stop), waited for until it prints READY.
#include <QProcess>
#include <QString>
#include <memory>

namespace jiujin::kiosk::test {

class DispatcherProcess {
 public:
  DispatcherProcess(QString hallFile, QString database);
  ~DispatcherProcess();

  /// Starts it (on the previous endpoints if it ran before); false with `error()` if it
  /// did not say READY within the bound.
  bool start();
  /// SIGTERM, then waits for it to exit.
  void stop();

  QString commands() const { return commands_; }
  QString events() const { return events_; }
  QString error() const { return error_; }

 private:
  QString hallFile_;
  QString database_;
  QString commands_ = QStringLiteral("tcp://127.0.0.1:0");
  QString events_ = QStringLiteral("tcp://127.0.0.1:0");
  QString error_;
  std::unique_ptr<QProcess> process_;
};

}  // namespace jiujin::kiosk::test
