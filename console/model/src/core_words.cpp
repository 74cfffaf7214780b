#include "jiujin/console/core_words.hpp"

#include <QCoreApplication>

#include "jiujin/core/names.hpp"

namespace jiujin::console {
namespace {

// Listed so that lupdate finds every word; core::zhName gives the same texts at run time
// (a test checks that every value has its English).
[[maybe_unused]] constexpr const char* kWords[] = {
    QT_TRANSLATE_NOOP("CoreWords", "未开放"),   QT_TRANSLATE_NOOP("CoreWords", "空闲"),
    QT_TRANSLATE_NOOP("CoreWords", "呼叫中"),   QT_TRANSLATE_NOOP("CoreWords", "办理中"),
    QT_TRANSLATE_NOOP("CoreWords", "暂停服务"), QT_TRANSLATE_NOOP("CoreWords", "等候中"),
    QT_TRANSLATE_NOOP("CoreWords", "已呼叫"),   QT_TRANSLATE_NOOP("CoreWords", "已办结"),
    QT_TRANSLATE_NOOP("CoreWords", "过号"),     QT_TRANSLATE_NOOP("CoreWords", "已转办"),
    QT_TRANSLATE_NOOP("CoreWords", "已取消"),   QT_TRANSLATE_NOOP("CoreWords", "已过期"),
    QT_TRANSLATE_NOOP("CoreWords", "普通"),     QT_TRANSLATE_NOOP("CoreWords", "老年人"),
    QT_TRANSLATE_NOOP("CoreWords", "残疾人"),   QT_TRANSLATE_NOOP("CoreWords", "孕妇"),
    QT_TRANSLATE_NOOP("CoreWords", "军人"),     QT_TRANSLATE_NOOP("CoreWords", "非常满意"),
    QT_TRANSLATE_NOOP("CoreWords", "满意"),     QT_TRANSLATE_NOOP("CoreWords", "基本满意"),
    QT_TRANSLATE_NOOP("CoreWords", "不满意"),   QT_TRANSLATE_NOOP("CoreWords", "非常不满意"),
    QT_TRANSLATE_NOOP("CoreWords", "综合受理"), QT_TRANSLATE_NOOP("CoreWords", "专业"),
    QT_TRANSLATE_NOOP("CoreWords", "统一发证"), QT_TRANSLATE_NOOP("CoreWords", "有诉即办"),
};

// A case's words have a context of their own: 办理中 and 已办结 name a case's states in other
// words than a window's or a ticket's ("In processing", "Decided").
[[maybe_unused]] constexpr const char* kCaseWords[] = {
    QT_TRANSLATE_NOOP("CaseWords", "补正中"),   QT_TRANSLATE_NOOP("CaseWords", "已受理"),
    QT_TRANSLATE_NOOP("CaseWords", "办理中"),   QT_TRANSLATE_NOOP("CaseWords", "已办结"),
    QT_TRANSLATE_NOOP("CaseWords", "待领取"),   QT_TRANSLATE_NOOP("CaseWords", "已领取"),
    QT_TRANSLATE_NOOP("CaseWords", "不予受理"), QT_TRANSLATE_NOOP("CaseWords", "窗口受理"),
    QT_TRANSLATE_NOOP("CaseWords", "代办"),     QT_TRANSLATE_NOOP("CaseWords", "已收"),
    QT_TRANSLATE_NOOP("CaseWords", "缺"),       QT_TRANSLATE_NOOP("CaseWords", "不适用"),
    QT_TRANSLATE_NOOP("CaseWords", "准予"),     QT_TRANSLATE_NOOP("CaseWords", "不予"),
    QT_TRANSLATE_NOOP("CaseWords", "即办件"),   QT_TRANSLATE_NOOP("CaseWords", "承诺件"),
};

QString translated(const char* zh) { return QCoreApplication::translate("CoreWords", zh); }
QString caseWord(const char* zh) { return QCoreApplication::translate("CaseWords", zh); }

}  // namespace

QString said(core::WindowState state) { return translated(core::zhName(state)); }
QString said(core::TicketState state) { return translated(core::zhName(state)); }
QString said(core::PriorityClass priority) { return translated(core::zhName(priority)); }
QString said(core::Rating rating) { return translated(core::zhName(rating)); }
QString said(core::WindowKind kind) { return translated(core::zhName(kind)); }
QString said(core::CaseState state) { return caseWord(core::zhName(state)); }
QString said(core::CaseChannel channel) { return caseWord(core::zhName(channel)); }
QString said(core::MaterialStatus status) { return caseWord(core::zhName(status)); }
QString said(core::CaseOutcome outcome) { return caseWord(core::zhName(outcome)); }
QString said(core::ItemKind kind) { return caseWord(core::zhName(kind)); }

}  // namespace jiujin::console
