// The console's and the monitor's screens rendered offscreen from the township sample hall,
// written into docs/images (the pictures docs/console.md shows).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFontInfo>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QRegularExpression>
#include <QTranslator>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "demo_screens.hpp"
#include "screen_texts.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/console/core_words.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/core/names.hpp"
#include "wait_for.hpp"

namespace {

using jiujin::test::shownTexts;

/// The texts the design cuts short on purpose, by the objectName of their Text item, and why.
/// Only these may be elided; they must still stay on the screen, in their box, over no other.
const std::map<QString, const char*> kElidedByDesign{
    // The core's reason for a call can run to a paragraph: two lines of it under the ticket,
    // the whole reason in the text's tooltip (ClerkPage.qml).
    {QStringLiteral("callReason"), "the call reason: two lines, the rest in its tooltip"},
};

void collectItems(QQuickItem* item, std::vector<QQuickItem*>& out) {
  for (QQuickItem* child : item->childItems()) {
    out.push_back(child);
    collectItems(child, out);
  }
}

/// Every text of the screen shown whole (but those elided by design), its lines within its
/// item, on the screen, inside its box, over no other of its layer (a dialog or a login form
/// lies over the screen by design);
/// and no title or label begins with a colon or another mark that only follows words.
void expectNoTextOverflows(QQuickWindow* window, const QString& file) {
  SCOPED_TRACE(file.toStdString());
  const QRectF screen(QPointF(0, 0), QSizeF(window->size()));
  const auto texts = shownTexts(window);
  EXPECT_GT(texts.size(), 10u) << "the screen shows hardly any text";
  for (const auto& t : texts) {
    const std::string what = "\"" + t.text.toStdString() + "\"";
    if (!kElidedByDesign.contains(t.name)) {
      EXPECT_FALSE(t.truncated) << what << " is cut short or wider than its place";
    }
    EXPECT_TRUE(t.overflow.isEmpty()) << what << " does not fit its item: " << t.overflow.toStdString();
    const QChar mark = jiujin::test::leadingPunctuation(t.text);
    EXPECT_TRUE(mark.isNull()) << what << " begins with \"" << QString(mark).toStdString() << "\"";
    EXPECT_TRUE(screen.contains(t.inked)) << what << " runs off the screen";
    if (!t.box.isEmpty()) {
      EXPECT_TRUE(t.box.adjusted(-1, -1, 1, 1).contains(t.inked)) << what << " runs out of its box";
    }
    for (const auto& other : texts) {
      if (&other == &t || other.text == t.text || other.layer != t.layer) continue;
      EXPECT_FALSE(t.inked.adjusted(1, 1, -1, -1).intersects(other.inked.adjusted(1, 1, -1, -1)))
          << what << " overlaps \"" << other.text.toStdString() << "\"";
    }
  }
}

/// A character of the CJK scripts: Han, kana, hangul, CJK and full-width punctuation.
bool isCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/// What the people of the demo typed, which an English screen shows as typed (data, like the
/// hall file's names): the residents' names (console/demo's cases) and what a clerk or the
/// manager wrote — a 代办 request, a refusal's reason, a 回访 note.
const char* const kTypedInTheDemo[] = {
    "张三", "李桂英", "孙秀兰", "周建国", "吴敏", "郑玉梅", "冯立新", "许志强", "何淑芬",
    "老人卧床，由村代办员带材料代为申领高龄津贴", "申请人户籍不在本辖区，请到户籍所在地申请",
    "已电话回访，居民表示理解"};

/// The data an English screen may show in Chinese, longest first: the hall file's names (the
/// hall, its windows, queues, items with their categories and materials, its clerks) and what
/// the demo's people typed, whole and masked as the screens show a name ("张*").
std::vector<QString> dataOf(const jiujin::config::HallConfig& config) {
  std::vector<std::string> words{config.definition.name};
  for (const auto& w : config.definition.windows) words.push_back(w.name);
  for (const auto& q : config.definition.queues) words.push_back(q.name);
  for (const auto& i : config.definition.items) {
    words.push_back(i.name);
    words.push_back(i.category);
    words.insert(words.end(), i.materials.begin(), i.materials.end());
  }
  for (const auto& c : config.clerks) words.push_back(c.name);
  for (const char* typed : kTypedInTheDemo) {
    words.push_back(typed);
    words.push_back(jiujin::core::maskName(typed));
  }
  std::vector<QString> data;
  for (const auto& w : words)
    if (!w.empty()) data.push_back(QString::fromStdString(w));
  std::sort(data.begin(), data.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
  return data;
}

/// No Chinese in an English screen but data: every text, with the data taken out, has no CJK
/// character left.
void expectNoChineseButData(QQuickWindow* window, const QString& file, const std::vector<QString>& data) {
  SCOPED_TRACE(file.toStdString());
  for (const auto& t : shownTexts(window)) {
    QString words = t.text;
    for (const auto& d : data) words.replace(d, QStringLiteral(" "));
    const auto chars = words.toUcs4();
    EXPECT_TRUE(std::none_of(chars.begin(), chars.end(), isCjk))
        << "\"" << t.text.toStdString() << "\" is not English (left when its data is taken out: \""
        << words.toStdString() << "\")";
  }
}

/// A dialog's buttons say 确定 / 取消 in Chinese and OK / Cancel in English, never Qt's own
/// untranslated words in the Chinese interface.
void expectDialogButtonsInTheLanguage(QQuickWindow* window, const QString& file, bool english) {
  SCOPED_TRACE(file.toStdString());
  std::set<QString> inDialog;
  for (const auto& t : shownTexts(window))
    if (t.layer && t.layer->inherits("QQuickPopupItem")) inDialog.insert(t.text.trimmed());
  const QString ok = english ? QStringLiteral("OK") : QStringLiteral("确定");
  const QString cancel = english ? QStringLiteral("Cancel") : QStringLiteral("取消");
  EXPECT_TRUE(inDialog.contains(ok) && inDialog.contains(cancel)) << "no open dialog with its buttons";
  if (!english) {
    EXPECT_FALSE(inDialog.contains(QStringLiteral("OK"))) << "\"OK\" in the Chinese interface";
    EXPECT_FALSE(inDialog.contains(QStringLiteral("Cancel"))) << "\"Cancel\" in the Chinese interface";
  }
}

/// The theme's body size (Theme.qml), read from the console's own module (a component placed
/// in the module's folder sees its types, as Main.qml does).
int themeBody(QQmlEngine& engine) {
  QQmlComponent probe(&engine);
  probe.setData("import QtQuick\nQtObject { property int body: Theme.body }",
                QUrl(QStringLiteral("qrc:/Jiujin/Console/ThemeProbe.qml")));
  std::unique_ptr<QObject> read(probe.create());
  return read ? read->property("body").toInt() : 0;
}

/// The pixel size a font is drawn at (a point size set instead: converted).
int pixelsOf(const QFont& font) { return font.pixelSize() > 0 ? font.pixelSize() : QFontInfo(font).pixelSize(); }

/// Every button of the screen (buttons, tabs, check boxes), and every word drawn on one, at
/// least the theme's body size.
void expectButtonsInBodySize(QQuickWindow* window, const QString& file, int body) {
  SCOPED_TRACE(file.toStdString());
  std::vector<QQuickItem*> items;
  collectItems(window->contentItem(), items);
  int buttons = 0;
  for (QQuickItem* item : items) {
    if (!item->inherits("QQuickAbstractButton") || !item->isVisible()) continue;
    ++buttons;
    const QString label = item->property("text").toString();
    EXPECT_GE(pixelsOf(item->property("font").value<QFont>()), body) << "the button \"" << label.toStdString() << "\"";
    std::vector<QQuickItem*> drawn;
    collectItems(item, drawn);
    for (QQuickItem* d : drawn) {
      if (!d->inherits("QQuickText") || !d->isVisible() || d->property("text").toString().isEmpty()) continue;
      EXPECT_GE(pixelsOf(d->property("font").value<QFont>()), body)
          << "\"" << d->property("text").toString().toStdString() << "\" on the button \"" << label.toStdString() << "\"";
    }
  }
  EXPECT_GT(buttons, 5) << "hardly any button found";
}

/// The 过号 panel shows the missed ticket with its 过号重排 button, which the core allows.
void expectAReactivateButton(QQuickWindow* window, const QString& file) {
  SCOPED_TRACE(file.toStdString());
  std::vector<QQuickItem*> items;
  collectItems(window->contentItem(), items);
  int shown = 0;
  for (QQuickItem* item : items) {
    if (!item->objectName().startsWith(QStringLiteral("reactivate_")) || !item->isVisible()) continue;
    ++shown;
    EXPECT_TRUE(item->isEnabled()) << item->objectName().toStdString();
  }
  EXPECT_GE(shown, 1) << "no 过号重排 button on the screen";
}

TEST(ConsoleScreens, EveryScreenRendersToAPictureOfTheScreensSizeWithItsTextsFittingInBothLanguages) {
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const auto loaded = jiujin::config::loadHallConfig((source + "/config/samples/township.toml").toStdString());
  ASSERT_TRUE(loaded.ok());
  // Every screen, in both languages, is checked for text that does not fit (elided by design:
  // kElidedByDesign only); a screen added to the demo must be added here.
  const std::set<QString> checked{
      // The clerk's console: login, serving, a restarted console asking the PIN, a refusal, 过号.
      "console-login.png", "console-login-en.png", "console-serving.png", "console-serving-en.png",
      "console-confirm.png", "console-confirm-en.png", "console-refused.png", "console-refused-en.png",
      "console-noshow.png", "console-noshow-en.png",
      // A dialog open over the console (转移, F6): its buttons in the interface's language.
      "console-transfer.png", "console-transfer-en.png",
      // The case screens (issue 19).
      "console-acceptance.png", "console-acceptance-en.png", "console-receipt.png", "console-receipt-en.png",
      "console-agent.png", "console-agent-en.png", "console-handover.png", "console-handover-en.png",
      "console-progress.png", "console-progress-en.png", "console-correction.png", "console-correction-en.png",
      "console-supply.png", "console-supply-en.png",
      // The monitor (issue 17): live, 回访, figures and the case register, at 1280×800 and 1920×1080.
      "monitor-live.png", "monitor-live-en.png", "monitor-live-1920.png", "monitor-live-1920-en.png",
      "monitor-follow-up.png", "monitor-follow-up-en.png", "monitor-figures.png", "monitor-figures-en.png",
      "monitor-figures-1920.png", "monitor-figures-1920-en.png", "monitor-cases.png", "monitor-cases-en.png",
      "monitor-cases-1920.png", "monitor-cases-1920-en.png",
      // 预约 (issue 20): today's bookings and check-ins.
      "monitor-bookings.png", "monitor-bookings-en.png"};
  std::set<QString> seen;
  const auto data = dataOf(*loaded.config);
  const auto run = jiujin::console::renderScreens(
      *loaded.config, source + "/docs/images", [&](QQuickWindow* window, const QString& file) {
        seen.insert(file);
        const bool english = file.endsWith(QStringLiteral("-en.png"));
        expectNoTextOverflows(window, file);
        if (english) expectNoChineseButData(window, file, data);
        if (file.startsWith(QStringLiteral("console-noshow"))) expectAReactivateButton(window, file);
        if (file.startsWith(QStringLiteral("console-transfer"))) expectDialogButtonsInTheLanguage(window, file, english);
        if (file.startsWith(QStringLiteral("monitor-"))) expectButtonsInBodySize(window, file, themeBody(*qmlEngine(window)));
      });
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  EXPECT_EQ(seen, checked);
  ASSERT_EQ(run.files.size(), static_cast<qsizetype>(checked.size()));
  for (const auto& file : run.files) {
    const QImage image(file);
    const bool wall = file.contains(QStringLiteral("-1920"));
    EXPECT_EQ(image.width(), wall ? 1920 : 1280) << file.toStdString();
    EXPECT_EQ(image.height(), wall ? 1080 : 800) << file.toStdString();
  }
}

TEST(ConsoleScreens, ADistrictHallsThirtyWindowsShowOnTheMonitorAtBothSizesInBothLanguages) {
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const auto loaded = jiujin::config::loadHallConfig((source + "/config/samples/district.toml").toStdString());
  ASSERT_TRUE(loaded.ok());
  ASSERT_GE(loaded.config->definition.windows.size(), 30u);
  std::map<QString, int> tilesShown;
  const auto data = dataOf(*loaded.config);
  const auto run = jiujin::console::renderMonitorWall(
      *loaded.config, source + "/docs/images", [&](QQuickWindow* window, const QString& file) {
        expectNoTextOverflows(window, file);
        if (file.endsWith(QStringLiteral("-en.png"))) expectNoChineseButData(window, file, data);
        expectButtonsInBodySize(window, file, themeBody(*qmlEngine(window)));
        auto* grid = window->findChild<QQuickItem*>(QStringLiteral("windowGrid"));
        ASSERT_NE(grid, nullptr);
        // Every window is in the grid: shown, or reached by scrolling it.
        EXPECT_EQ(grid->property("count").toInt(), static_cast<int>(loaded.config->definition.windows.size())) << file.toStdString();
        const qreal rows = std::ceil(grid->property("count").toReal() / grid->property("columns").toReal());
        tilesShown[file] = static_cast<int>(grid->height() / grid->property("cellHeight").toReal()) *
                           grid->property("columns").toInt();
        EXPECT_GE(rows * grid->property("cellHeight").toReal(), grid->property("contentHeight").toReal() - 1);
      });
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  ASSERT_EQ(run.files.size(), 4);
  // A wall screen shows all of them at once; the desk's screen three rows and scrolls.
  EXPECT_GE(tilesShown["monitor-district-1920.png"], 30);
  EXPECT_GE(tilesShown["monitor-district.png"], 9);
}

TEST(ConsoleDialogs, TheSharedButtonsAcceptAndRejectTheDialogTheyFoot) {
  using jiujin::console::test::waitFor;
  // given a dialog with the console's DialogButtons as its footer
  QQmlEngine engine;
  QQmlComponent component(&engine);
  component.setData("import QtQuick\nimport QtQuick.Controls\n"
                    "Window { id: w; width: 640; height: 400; visible: true\n"
                    "  property int accepted: 0; property int rejected: 0\n"
                    "  Dialog { objectName: 'dialog'; width: 300; footer: DialogButtons {}\n"
                    "           onAccepted: w.accepted++; onRejected: w.rejected++ } }",
                    QUrl(QStringLiteral("qrc:/Jiujin/Console/DialogProbe.qml")));
  std::unique_ptr<QObject> window(component.create());
  ASSERT_NE(window, nullptr) << component.errorString().toStdString();
  auto* dialog = window->findChild<QObject*>(QStringLiteral("dialog"));
  ASSERT_NE(dialog, nullptr);
  auto* accept = dialog->findChild<QObject*>(QStringLiteral("dialogAccept"));
  auto* reject = dialog->findChild<QObject*>(QStringLiteral("dialogReject"));
  ASSERT_TRUE(accept && reject);
  EXPECT_EQ(accept->property("text").toString(), QStringLiteral("确定"));
  EXPECT_EQ(reject->property("text").toString(), QStringLiteral("取消"));
  const auto isOpen = [&] { return dialog->property("opened").toBool(); };

  // when 确定 is pressed, the dialog is accepted and closes
  QMetaObject::invokeMethod(dialog, "open");
  ASSERT_TRUE(waitFor(isOpen));
  QMetaObject::invokeMethod(accept, "clicked");
  EXPECT_TRUE(waitFor([&] { return !dialog->property("visible").toBool(); }));
  EXPECT_EQ(window->property("accepted").toInt(), 1);
  EXPECT_EQ(window->property("rejected").toInt(), 0);
  // and when 取消 is pressed, it is rejected and closes
  QMetaObject::invokeMethod(dialog, "open");
  ASSERT_TRUE(waitFor(isOpen));
  QMetaObject::invokeMethod(reject, "clicked");
  EXPECT_TRUE(waitFor([&] { return !dialog->property("visible").toBool(); }));
  EXPECT_EQ(window->property("accepted").toInt(), 1);
  EXPECT_EQ(window->property("rejected").toInt(), 1);
}

TEST(ConsoleDialogs, EveryDialogOfTheConsoleUsesTheSharedButtonsNotQtsStandardOnes) {
  // Qt's standard buttons take their words from qtbase's catalogue, which the console does not
  // load: a Dialog with standardButtons says "OK" in the Chinese interface.
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const QDir qml(source + QStringLiteral("/console/app/qml"));
  int dialogs = 0;
  for (const QString& name : qml.entryList({QStringLiteral("*.qml")})) {
    QFile file(qml.filePath(name));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_FALSE(text.contains(QStringLiteral("standardButtons"))) << name.toStdString();
    const int here = static_cast<int>(text.count(QRegularExpression(QStringLiteral("\\bDialog\\s*\\{"))));
    EXPECT_EQ(text.count(QStringLiteral("footer: DialogButtons {}")), here) << name.toStdString() << ": a dialog without DialogButtons";
    dialogs += here;
  }
  EXPECT_GE(dialogs, 5);
}

TEST(ConsoleWords, EveryStateClassRatingKindAndCaseWordOfTheCoreHasItsEnglish) {
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
  for (auto v : {core::CaseState::Correction, core::CaseState::Accepted, core::CaseState::Processing,
                 core::CaseState::Decided, core::CaseState::Ready, core::CaseState::Collected, core::CaseState::Rejected})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::MaterialStatus::Received, core::MaterialStatus::Missing, core::MaterialStatus::NotApplicable})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::CaseOutcome::Approved, core::CaseOutcome::Refused}) english_for(console::said(v), core::zhName(v));
  for (auto v : {core::CaseChannel::Window, core::CaseChannel::Agent}) english_for(console::said(v), core::zhName(v));
  for (auto v : {core::ItemKind::Immediate, core::ItemKind::Promised}) english_for(console::said(v), core::zhName(v));
  // A case 办理中 is not a window's: its own word.
  EXPECT_EQ(console::said(core::CaseState::Processing), QStringLiteral("In processing"));
  EXPECT_EQ(console::said(core::WindowState::Serving), QStringLiteral("Serving"));
  QCoreApplication::removeTranslator(&english);
  EXPECT_EQ(console::said(core::WindowState::Calling), QStringLiteral("呼叫中")) << "Chinese first";
}

}  // namespace
