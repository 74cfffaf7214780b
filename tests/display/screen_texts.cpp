#include "screen_texts.hpp"

#include <QFont>
#include <QFontMetricsF>
#include <QQuickItem>
#include <QTextBoundaryFinder>
#include <QTextLayout>
#include <algorithm>
#include <limits>

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

/// The popup (a Dialog's, a ToolTip's item) or the modal cover (a translucent rectangle over
/// the whole window) nearest around `item`: the layer it is drawn in over the screen.
const QQuickItem* layerOf(QQuickItem* item) {
  const QRectF window(QPointF(0, 0), QSizeF(item->window()->size()));
  for (QQuickItem* up = item->parentItem(); up; up = up->parentItem()) {
    if (up->inherits("QQuickPopupItem")) return up;
    if (!up->inherits("QQuickRectangle")) continue;
    const int alpha = up->property("color").value<QColor>().alpha();
    if (alpha > 0 && alpha < 255 && up->mapRectToScene(up->boundingRect()).contains(window)) return up;
  }
  return nullptr;
}

/// Every item under `item` in the visual tree (delegates of views have no QObject parent).
void collectItems(QQuickItem* item, std::vector<QQuickItem*>& out) {
  for (QQuickItem* child : item->childItems()) {
    out.push_back(child);
    collectItems(child, out);
  }
}

struct Measured {
  QRectF ink;        ///< item coordinates
  QString overflow;  ///< empty: fits its item
};

/// A text fitted to its width (fontSizeMode) is one line drawn smaller than its font says.
Measured measureFitted(QQuickItem* item, const QString& text, const QFont& font) {
  const QFontMetricsF metrics(font);
  const qreal width = item->property("contentWidth").toReal();
  const qreal advance = metrics.horizontalAdvance(text);
  const qreal scale = advance > width && advance > 0 ? width / advance : 1.0;
  const QRectF tight = metrics.tightBoundingRect(text);
  const QRectF ink(tight.x() * scale, tight.y() * scale, tight.width() * scale, tight.height() * scale);
  qreal left = 0;
  const int align = item->property("horizontalAlignment").toInt();
  if (align == Qt::AlignRight) left = item->width() - width;
  else if (align == Qt::AlignHCenter) left = (item->width() - width) / 2;
  return {ink.translated(left, item->baselineOffset()), {}};
}

/// Any other text, laid out line by line as Qt lays it out at the item's width (its wrap mode,
/// alignment and padding): the ink of the lines it shows, strictly — a wrapped text is not
/// squeezed onto one line to be measured.
Measured measureLaidOut(QQuickItem* item, QString text, const QFont& font) {
  const int wrap = item->property("wrapMode").toInt();  // Text.WrapMode = QTextOption::WrapMode
  const qreal padLeft = item->property("leftPadding").toReal();
  const qreal padRight = item->property("rightPadding").toReal();
  const qreal padTop = item->property("topPadding").toReal();
  const qreal padBottom = item->property("bottomPadding").toReal();
  const qreal width = item->width() - padLeft - padRight;
  const qreal lineWidth = width > 0 ? width : std::numeric_limits<qreal>::max() / 4;
  text.replace(QLatin1Char('\n'), QChar::LineSeparator);  // as QQuickText does for plain text

  QTextLayout layout(text, font);
  QTextOption option;
  option.setWrapMode(static_cast<QTextOption::WrapMode>(wrap));
  // An item of no width yet lays its text out from the left, unbounded.
  option.setAlignment(width > 0 ? Qt::Alignment(item->property("horizontalAlignment").toInt()) : Qt::AlignLeft);
  option.setUseDesignMetrics(true);
  layout.setTextOption(option);
  layout.beginLayout();
  qreal height = 0;
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(lineWidth);
    line.setPosition(QPointF(0, height));
    height += line.height();
  }
  layout.endLayout();
  if (layout.lineCount() == 0) return {};

  // An elided text shows only its first lines; the last of them ends within the width.
  const bool truncated = item->property("truncated").toBool();
  const int shown = truncated ? std::clamp(item->property("lineCount").toInt(), 1, layout.lineCount()) : layout.lineCount();
  const QFontMetricsF metrics(font);
  const QTextLine first = layout.lineAt(0);
  const QPointF origin(padLeft, item->baselineOffset() - first.ascent());  // baselineOffset has the vertical alignment
  QRectF ink;
  for (int n = 0; n < shown; ++n) {
    const QTextLine line = layout.lineAt(n);
    const QString words = text.mid(line.textStart(), line.textLength());
    QRectF tight = metrics.tightBoundingRect(words);
    if (tight.isEmpty()) continue;
    tight.moveLeft(line.naturalTextRect().x() + tight.x());
    tight.moveTop(line.y() + line.ascent() + tight.y());
    if (truncated && n == shown - 1) tight.setRight(std::min(tight.right(), lineWidth));
    ink |= tight.translated(origin);
  }

  Measured out{ink, {}};
  if (wrap == QTextOption::NoWrap || truncated) return out;
  // Lines taller than the item paint over what lies below it.
  const qreal room = item->height() - padTop - padBottom;
  const qreal lowest = ink.bottom() - padTop;
  if (lowest > room + 1) {
    out.overflow = QStringLiteral("its %1 lines reach %2 px down, its item is %3 px high")
                       .arg(shown)
                       .arg(lowest, 0, 'f', 0)
                       .arg(room, 0, 'f', 0);
    return out;
  }
  // A word wider than the item spills out of it (WordWrap) or is cut in the middle (Wrap);
  // WrapAnywhere is the design's choice to cut anywhere (a file path).
  if (wrap == QTextOption::WrapAnywhere || width <= 0) return out;
  QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, text);
  qsizetype from = 0;
  for (qsizetype to = breaks.toNextBoundary(); to != -1; to = breaks.toNextBoundary()) {
    const QString run = text.mid(from, to - from).trimmed();
    from = to;
    const qreal runWidth = metrics.horizontalAdvance(run);
    if (runWidth > width + 0.5) {
      out.overflow = QStringLiteral("the run \"%1\" is %2 px wide, its item %3 px")
                         .arg(run)
                         .arg(runWidth, 0, 'f', 0)
                         .arg(width, 0, 'f', 0);
      return out;
    }
  }
  return out;
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
    // the baseline.
    const QFont font = item->property("font").value<QFont>();
    const bool fitted = item->property("fontSizeMode").toInt() != 0;  // Text.FixedSize
    const Measured measured = fitted ? measureFitted(item, text, font) : measureLaidOut(item, text, font);
    QRectF inked = item->mapRectToScene(measured.ink);
    // What a clipping ancestor (a list showing whole rows only) cuts off is not on screen.
    for (QQuickItem* up = item->parentItem(); up; up = up->parentItem())
      if (up->clip()) inked &= up->mapRectToScene(up->boundingRect());
    if (inked.isEmpty()) continue;
    out.push_back({text, inked, item->property("truncated").toBool(), boxOf(item), item->objectName(),
                   measured.overflow, layerOf(item)});
  }
  return out;
}

QChar leadingPunctuation(const QString& text) {
  const QString shown = text.trimmed();
  if (shown.isEmpty()) return {};
  const QChar first = shown.front();
  switch (first.category()) {
    case QChar::Punctuation_Close:       // ) ] } ） 】 》 」
    case QChar::Punctuation_FinalQuote:  // ” ’ »
      return first;
    default:
      break;
  }
  // Separators and ends of sentences; not "#", "*", "%", "…", quotes: they may begin a text.
  static const QString separators = QStringLiteral(",.:;!?、。，．：；！？·・");
  return separators.contains(first) ? first : QChar();
}

}  // namespace jiujin::test
