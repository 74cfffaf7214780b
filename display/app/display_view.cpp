#include "display_view.hpp"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QTranslator>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Jiujin_DisplayPlugin)

// The QML module is a static library: its resources are linked in but not registered by
// themselves (nothing references them), so register them by name. Outside any namespace,
// as Q_INIT_RESOURCE requires.
static void registerDisplayResources() {
  Q_INIT_RESOURCE(qmake_Jiujin_Display);
  Q_INIT_RESOURCE(jiujin_display_ui_raw_qml_0);
  Q_INIT_RESOURCE(jiujin_display_ui_translations);
}

namespace jiujin::display {

void useHallFont() {
  QFont font(QStringLiteral("WenQuanYi Micro Hei"));
  font.setStyleHint(QFont::SansSerif);
  QGuiApplication::setFont(font);
}

QQuickWindow* loadDisplay(QQmlApplicationEngine& engine, DisplayModel& model, QSize size, QString* error) {
  registerDisplayResources();
  QStringList warnings;
  QObject::connect(&engine, &QQmlApplicationEngine::warnings, &engine, [&warnings](const QList<QQmlError>& list) {
    for (const auto& w : list) warnings << w.toString();
  });
  engine.setInitialProperties({{QStringLiteral("display"), QVariant::fromValue<QObject*>(&model)}});
  engine.load(QUrl(QStringLiteral("qrc:/Jiujin/Display/qml/Main.qml")));
  QObject::disconnect(&engine, &QQmlApplicationEngine::warnings, &engine, nullptr);
  auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (error) *error = window ? warnings.join('\n') : QStringLiteral("Main.qml did not load\n") + warnings.join('\n');
  if (window) window->resize(size);
  return window;
}

QTranslator* installTranslation(const QString& language) {
  registerDisplayResources();
  auto* translator = new QTranslator(QCoreApplication::instance());  // owned by the application
  if (!translator->load(QStringLiteral(":/i18n/display_%1.qm").arg(language))) {
    delete translator;
    return nullptr;
  }
  QCoreApplication::installTranslator(translator);
  return translator;
}

}  // namespace jiujin::display
