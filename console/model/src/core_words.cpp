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

QString translated(const char* zh) { return QCoreApplication::translate("CoreWords", zh); }

}  // namespace

QString said(core::WindowState state) { return translated(core::zhName(state)); }
QString said(core::TicketState state) { return translated(core::zhName(state)); }
QString said(core::PriorityClass priority) { return translated(core::zhName(priority)); }
QString said(core::Rating rating) { return translated(core::zhName(rating)); }
QString said(core::WindowKind kind) { return translated(core::zhName(kind)); }

}  // namespace jiujin::console
