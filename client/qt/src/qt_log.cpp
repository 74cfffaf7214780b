#include "jiujin/clientqt/qt_log.hpp"

#include <QString>
#include <QtGlobal>

#include "jiujin/base/log.hpp"

namespace jiujin::clientqt {

namespace {

log::Level levelOf(QtMsgType type) {
  switch (type) {
    case QtDebugMsg: return log::Level::Debug;
    case QtInfoMsg: return log::Level::Info;
    case QtWarningMsg: return log::Level::Warning;
    case QtCriticalMsg:
    case QtFatalMsg: return log::Level::Error;
  }
  return log::Level::Info;
}

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  const char* category = context.category != nullptr && context.category[0] != '\0' ? context.category : "qt";
  log::write(levelOf(type), category, message.toStdString());
}

}  // namespace

void routeQtMessagesToLog() { qInstallMessageHandler(handle); }

}  // namespace jiujin::clientqt
