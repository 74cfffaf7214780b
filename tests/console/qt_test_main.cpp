// GoogleTest main with a QApplication: models, timers and QML (Qt Charts needs the widgets
// application) get an event loop. Linked before GTest::gtest_main, so this main is used.
#include <QApplication>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  qputenv("QT_QUICK_CONTROLS_STYLE", "Basic");
  // jiujin_gtest's ENVIRONMENT reaches ctest as separate words and only the first is set,
  // so the tree's folders also come in at compile time.
  if (qEnvironmentVariableIsEmpty("JIUJIN_SOURCE_DIR")) qputenv("JIUJIN_SOURCE_DIR", JIUJIN_CONSOLE_TEST_SOURCE_DIR);
  if (qEnvironmentVariableIsEmpty("JIUJIN_BINARY_DIR")) qputenv("JIUJIN_BINARY_DIR", JIUJIN_CONSOLE_TEST_BINARY_DIR);
  QApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
