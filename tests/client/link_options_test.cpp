// The hall apps' own options survive Qt's: `--name NAME` is what the kiosk's docs say, and
// Qt's X11 platform takes `-name`/`--name` with its value for itself before our parser runs.
#include "jiujin/clientqt/link_options.hpp"

#include <QCommandLineParser>
#include <QStringList>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace jiujin::clientqt {
namespace {

/// A mutable argv as main() gets it (null-terminated), over strings this object owns.
class Arguments {
 public:
  explicit Arguments(std::vector<std::string> words) : words_(std::move(words)) {
    for (auto& w : words_) pointers_.push_back(w.data());
    pointers_.push_back(nullptr);
    argc = static_cast<int>(words_.size());
  }
  char** argv() { return pointers_.data(); }
  QStringList list() const {
    QStringList out;
    for (int i = 0; i < argc; ++i) out << QString::fromUtf8(pointers_[static_cast<std::size_t>(i)]);
    return out;
  }
  int argc = 0;

 private:
  std::vector<std::string> words_;
  std::vector<char*> pointers_;
};

/// What Qt's xcb platform does with the arguments it is given (qxcbintegration.cpp): it
/// keeps `-name`/`--name` and the word after it for itself.
void qtX11Takes(Arguments& a) {
  int out = 1;
  for (int i = 1; i < a.argc; ++i) {
    const std::string arg = a.argv()[i];
    if ((arg == "-name" || arg == "--name") && i + 1 < a.argc) {
      ++i;
      continue;
    }
    a.argv()[out++] = a.argv()[i];
  }
  a.argc = out;
}

QString kioskNameAfterQt(std::vector<std::string> words) {
  Arguments a(std::move(words));
  keepOptionsFromQt(a.argc, a.argv());
  qtX11Takes(a);
  QCommandLineParser args;
  args.addOptions({{"config", "hall file", "file"}, {"name", "kiosk name", "name", "kiosk-1"}, {"fullscreen", "fill"}});
  EXPECT_TRUE(args.parse(a.list())) << args.errorText().toStdString();
  EXPECT_TRUE(args.isSet("fullscreen"));
  EXPECT_EQ(args.value("config"), "hall.toml");
  return args.value("name");
}

TEST(HallAppOptions, ANameGivenAsTwoWordsReachesTheKioskThroughQt) {
  EXPECT_EQ(kioskNameAfterQt({"jiujin-kiosk", "--config", "hall.toml", "--name", "kiosk-2", "--fullscreen"}),
            "kiosk-2");
  EXPECT_EQ(kioskNameAfterQt({"jiujin-kiosk", "--config", "hall.toml", "-name", "kiosk-3", "--fullscreen"}), "kiosk-3");
  EXPECT_EQ(kioskNameAfterQt({"jiujin-kiosk", "--name=kiosk-4", "--config", "hall.toml", "--fullscreen"}), "kiosk-4");
}

TEST(HallAppOptions, OtherArgumentsKeepTheirOrderAndALastBareNameIsLeftForTheParser) {
  Arguments a({"jiujin-kiosk", "--fullscreen", "--name", "两字", "--printer", "none", "--name"});
  keepOptionsFromQt(a.argc, a.argv());
  EXPECT_EQ(a.list(), QStringList({"jiujin-kiosk", "--fullscreen", "--name=两字", "--printer", "none", "--name"}));
  EXPECT_EQ(a.argv()[a.argc], nullptr);
}

}  // namespace
}  // namespace jiujin::clientqt
