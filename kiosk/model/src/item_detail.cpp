#include "jiujin/kiosk/item_detail.hpp"

namespace jiujin::kiosk {

namespace {
QString text(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

ItemDetail::ItemDetail(QObject* parent) : QObject(parent) {}

void ItemDetail::show(const core::ServiceItem& item, const std::vector<core::QueueDef>& queues) {
  item_ = item;
  queueName_.clear();
  for (const auto& queue : queues) {
    if (queue.id == item.queue) queueName_ = text(queue.name);
  }
  emit itemChanged();
}

void ItemDetail::clear() {
  if (!item_) return;
  item_.reset();
  queueName_.clear();
  emit itemChanged();
}

void ItemDetail::updateFigures(const core::Hall* hall, core::TimePoint now) {
  bool current = false;
  int people = 0;
  int minutes = 0;
  if (hall && item_) {
    const auto estimate = hall->estimateForItem(item_->code, core::PriorityClass::Normal, now);
    current = true;
    people = estimate.peopleAhead;
    minutes = static_cast<int>((estimate.wait.count() + 59) / 60);
  }
  if (current == figuresCurrent_ && people == peopleWaiting_ && minutes == waitMinutes_) return;
  figuresCurrent_ = current;
  peopleWaiting_ = people;
  waitMinutes_ = minutes;
  emit figuresChanged();
}

QString ItemDetail::code() const { return item_ ? text(item_->code) : QString(); }
QString ItemDetail::name() const { return item_ ? text(item_->name) : QString(); }
QString ItemDetail::category() const { return item_ ? text(item_->category) : QString(); }
QStringList ItemDetail::materials() const {
  QStringList list;
  if (item_) {
    for (const auto& m : item_->materials) list << text(m);
  }
  return list;
}
QString ItemDetail::fees() const { return item_ ? text(item_->fees) : QString(); }
QString ItemDetail::feeBasis() const { return item_ ? text(item_->feeBasis) : QString(); }
bool ItemDetail::immediate() const { return item_ && item_->kind == core::ItemKind::Immediate; }
int ItemDetail::promisedDays() const { return item_ ? item_->promisedWorkingDays : 0; }
ItemDetail::Scope ItemDetail::scope() const {
  if (!item_) return Scope::ThisHall;
  switch (item_->scope) {
    case core::TongbanScope::Hall: return Scope::ThisHall;
    case core::TongbanScope::District: return Scope::District;
    case core::TongbanScope::City: return Scope::City;
  }
  return Scope::ThisHall;
}
QString ItemDetail::scopeText() const {
  switch (scope()) {
    case Scope::District: return tr("同区通办：可在本区任一便民服务中心（站）办理");
    case Scope::City: return tr("同城通办：可在本市任一便民服务中心（站）办理");
    case Scope::ThisHall: break;
  }
  return tr("在本中心办理");
}

QString ItemDetail::promiseText() const {
  return immediate() ? tr("即办（当场办结）") : tr("%1 个工作日").arg(promisedDays());
}

QString ItemDetail::legalBasis() const { return item_ ? text(item_->legalBasis) : QString(); }
bool ItemDetail::priorityAllowed() const { return item_ && item_->priorityAllowed; }

}  // namespace jiujin::kiosk
