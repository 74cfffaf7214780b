// The console's and the monitor's screens rendered offscreen from the township sample hall,
// written into docs/images (the pictures docs/console.md shows).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QImage>
#include <QTranslator>

#include "demo_screens.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/console/core_words.hpp"
#include "jiujin/core/names.hpp"

namespace {

TEST(ConsoleScreens, EveryScreenRendersToAPictureOfTheScreensSize) {
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const auto loaded = jiujin::config::loadHallConfig((source + "/config/samples/township.toml").toStdString());
  ASSERT_TRUE(loaded.ok());
  const auto run = jiujin::console::renderScreens(*loaded.config, source + "/docs/images");
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  ASSERT_EQ(run.files.size(), 8);
  for (const auto& file : run.files) {
    const QImage image(file);
    EXPECT_EQ(image.width(), 1280) << file.toStdString();
    EXPECT_EQ(image.height(), 800) << file.toStdString();
  }
}

TEST(ConsoleWords, EveryStateClassRatingAndKindOfTheCoreHasItsEnglish) {
  using namespace jiujin;
  QTranslator english;
  ASSERT_TRUE(english.load(QStringLiteral(":/i18n/console_en.qm")));
  QCoreApplication::installTranslator(&english);
  const auto english_for = [](const QString& shown, const char* zh) {
    EXPECT_NE(shown, QString::fromUtf8(zh)) << zh << " stays Chinese in the English interface";
    EXPECT_FALSE(shown.isEmpty()) << zh;
  };
  for (auto v : {core::WindowState::Closed, core::WindowState::Idle, core::WindowState::Calling,
                 core::WindowState::Serving, core::WindowState::Paused})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::TicketState::Waiting, core::TicketState::Called, core::TicketState::Serving,
                 core::TicketState::Completed, core::TicketState::NoShow, core::TicketState::Transferred,
                 core::TicketState::Cancelled, core::TicketState::Expired})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::PriorityClass::Normal, core::PriorityClass::Elderly, core::PriorityClass::Disabled,
                 core::PriorityClass::Pregnant, core::PriorityClass::Serviceman})
    english_for(console::said(v), core::zhName(v));
  for (auto v : core::kRatingScale) english_for(console::said(v), core::zhName(v));
  for (auto v : {core::WindowKind::General, core::WindowKind::Specialist, core::WindowKind::Issuing,
                 core::WindowKind::Complaints})
    english_for(console::said(v), core::zhName(v));
  QCoreApplication::removeTranslator(&english);
  EXPECT_EQ(console::said(core::WindowState::Calling), QStringLiteral("呼叫中")) << "Chinese first";
}

}  // namespace
