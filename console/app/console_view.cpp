#include "console_view.hpp"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Jiujin_ConsolePlugin)

namespace jiujin::console {

namespace {
/// The engine's property remembering what useLanguage chose.
constexpr const char* kChosenLanguage = "jiujinConsoleLanguage";
}  // namespace

void useHallFont() {
  QFont font(QStringLiteral("WenQuanYi Micro Hei"));
  font.setStyleHint(QFont::SansSerif);
  QGuiApplication::setFont(font);
}

bool useLanguage(QQmlEngine& engine, const QString& language, std::unique_ptr<QTranslator>& translator) {
  std::unique_ptr<QTranslator> next;
  if (language != QStringLiteral("zh")) {
    next = std::make_unique<QTranslator>();
    if (!next->load(QStringLiteral(":/i18n/console_%1.qm").arg(language))) return false;
  }
  if (translator) QCoreApplication::removeTranslator(translator.get());
  translator = std::move(next);
  if (translator) QCoreApplication::installTranslator(translator.get());
  // Qt.uiLanguage: the dispatcher's texts (alarms) come in both languages; QML picks.
  engine.setProperty(kChosenLanguage, language);
  engine.setUiLanguage(language);
  engine.retranslate();
  return true;
}

QQuickWindow* loadConsole(QQmlApplicationEngine& engine, ClerkConsole* desk, HallMonitor* monitor, QString* error) {
  QStringList warnings;
  QObject::connect(&engine, &QQmlApplicationEngine::warnings, &engine, [&warnings](const QList<QQmlError>& list) {
    for (const auto& w : list) warnings << w.toString();
  });
  // Chinese unless useLanguage chose another language (the engine's default follows the
  // machine's locale, "en" on most servers).
  const QString chosen = engine.property(kChosenLanguage).toString();
  engine.setUiLanguage(chosen.isEmpty() ? QStringLiteral("zh") : chosen);
  engine.setInitialProperties({{QStringLiteral("clerkConsole"), QVariant::fromValue<QObject*>(desk)},
                               {QStringLiteral("monitor"), QVariant::fromValue<QObject*>(monitor)}});
  engine.load(QUrl(QStringLiteral("qrc:/Jiujin/Console/Main.qml")));
  QObject::disconnect(&engine, &QQmlApplicationEngine::warnings, &engine, nullptr);
  auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (!window || !warnings.isEmpty()) {
    if (error) *error = warnings.isEmpty() ? QStringLiteral("Main.qml did not load") : warnings.join('\n');
    return nullptr;
  }
  window->resize(kConsoleScreen);
  return window;
}

}  // namespace jiujin::console
