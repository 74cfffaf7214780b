// GoogleTest main with a Qt application, so models, timers, QML and audio have an event loop.
// Linked before GTest::gtest_main, so this main is the one used.
#include <QGuiApplication>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  qputenv("QT_QUICK_CONTROLS_STYLE", "Basic");
#ifdef JIUJIN_TEST_PULSE_RUNTIME
  // The private sound server of the ctest fixture (pulse_start.sh), never the user's session.
  qputenv("PULSE_RUNTIME_PATH", JIUJIN_TEST_PULSE_RUNTIME);
  qputenv("XDG_RUNTIME_DIR", JIUJIN_TEST_PULSE_RUNTIME);
#endif
  QGuiApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  const int result = RUN_ALL_TESTS();
#ifdef JIUJIN_TEST_PULSE_RUNTIME
  // Qt Multimedia 6.4's PulseAudio backend can crash in its own teardown after every test has
  // run and reported (seen intermittently on the null sink). The verdict is final here, so
  // leave without running static destructors rather than report a passed run as a crash.
  std::fflush(nullptr);
  std::_Exit(result);
#endif
  return result;
}
