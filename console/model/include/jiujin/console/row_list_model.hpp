#pragma once
// A list shown by QML as rows of named fields (a queue's name and length, a device's state,
// a material to check). Each list names its roles once; a refresh replaces the rows and
// tells the view only what changed in size, so delegates keep their state while figures move.
#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QVariantMap>

namespace jiujin::console {

class RowListModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ rowCountProperty NOTIFY countChanged)

 public:
  /// `roles`: the field names QML reads from each row (model.name, model.waiting, …).
  explicit RowListModel(QList<QByteArray> roles, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  QHash<int, QByteArray> roleNames() const override;

  /// Replaces all rows (fields missing from a row read as invalid).
  void setRows(QList<QVariantMap> rows);
  const QList<QVariantMap>& rows() const { return rows_; }
  /// One field of one row, for C++ callers and tests.
  Q_INVOKABLE QVariant field(int row, const QString& name) const;

 signals:
  void countChanged();

 private:
  int rowCountProperty() const { return static_cast<int>(rows_.size()); }
  QList<QByteArray> roles_;
  QList<QVariantMap> rows_;
};

}  // namespace jiujin::console
