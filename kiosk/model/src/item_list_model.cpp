#include "jiujin/kiosk/item_list_model.hpp"

#include <algorithm>

#include "jiujin/kiosk/pinyin_initials.hpp"

namespace jiujin::kiosk {

namespace {
QString text(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

ItemListModel::ItemListModel(QObject* parent) : QAbstractListModel(parent) {}

void ItemListModel::setItems(const std::vector<core::ServiceItem>& items, const std::vector<config::ItemGuide>& guides) {
  std::map<std::string, const config::ItemGuide*> guideOf;
  for (const auto& guide : guides) guideOf[guide.code] = &guide;
  all_.clear();
  topics_.clear();
  someWithoutTopic_ = false;
  for (const auto& item : items) {
    Tile tile{item, -1, text(pinyinInitials(item.name)), {}, 0, -1};
    const auto found = guideOf.find(item.code);
    if (found != guideOf.end() && !found->second->topic.empty()) {
      const QString name = text(found->second->topic);
      auto at = std::find(topics_.begin(), topics_.end(), name);
      if (at == topics_.end()) at = topics_.insert(topics_.end(), name);
      tile.topic = static_cast<int>(at - topics_.begin());
    }
    if (found != guideOf.end()) tile.catalogInitials = text(found->second->initials);
    all_.push_back(std::move(tile));
  }
  for (auto& tile : all_) {
    if (tile.topic >= 0) continue;
    tile.topic = otherTopic();
    someWithoutTopic_ = true;
  }
  initials_.clear();
  topic_ = -1;
  emit topicsChanged();
  emit searchChanged();
  rebuild();
}

void ItemListModel::setUsage(const std::map<std::string, std::int64_t>& ticketsByItem) {
  for (auto& tile : all_) {
    const auto found = ticketsByItem.find(tile.item.code);
    tile.recent = found == ticketsByItem.end() ? 0 : found->second;
  }
  rebuild();
}

void ItemListModel::updateWaiting(const core::Hall* hall, core::TimePoint now) {
  for (auto& tile : all_) {
    tile.waiting = hall ? hall->estimateForItem(tile.item.code, core::PriorityClass::Normal, now).peopleAhead : -1;
  }
  if (!shown_.empty()) emit dataChanged(index(0), index(static_cast<int>(shown_.size()) - 1), {WaitingRole});
}

void ItemListModel::retranslate() {
  emit topicsChanged();
  rebuild();  // a list view reads its section headings again only on a reset
}

void ItemListModel::setFilter(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed == filter_) return;
  filter_ = trimmed;
  rebuild();
  emit filterChanged();
}

QStringList ItemListModel::topics() const {
  QStringList list(topics_.begin(), topics_.end());
  if (someWithoutTopic_) list << tr("其他");
  return list;
}

bool ItemListModel::matches(const Tile& tile, const QString& initials) const {
  const auto& item = tile.item;
  if (topic_ >= 0 && tile.topic != topic_) return false;
  if (!filter_.isEmpty() && !text(item.name).contains(filter_, Qt::CaseInsensitive) &&
      !text(item.category).contains(filter_, Qt::CaseInsensitive) && !text(item.code).contains(filter_, Qt::CaseInsensitive))
    return false;
  if (initials.isEmpty()) return true;
  return tile.initials.contains(initials) || (!tile.catalogInitials.isEmpty() && tile.catalogInitials.contains(initials));
}

QString ItemListModel::nextLetters() const {
  QString letters;
  for (char c = 'A'; c <= 'Z'; ++c) {
    const QString next = initials_ + QLatin1Char(c);
    if (std::any_of(all_.begin(), all_.end(), [&](const Tile& tile) { return matches(tile, next); })) letters += QLatin1Char(c);
  }
  return letters;
}

void ItemListModel::typeLetter(const QString& letter) {
  const QString upper = letter.trimmed().toUpper();
  if (upper.size() != 1 || upper[0] < QLatin1Char('A') || upper[0] > QLatin1Char('Z')) return;
  if (initials_.size() >= kMaxInitials) return;
  const int topicBefore = topic_;
  topic_ = -1;  // letters search every topic
  if (!nextLetters().contains(upper)) {
    topic_ = topicBefore;
    return;  // a dimmed key: nothing would be found
  }
  initials_ += upper;
  emit searchChanged();
  rebuild();
}

void ItemListModel::eraseLetter() {
  if (initials_.isEmpty()) return;
  initials_.chop(1);
  emit searchChanged();
  rebuild();
}

void ItemListModel::chooseTopic(int index) {
  const int chosen = index >= 0 && index < topics().size() ? index : -1;
  if (chosen == topic_ && initials_.isEmpty()) return;
  topic_ = chosen;
  initials_.clear();
  emit searchChanged();
  rebuild();
}

void ItemListModel::clearSearch() {
  if (initials_.isEmpty() && topic_ < 0 && filter_.isEmpty()) return;
  initials_.clear();
  topic_ = -1;
  const bool hadFilter = !filter_.isEmpty();
  filter_.clear();
  emit searchChanged();
  if (hadFilter) emit filterChanged();
  rebuild();
}

void ItemListModel::rebuild() {
  const int before = static_cast<int>(shown_.size());
  beginResetModel();
  shown_.clear();
  // 常用事项 first, on the whole list only: a resident who searches has said what they want.
  if (initials_.isEmpty() && filter_.isEmpty() && topic_ < 0) {
    std::vector<std::size_t> used;
    for (std::size_t i = 0; i < all_.size(); ++i)
      if (all_[i].recent > 0) used.push_back(i);
    std::stable_sort(used.begin(), used.end(), [this](auto a, auto b) { return all_[a].recent > all_[b].recent; });
    if (used.size() > static_cast<std::size_t>(kMostUsed)) used.resize(kMostUsed);
    for (const auto i : used) shown_.push_back({i, true});
  }
  for (int group = 0; group <= otherTopic(); ++group) {
    for (std::size_t i = 0; i < all_.size(); ++i)
      if (all_[i].topic == group && matches(all_[i], initials_)) shown_.push_back({i, false});
  }
  endResetModel();
  if (before != static_cast<int>(shown_.size())) emit countChanged();
}

QStringList ItemListModel::categories() const {
  QStringList list;
  for (const auto& row : shown_) {
    const QString category = text(all_[row.tile].item.category);
    if (!list.contains(category)) list << category;
  }
  return list;
}

const core::ServiceItem* ItemListModel::item(const QString& code) const {
  const std::string wanted = code.toStdString();
  for (const auto& tile : all_) {
    if (tile.item.code == wanted) return &tile.item;
  }
  return nullptr;
}

int ItemListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

QVariant ItemListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || index.row() >= static_cast<int>(shown_.size())) return {};
  const Row& row = shown_[static_cast<std::size_t>(index.row())];
  const Tile& tile = all_[row.tile];
  const auto topicName = [&] { return tile.topic < otherTopic() ? topics_[static_cast<std::size_t>(tile.topic)] : tr("其他"); };
  switch (role) {
    case CodeRole: return text(tile.item.code);
    case Qt::DisplayRole:
    case NameRole: return text(tile.item.name);
    case CategoryRole: return text(tile.item.category);
    case ImmediateRole: return tile.item.kind == core::ItemKind::Immediate;
    case PromisedDaysRole: return tile.item.promisedWorkingDays;
    case WaitingRole: return tile.waiting;
    case TopicRole: return topicName();
    case HeadingRole: return row.mostUsed ? tr("常用事项") : topicName();
    case InitialsRole: return tile.catalogInitials.isEmpty() ? tile.initials : tile.catalogInitials;
    case RecentTicketsRole: return static_cast<qlonglong>(tile.recent);
    default: return {};
  }
}

QHash<int, QByteArray> ItemListModel::roleNames() const {
  return {{CodeRole, "code"},           {NameRole, "name"},         {CategoryRole, "category"},
          {ImmediateRole, "immediate"}, {PromisedDaysRole, "promisedDays"}, {WaitingRole, "waiting"},
          {TopicRole, "topic"},         {HeadingRole, "heading"},   {InitialsRole, "initials"},
          {RecentTicketsRole, "recentTickets"}};
}

}  // namespace jiujin::kiosk
