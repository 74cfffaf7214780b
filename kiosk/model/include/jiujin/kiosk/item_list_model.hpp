#pragma once
// The home screen's tiles: the hall's service items, first the hall's most used ones (常用事项,
// from its history), then grouped by 主题 (the life events residents look for: 生育, 养老,
// 就业, 户籍, 不动产…) in the order the catalog names them, items in catalog order within.
// A resident narrows the list without a keyboard: a topic, or the initials of the item's
// pinyin typed on the letter pad (GLJT finds 高龄津贴申领). Each tile carries the people
// waiting for it, -1 ("unknown") whenever the mirror is not current, so a tile never shows
// a stale number as if it were live.
#include <QAbstractListModel>
#include <QString>
#include <cstdint>
#include <map>
#include <vector>

#include "jiujin/config/catalog.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::kiosk {

class ItemListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
  Q_PROPERTY(QString initials READ initials NOTIFY searchChanged)
  Q_PROPERTY(int topic READ topic NOTIFY searchChanged)
  Q_PROPERTY(QStringList topics READ topics NOTIFY topicsChanged)
  Q_PROPERTY(QString nextLetters READ nextLetters NOTIFY searchChanged)
  Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

 public:
  enum Role {
    CodeRole = Qt::UserRole + 1,
    NameRole,
    CategoryRole,
    ImmediateRole,      ///< 即办件
    PromisedDaysRole,   ///< 承诺时限 in working days, 0 for 即办件
    WaitingRole,        ///< people waiting in its queue, -1 when not known now
    TopicRole,          ///< 主题 as shown (其他 when the catalog gives none)
    HeadingRole,        ///< the heading the tile is listed under: 常用事项 or its topic
    InitialsRole,       ///< the pinyin initials it is found by
    RecentTicketsRole,  ///< tickets issued for it in the recent days asked (0 when not known)
  };
  Q_ENUM(Role)

  /// How many of the hall's most used items are listed first.
  static constexpr int kMostUsed = 6;
  /// Letters a resident can type before the pad stops taking more.
  static constexpr int kMaxInitials = 12;

  explicit ItemListModel(QObject* parent = nullptr);

  /// The hall's items (catalog order) and the catalog's 主题 / 拼音首字母 for them, by code;
  /// an item without a guide has no topic and initials derived from its name.
  void setItems(const std::vector<core::ServiceItem>& items, const std::vector<config::ItemGuide>& guides = {});
  /// Tickets issued per item code over recent days (the dispatcher's statistics): the most
  /// used items are listed first. Empty: no such section.
  void setUsage(const std::map<std::string, std::int64_t>& ticketsByItem);
  /// Waiting figures from `hall` at `now`; null `hall` (or a stale one): all unknown.
  void updateWaiting(const core::Hall* hall, core::TimePoint now);
  /// The interface language changed: headings (常用事项, 其他) are read again.
  void retranslate();

  QString filter() const { return filter_; }
  /// Keeps items whose name, category or code contains `text` (case-insensitive).
  void setFilter(const QString& text);
  /// The letters typed on the pad, upper case.
  QString initials() const { return initials_; }
  /// The chosen topic, an index into topics(); -1: every topic.
  int topic() const { return topic_; }
  /// The topics in catalog order, 其他 last when some item has none.
  QStringList topics() const;
  /// The letters that, typed next, still find an item (the pad dims the others).
  QString nextLetters() const;

  /// A letter from the pad (A–Z): searches every topic. Ignored when it would find nothing.
  Q_INVOKABLE void typeLetter(const QString& letter);
  Q_INVOKABLE void eraseLetter();
  /// A topic button (-1: all): clears the letters.
  Q_INVOKABLE void chooseTopic(int index);
  /// Letters, topic and filter cleared: the whole list again.
  Q_INVOKABLE void clearSearch();

  /// The categories of the items shown, in order.
  Q_INVOKABLE QStringList categories() const;
  /// The item by code, or null.
  const core::ServiceItem* item(const QString& code) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

 signals:
  void filterChanged();
  void searchChanged();
  void topicsChanged();
  void countChanged();

 private:
  struct Tile {
    core::ServiceItem item;
    int topic = -1;             // index into topics_; -1: none given
    QString initials;           // derived from the name
    QString catalogInitials;    // 拼音首字母, when the catalog gives them
    std::int64_t recent = 0;    // tickets in the recent days
    int waiting = -1;
  };
  struct Row {
    std::size_t tile = 0;
    bool mostUsed = false;  // listed under 常用事项
  };
  bool matches(const Tile& tile, const QString& initials) const;
  int otherTopic() const { return static_cast<int>(topics_.size()); }
  void rebuild();

  std::vector<Tile> all_;           // catalog order
  std::vector<QString> topics_;     // the catalog's topics, in order of first use
  bool someWithoutTopic_ = false;
  std::vector<Row> shown_;
  QString filter_;
  QString initials_;
  int topic_ = -1;
};

}  // namespace jiujin::kiosk
