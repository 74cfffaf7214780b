// The overflow check every app's screenshot tests share (screen_texts), on small scenes made
// for it: a wrapped text is measured as Qt lays it out, line by line — lines that leave their
// item or box, or a word wider than its item, are caught; a text that fits is not.
#include <gtest/gtest.h>

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <memory>

#include "screen_texts.hpp"

namespace jiujin::test {
namespace {

/// A 400×300 window holding `items` (QML), shown and laid out.
class Scene {
 public:
  explicit Scene(const QByteArray& items) {
    QQmlComponent component(&engine_);
    component.setData("import QtQuick\nWindow { width: 400; height: 300; visible: true; color: 'white'\n" + items + "\n}",
                      QUrl());
    window_.reset(qobject_cast<QQuickWindow*>(component.create()));
    if (!window_) {
      ADD_FAILURE() << component.errorString().toStdString();
      return;
    }
    EXPECT_TRUE(QTest::qWaitForWindowExposed(window_.get(), 5000));
    window_->grabWindow();  // polished and laid out
  }

  /// The shown text whose item is named `name`; an empty one (and a failure) if none.
  ShownText text(const QString& name) const {
    if (window_)
      for (const auto& t : shownTexts(window_.get()))
        if (t.name == name) return t;
    ADD_FAILURE() << "no text named " << name.toStdString();
    return {};
  }

 private:
  QQmlEngine engine_;
  std::unique_ptr<QQuickWindow> window_;
};

TEST(ScreenTexts, AWrappedTextIsInkedOverAllItsLinesAndFitsItsItem) {
  // given a wrapped text in a box tall enough for its lines
  Scene scene("Rectangle { x: 10; y: 10; width: 200; height: 200; color: '#eeeeee'\n"
              "  Text { objectName: 'words'; width: 200; wrapMode: Text.Wrap; font.pixelSize: 20\n"
              "         text: 'one two three four five six seven eight nine ten' } }");
  const ShownText t = scene.text("words");
  // then its ink covers its lines (not one line squeezed to the width), inside its box
  EXPECT_GT(t.inked.height(), 2.5 * 20) << "measured as one line";
  EXPECT_LE(t.inked.width(), 201);
  EXPECT_TRUE(t.box.adjusted(-1, -1, 1, 1).contains(t.inked));
  EXPECT_TRUE(t.overflow.isEmpty()) << t.overflow.toStdString();
}

TEST(ScreenTexts, WrappedLinesTallerThanTheirItemAndBoxAreCaught) {
  // given a wrapped text of five lines in an item and a box two lines high
  Scene scene("Rectangle { x: 10; y: 10; width: 200; height: 50; color: '#eeeeee'\n"
              "  Text { objectName: 'words'; width: 200; height: 50; wrapMode: Text.Wrap; font.pixelSize: 20\n"
              "         text: 'one two three four five six seven eight nine ten eleven twelve' } }");
  const ShownText t = scene.text("words");
  // then the check says its lines do not fit, and its ink runs out of the box
  EXPECT_FALSE(t.overflow.isEmpty());
  EXPECT_FALSE(t.box.adjusted(-1, -1, 1, 1).contains(t.inked));
}

TEST(ScreenTexts, AWordWiderThanItsWrappedItemIsCaughtUnlessItMayWrapAnywhere) {
  // given a word wider than its item, wrapped at words, at words or anywhere, and anywhere
  Scene scene("Column { x: 10; y: 10; spacing: 10\n"
              "  Text { objectName: 'wrap'; width: 90; wrapMode: Text.Wrap; font.pixelSize: 20; text: 'Acknowledgement' }\n"
              "  Text { objectName: 'word'; width: 90; wrapMode: Text.WordWrap; font.pixelSize: 20; text: 'Acknowledgement' }\n"
              "  Text { objectName: 'path'; width: 90; wrapMode: Text.WrapAnywhere; font.pixelSize: 20; text: '/forms/receipt.pdf' } }");
  // then a word cut in the middle (Wrap) or spilling out (WordWrap) is caught
  EXPECT_TRUE(scene.text("wrap").overflow.contains(QStringLiteral("Acknowledgement"))) << scene.text("wrap").overflow.toStdString();
  EXPECT_TRUE(scene.text("word").overflow.contains(QStringLiteral("Acknowledgement"))) << scene.text("word").overflow.toStdString();
  // and a text the design lets wrap anywhere (a file path) is not
  EXPECT_TRUE(scene.text("path").overflow.isEmpty()) << scene.text("path").overflow.toStdString();
}

TEST(ScreenTexts, ATitleThatBeginsWithAMarkThatOnlyFollowsWordsIsCaught) {
  EXPECT_EQ(leadingPunctuation(QStringLiteral("：有群众等候超时")), QChar(u'：'));
  EXPECT_EQ(leadingPunctuation(QStringLiteral(": a resident waited over the target")), QChar(u':'));
  EXPECT_EQ(leadingPunctuation(QStringLiteral("，共 3 次")), QChar(u'，'));
  EXPECT_EQ(leadingPunctuation(QStringLiteral("）")), QChar(u'）'));
  EXPECT_EQ(leadingPunctuation(QStringLiteral(" · 大厅监控")), QChar(u'·'));
  // opening marks, the dash for "none", and words and numbers begin texts
  for (const char16_t* fine : {u"（A002）", u"“不满意”", u"—", u"《收件回执单》", u"12:00", u"综合受理：有群众等候超时"})
    EXPECT_TRUE(leadingPunctuation(QString::fromUtf16(fine)).isNull()) << QString::fromUtf16(fine).toStdString();
}

}  // namespace
}  // namespace jiujin::test
