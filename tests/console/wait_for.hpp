#pragma once
// Waits on the Qt event loop until a condition holds, with a bound — never a sleep: the loop
// runs the link's queued replies and events, and the condition is checked as they arrive.
#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <functional>

namespace jiujin::console::test {

inline bool waitFor(const std::function<bool()>& condition,
                    std::chrono::milliseconds bound = std::chrono::seconds(10)) {
  if (condition()) return true;
  QEventLoop loop;
  QTimer check;
  QTimer deadline;
  check.setInterval(10);
  deadline.setSingleShot(true);
  QObject::connect(&check, &QTimer::timeout, &loop, [&] {
    if (condition()) loop.quit();
  });
  QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
  check.start();
  deadline.start(bound);
  loop.exec();
  return condition();
}

}  // namespace jiujin::console::test
