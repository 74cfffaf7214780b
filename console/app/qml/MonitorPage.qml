import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window

// The hall manager's monitor: the live hall, the figures of a period, the case register and
// today's bookings.
Item {
    id: page
    required property var monitor
    property alias currentTab: tabs.currentIndex

    // The chosen tab stands out (the Basic style's own mark is too faint to see).
    component MonitorTab: TabButton {
        id: tab
        font.family: Theme.font
        font.pixelSize: 18
        contentItem: Text { text: tab.text; font: tab.font; horizontalAlignment: Text.AlignHCenter
                            color: tab.checked ? "white" : Theme.ink }
        background: Rectangle { color: tab.checked ? Theme.accent : Theme.panel; border.color: Theme.line; radius: 4 }
    }

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
            Text { visible: page.monitor.managerName.length > 0; text: qsTr("管理员：%1").arg(page.monitor.managerName)
                   font.family: Theme.font; font.pixelSize: 18; color: Theme.ink }
            Button { visible: page.monitor.managerName.length > 0; text: qsTr("退出"); font.family: Theme.font; font.pixelSize: Theme.body
                     onClicked: page.monitor.logout() }
            Button {
                objectName: "fullscreenToggle"
                text: page.Window.window && page.Window.window.visibility === Window.FullScreen ? qsTr("退出全屏") : qsTr("全屏")
                font.family: Theme.font; font.pixelSize: Theme.body
                onClicked: {
                    const w = page.Window.window
                    if (w.visibility === Window.FullScreen) w.showNormal(); else w.showFullScreen()
                }
            }
        }
        RefusalBanner { Layout.fillWidth: true; text: page.monitor.refusal; onDismissed: page.monitor.clearRefusal() }
        TabBar {
            id: tabs
            visible: !page.monitor.loginRequired
            Layout.fillWidth: true
            font.family: Theme.font
            font.pixelSize: 18
            MonitorTab { text: qsTr("实时") }
            MonitorTab { text: qsTr("统计与考核") }
            MonitorTab { text: qsTr("办件台账") }
            MonitorTab { text: qsTr("预约") }
        }
        // 管理员登录: what the monitor does is recorded as this person's (manager_login).
        Item {
            visible: page.monitor.loginRequired
            Layout.fillWidth: true
            Layout.fillHeight: true
            Panel {
                title: qsTr("管理员登录")
                anchors.centerIn: parent
                width: 460; height: 300
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 12
                    Text { text: qsTr("告警确认、公告和窗口设置将记录为登录的管理员所做。"); font.family: Theme.font; font.pixelSize: 16
                           color: Theme.muted; Layout.fillWidth: true; wrapMode: Text.Wrap }
                    TextField { id: managerField; objectName: "managerId"; placeholderText: qsTr("工号"); font.family: Theme.font; font.pixelSize: 20; Layout.fillWidth: true }
                    TextField { id: managerPin; objectName: "managerPin"; placeholderText: qsTr("密码"); echoMode: TextInput.Password
                                font.family: Theme.font; font.pixelSize: 20; Layout.fillWidth: true
                                onAccepted: page.monitor.login(managerField.text, text) }
                    Button { text: page.monitor.loggingIn ? qsTr("正在核对…") : qsTr("登录"); enabled: !page.monitor.loggingIn
                             font.family: Theme.font; font.pixelSize: 20; Layout.fillWidth: true
                             onClicked: { page.monitor.login(managerField.text, managerPin.text); managerPin.text = "" } }
                }
            }
        }
        StackLayout {
            visible: !page.monitor.loginRequired
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            LivePage { monitor: page.monitor }
            FiguresPage { monitor: page.monitor }
            CasesPage { ledger: page.monitor.cases }
            BookingsPage { bookings: page.monitor.bookings }
        }
    }
}
