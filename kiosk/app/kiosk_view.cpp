#include "kiosk_view.hpp"

#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQml/qqml.h>

Q_IMPORT_QML_PLUGIN(Jiujin_KioskPlugin)

namespace jiujin::kiosk {

void useHallFont() {
  QFont font(QStringLiteral("WenQuanYi Micro Hei"));
  font.setStyleHint(QFont::SansSerif);
  QGuiApplication::setFont(font);
}

void registerKioskTypes() {
  static bool registered = false;
  if (registered) return;
  registered = true;
  const char* uri = "Jiujin.KioskModel";
  const QString reason = QStringLiteral("made by the kiosk application");
  qmlRegisterUncreatableType<KioskModel>(uri, 1, 0, "KioskModel", reason);
  qmlRegisterUncreatableType<ItemDetail>(uri, 1, 0, "ItemDetail", reason);
  qmlRegisterUncreatableType<TicketIssuer>(uri, 1, 0, "TicketIssuer", reason);
  qmlRegisterUncreatableType<CaseCollection>(uri, 1, 0, "CaseCollection", reason);
  qmlRegisterUncreatableType<BookingCheckIn>(uri, 1, 0, "BookingCheckIn", reason);
  qmlRegisterUncreatableType<ItemListModel>(uri, 1, 0, "ItemListModel", reason);
}

QQuickWindow* loadKiosk(QQmlApplicationEngine& engine, KioskModel& model, QSize size, QString* error) {
  registerKioskTypes();
  QStringList warnings;
  QObject::connect(&engine, &QQmlApplicationEngine::warnings, &engine, [&warnings](const QList<QQmlError>& list) {
    for (const auto& w : list) warnings << w.toString();
  });
  engine.setInitialProperties({{QStringLiteral("kiosk"), QVariant::fromValue<QObject*>(&model)}});
  engine.load(QUrl(QStringLiteral("qrc:/Jiujin/Kiosk/Main.qml")));
  QObject::disconnect(&engine, &QQmlApplicationEngine::warnings, &engine, nullptr);
  auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (!window || !warnings.isEmpty()) {
    if (error) *error = warnings.isEmpty() ? QStringLiteral("Main.qml did not load") : warnings.join('\n');
    return nullptr;
  }
  window->resize(size);
  return window;
}

bool LanguageSwitcher::switchTo(const QString& language) {
  std::unique_ptr<QTranslator> next;
  if (language != QStringLiteral("zh")) {
    next = std::make_unique<QTranslator>();
    if (!next->load(QStringLiteral(":/i18n/kiosk_%1.qm").arg(language))) return false;
  }
  if (translator_) QCoreApplication::removeTranslator(translator_.get());
  translator_ = std::move(next);
  if (translator_) QCoreApplication::installTranslator(translator_.get());
  engine_.retranslate();
  return true;
}

}  // namespace jiujin::kiosk
