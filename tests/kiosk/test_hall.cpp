#include "test_hall.hpp"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <gtest/gtest.h>
#include <sstream>

#include "jiujin/config/loader.hpp"

namespace jiujin::kiosk::test {

QString sourceDir() { return qEnvironmentVariable("JIUJIN_SOURCE_DIR", QStringLiteral(JIUJIN_KIOSK_SOURCE_DIR)); }
QString binaryDir() { return qEnvironmentVariable("JIUJIN_BINARY_DIR", QStringLiteral(JIUJIN_KIOSK_BINARY_DIR)); }

namespace {
QString samples() { return sourceDir() + "/config/samples"; }
}  // namespace

QString writeAlwaysOpenHall(const QString& dir) {
  QFile source(samples() + "/township.toml");
  if (!source.open(QIODevice::ReadOnly)) {
    ADD_FAILURE() << "cannot read " << source.fileName().toStdString() << " (is JIUJIN_SOURCE_DIR set?)";
    return {};
  }
  QString text = QString::fromUtf8(source.readAll());
  text.replace(QRegularExpression(R"(^days = .*$)", QRegularExpression::MultilineOption),
               R"(days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])");
  text.replace(QRegularExpression(R"(^open = .*$)", QRegularExpression::MultilineOption), R"(open = "00:00-24:00")");
  text.replace(QRegularExpression(R"(^extended = .*$)", QRegularExpression::MultilineOption), "extended = []");
  text.replace(QRegularExpression(R"(^appointment_only = .*$)", QRegularExpression::MultilineOption),
               "appointment_only = []");
  const QString hallFile = QDir(dir).filePath("hall.toml");
  QFile out(hallFile);
  EXPECT_TRUE(out.open(QIODevice::WriteOnly));
  out.write(text.toUtf8());
  out.close();
  QFile::remove(QDir(dir).filePath("catalog.csv"));
  EXPECT_TRUE(QFile::copy(samples() + "/catalog.csv", QDir(dir).filePath("catalog.csv")));
  QFile::remove(QDir(dir).filePath("calendar-2026.toml"));
  EXPECT_TRUE(QFile::copy(samples() + "/calendar-2026.toml", QDir(dir).filePath("calendar-2026.toml")));
  return hallFile;
}

config::HallConfig loadHall(const QString& file) {
  const auto loaded = config::loadHallConfig(file.toStdString());
  if (!loaded.ok()) {
    std::ostringstream text;
    for (const auto& e : loaded.errors) text << e << '\n';
    ADD_FAILURE() << file.toStdString() << " does not load:\n" << text.str();
    return {};
  }
  return *loaded.config;
}

config::HallConfig townshipSample() { return loadHall(samples() + "/township.toml"); }

}  // namespace jiujin::kiosk::test
