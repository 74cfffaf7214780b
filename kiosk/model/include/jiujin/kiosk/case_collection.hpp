#pragma once
// 领取办件结果 (统一出件) at the kiosk: the resident scans the receipt's QR code (a scanner in
// keyboard mode types the case number and Enter) or keys the number in. A case whose result is
// ready gets a ticket in the issuing queue that names the case (the kiosk model issues it); a
// case not ready yet is told so with its promised date, and no ticket is issued.
#include <QDate>
#include <QObject>
#include <QString>
#include <optional>

#include "jiujin/client/replies.hpp"
#include "jiujin/core/case.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/kiosk/ticket_issuer.hpp"

namespace jiujin::kiosk {

/// The item a collection ticket is issued for: the first catalog item of the queue an issuing
/// window (统一发证) serves first, e.g. 办件结果领取（统一出件）; none when the hall has no
/// issuing window.
std::optional<core::ServiceItem> collectionItemOf(const core::HallDefinition& hall);

/// What was typed or scanned as a case number: spaces dropped, letters upper-cased; empty when
/// it cannot be one (the shape of docs/cases.md, "Numbers").
QString caseNumberFrom(const QString& typed);

class CaseCollection : public QObject {
  Q_OBJECT
  Q_PROPERTY(State state READ state NOTIFY changed)
  Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY changed)
  Q_PROPERTY(QString itemName READ itemName NOTIFY changed)
  Q_PROPERTY(QDate dueDate READ dueDate NOTIFY changed)
  Q_PROPERTY(QString message READ message NOTIFY changed)

 public:
  enum class State {
    Idle,        ///< waiting for a scan or a typed number
    Looking,     ///< asked the dispatcher for the case
    Ready,       ///< the result waits: a ticket is being issued
    NotReady,    ///< still in 补正, accepted, processing or decided: come back later
    Closed,      ///< already collected, or refused at the counter
    NotFound,    ///< no case with that number (or not a case number at all)
    Unreachable, ///< the dispatcher did not answer
  };
  Q_ENUM(State)

  CaseCollection(TicketIssuer::Send send, QObject* parent = nullptr);

  /// A scan or a typed number (Enter): looks the case up. Ignored while a look-up is under way.
  Q_INVOKABLE void submit(const QString& typed);
  /// Back to waiting for a scan (a new resident, or another try).
  Q_INVOKABLE void clear();
  void setEnglish(bool english);

  State state() const { return state_; }
  QString caseNumber() const { return caseNumber_; }
  QString itemName() const { return itemName_; }
  QDate dueDate() const { return dueDate_; }
  /// What the resident reads about the case, in the interface language.
  QString message() const;

 signals:
  void changed();
  /// The case's result waits at the issuing window: issue its collection ticket.
  void caseReady(const QString& caseNumber);

 private:
  void answered(quint64 lookUp, const client::Reply& reply);
  void show(const core::Case& found);
  void setState(State state);

  TicketIssuer::Send send_;
  quint64 lookUp_ = 0;  // which look-up a late reply belongs to
  State state_ = State::Idle;
  QString caseNumber_;
  QString itemName_;
  QDate dueDate_;
  core::CaseState caseState_ = core::CaseState::Accepted;
  QString refusal_;
  bool english_ = false;
};

}  // namespace jiujin::kiosk
