#pragma once
// Watches a window for presses and touches and tells the model the resident is still there
// (restarting its idle timer). Installed on the QQuickWindow; it never eats the event.
#include <QObject>

namespace jiujin::kiosk {

class KioskModel;

class ActivityFilter : public QObject {
  Q_OBJECT

 public:
  explicit ActivityFilter(KioskModel& model, QObject* parent = nullptr);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  KioskModel& model_;
};

}  // namespace jiujin::kiosk
