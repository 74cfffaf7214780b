#pragma once
// The texts a rendered Qt Quick screen shows, where their glyphs are inked, and the box each
// must stay in: the overflow check every app's screenshot tests share (display, kiosk, …).
#include <QQuickWindow>
#include <QRectF>
#include <QString>
#include <vector>

namespace jiujin::test {

/// A visible text on the screen: where its glyphs are inked (scene coordinates, cut to what
/// clipping views show) and whether it shows its text whole.
struct ShownText {
  QString text;
  QRectF inked;
  bool truncated = false;
  QRectF box;  ///< the nearest coloured rectangle around it (its box on screen); empty: none
};

/// Every visible, non-empty text item under the window's content item. A text fitted to its
/// width (fontSizeMode) is measured at the size it is drawn at.
std::vector<ShownText> shownTexts(QQuickWindow* window);

}  // namespace jiujin::test
