import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The hall manager's monitor: the live hall and the figures of a period.
Item {
    id: page
    required property var monitor
    property alias currentTab: tabs.currentIndex

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            Text { text: page.monitor.hallName + qsTr(" · 大厅监控"); font.family: Theme.font; font.pixelSize: 26; font.bold: true; color: Theme.ink }
            Item { Layout.fillWidth: true }
            Text { text: page.monitor.printerText; font.family: Theme.font; font.pixelSize: 18
                   color: page.monitor.printerOk ? Theme.good : Theme.warn }
            Text { text: qsTr("未确认告警 %1").arg(page.monitor.unacknowledged); font.family: Theme.font; font.pixelSize: 18
                   color: page.monitor.unacknowledged > 0 ? Theme.bad : Theme.muted }
            Text { text: qsTr("待回访 %1").arg(page.monitor.openFollowUps); font.family: Theme.font; font.pixelSize: 18
                   color: page.monitor.openFollowUps > 0 ? Theme.warn : Theme.muted }
            Text { text: page.monitor.online ? qsTr("已连接") : qsTr("未连接调度服务"); font.family: Theme.font; font.pixelSize: 18
                   color: page.monitor.online ? Theme.good : Theme.bad }
        }
        RefusalBanner { Layout.fillWidth: true; text: page.monitor.refusal; onDismissed: page.monitor.clearRefusal() }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            font.family: Theme.font
            font.pixelSize: 18
            TabButton { text: qsTr("实时") }
            TabButton { text: qsTr("统计与考核") }
            TabButton { text: qsTr("办件台账") }
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            LivePage { monitor: page.monitor }
            FiguresPage { monitor: page.monitor }
            CasesPage { ledger: page.monitor.cases }
        }
    }
}
