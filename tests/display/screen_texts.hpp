#pragma once
// The texts a rendered Qt Quick screen shows, where their glyphs are inked, and the box each
// must stay in: the overflow check every app's screenshot tests share (display, kiosk, …).
#include <QChar>
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
  QString name;  ///< the Text item's objectName (what a check's allow-list is keyed by)
  /// Why a wrapped text does not fit its own item, in words; empty when it does: its lines
  /// are taller than the item, or a word (a run it cannot break) is wider than the item.
  QString overflow;
  /// The layer it is drawn in, over the screen's other texts by design: the popup (a dialog)
  /// or the modal cover (a translucent rectangle over the whole window, dimming the screen
  /// under a login form) nearest around it; null: the screen itself. Texts of different
  /// layers may lie over each other.
  const QQuickItem* layer = nullptr;
};

/// Every visible, non-empty text item under the window's content item. A text fitted to its
/// width (fontSizeMode) is measured at the size it is drawn at; a wrapped one line by line, as
/// Qt lays it out at the item's width.
std::vector<ShownText> shownTexts(QQuickWindow* window);

/// The mark `text` begins with if it is one no title or label begins with — a separator or a
/// closing mark ("：", ",", "。", "）", "”", "·"…), usually what is left when the words before
/// it came empty ("：有群众等候超时"); a null QChar otherwise. Opening brackets and quotes, and
/// the dash that stands for "none", may begin a text.
QChar leadingPunctuation(const QString& text);

}  // namespace jiujin::test
