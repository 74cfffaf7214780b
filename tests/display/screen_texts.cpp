#include "screen_texts.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QQuickItem>

namespace jiujin::test {

namespace {

/// The nearest ancestor drawn as a coloured rectangle: the box a text must stay inside.
QRectF boxOf(QQuickItem* item) {
  for (QQuickItem* up = item->parentItem(); up; up = up->parentItem()) {
    if (!up->inherits("QQuickRectangle")) continue;
    const QColor color = up->property("color").value<QColor>();
    if (color.alpha() == 0) continue;
    return up->mapRectToScene(up->boundingRect());
  }
  return {};
}

/// Every item under `item` in the visual tree (delegates of views have no QObject parent).
void collectItems(QQuickItem* item, std::vector<QQuickItem*>& out) {
  for (QQuickItem* child : item->childItems()) {
    out.push_back(child);
    collectItems(child, out);
  }
}

}  // namespace

std::vector<ShownText> shownTexts(QQuickWindow* window) {
  std::vector<QQuickItem*> items;
  collectItems(window->contentItem(), items);
  std::vector<ShownText> out;
  for (QQuickItem* item : items) {
    // inherits(): a Text with properties of its own (a delegate's required ones) is a subclass.
    if (!item->inherits("QQuickText") || !item->isVisible() || item->opacity() == 0)
      continue;
    const QString text = item->property("text").toString();
    if (text.isEmpty()) continue;
    // The glyphs' ink, not the line box (a 72 px line is taller than its digits), placed at
    // the baseline; a right-aligned text is inked from the right edge of the item.
    const QFontMetricsF metrics(item->property("font").value<QFont>());
    const qreal width = item->property("contentWidth").toReal();
    // A text fitted to its width (fontSizeMode) is drawn smaller than its font says.
    const qreal advance = metrics.horizontalAdvance(text);
    const qreal scale = advance > width && advance > 0 ? width / advance : 1.0;
    const QRectF tight = metrics.tightBoundingRect(text);
    const QRectF ink(tight.x() * scale, tight.y() * scale, tight.width() * scale, tight.height() * scale);
    const qreal left = item->property("horizontalAlignment").toInt() == Qt::AlignRight ? item->width() - width : 0;
    QRectF inked = item->mapRectToScene(ink.translated(left, item->baselineOffset()));
    // What a clipping ancestor (a list showing whole rows only) cuts off is not on screen.
    for (QQuickItem* up = item->parentItem(); up; up = up->parentItem())
      if (up->clip()) inked &= up->mapRectToScene(up->boundingRect());
    if (inked.isEmpty()) continue;
    out.push_back({text, inked, item->property("truncated").toBool(), boxOf(item)});
  }
  return out;
}

}  // namespace jiujin::test
