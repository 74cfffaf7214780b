#pragma once
// Qt's own messages and the apps' QLoggingCategory output go through the project's one
// logging facade (base/log.hpp), so a kiosk's log reads like the dispatcher's in journald.
namespace jiujin::clientqt {

/// Installs the Qt message handler; call before the application object exists.
void routeQtMessagesToLog();

}  // namespace jiujin::clientqt
