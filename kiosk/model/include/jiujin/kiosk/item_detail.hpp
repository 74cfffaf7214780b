#pragma once
// The item page: everything public about one service item (服务承诺 / 一次性告知: every
// material on one page, fees, the promised time, where it can be done) and the live queue
// figures for it. The figures are shown only while the mirror is current; otherwise
// figuresCurrent is false and the page shows "—" with a notice, never an old number.
#include <QObject>
#include <QStringList>
#include <optional>

#include "jiujin/core/hall.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::kiosk {

class ItemDetail : public QObject {
  Q_OBJECT
  Q_PROPERTY(bool valid READ valid NOTIFY itemChanged)
  Q_PROPERTY(QString code READ code NOTIFY itemChanged)
  Q_PROPERTY(QString name READ name NOTIFY itemChanged)
  Q_PROPERTY(QString category READ category NOTIFY itemChanged)
  Q_PROPERTY(QStringList materials READ materials NOTIFY itemChanged)
  Q_PROPERTY(QString fees READ fees NOTIFY itemChanged)
  Q_PROPERTY(QString feeBasis READ feeBasis NOTIFY itemChanged)
  Q_PROPERTY(bool immediate READ immediate NOTIFY itemChanged)
  Q_PROPERTY(int promisedDays READ promisedDays NOTIFY itemChanged)
  Q_PROPERTY(Scope scope READ scope NOTIFY itemChanged)
  Q_PROPERTY(QString scopeText READ scopeText NOTIFY itemChanged)
  Q_PROPERTY(QString promiseText READ promiseText NOTIFY itemChanged)
  Q_PROPERTY(QString legalBasis READ legalBasis NOTIFY itemChanged)
  Q_PROPERTY(QString queueName READ queueName NOTIFY itemChanged)
  Q_PROPERTY(bool priorityAllowed READ priorityAllowed NOTIFY itemChanged)
  Q_PROPERTY(bool figuresCurrent READ figuresCurrent NOTIFY figuresChanged)
  Q_PROPERTY(int peopleWaiting READ peopleWaiting NOTIFY figuresChanged)
  Q_PROPERTY(int waitMinutes READ waitMinutes NOTIFY figuresChanged)

 public:
  /// 通办范围: where else a resident may apply.
  enum class Scope { ThisHall, District, City };
  Q_ENUM(Scope)

  explicit ItemDetail(QObject* parent = nullptr);

  void show(const core::ServiceItem& item, const std::vector<core::QueueDef>& queues);
  void clear();
  /// Figures for the item from `hall` at `now`; null `hall`: not current.
  void updateFigures(const core::Hall* hall, core::TimePoint now);

  const std::optional<core::ServiceItem>& item() const { return item_; }

  bool valid() const { return item_.has_value(); }
  QString code() const;
  QString name() const;
  QString category() const;
  QStringList materials() const;
  QString fees() const;
  QString feeBasis() const;
  bool immediate() const;
  int promisedDays() const;
  Scope scope() const;
  /// Where the item can be done (通办), as the resident reads it.
  QString scopeText() const;
  /// The promised time: 即办 or so many working days.
  QString promiseText() const;
  /// The interface language changed: the texts above are read again.
  void retranslate() { emit itemChanged(); }
  QString legalBasis() const;
  QString queueName() const { return queueName_; }
  bool priorityAllowed() const;
  bool figuresCurrent() const { return figuresCurrent_; }
  /// Residents waiting for this item's queue; meaningful only when figuresCurrent.
  int peopleWaiting() const { return peopleWaiting_; }
  /// Expected wait in whole minutes (rounded up); meaningful only when figuresCurrent.
  int waitMinutes() const { return waitMinutes_; }

 signals:
  void itemChanged();
  void figuresChanged();

 private:
  std::optional<core::ServiceItem> item_;
  QString queueName_;
  bool figuresCurrent_ = false;
  int peopleWaiting_ = 0;
  int waitMinutes_ = 0;
};

}  // namespace jiujin::kiosk
