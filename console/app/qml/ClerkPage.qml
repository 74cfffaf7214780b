import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The clerk's console: bindings to the ClerkConsole model and its intents, nothing else.
Item {
    id: page
    required property var desk
    property alias currentTab: tabs.currentIndex

    Shortcut { sequence: "F1"; enabled: page.desk.canCall; onActivated: page.desk.callNext() }
    Shortcut { sequence: "F2"; enabled: page.desk.canRecall; onActivated: page.desk.recall() }
    Shortcut { sequence: "F3"; enabled: page.desk.canStart; onActivated: page.desk.start() }
    Shortcut { sequence: "F4"; enabled: page.desk.canComplete; onActivated: page.desk.complete() }
    Shortcut { sequence: "F5"; enabled: page.desk.canNoShow; onActivated: page.desk.markNoShow() }
    Shortcut { sequence: "F6"; enabled: page.desk.canTransfer; onActivated: transferDialog.open() }
    Shortcut { sequence: "F7"; enabled: page.desk.canPause || page.desk.canResume
               onActivated: page.desk.canResume ? page.desk.resume() : pauseDialog.open() }
    Shortcut { sequence: "F8"; enabled: page.desk.canRequestEvaluation; onActivated: page.desk.requestEvaluation() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        // The window's state, always visible.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 64
            radius: 6
            color: Theme.stateColors[page.desk.stateCode] ?? Theme.muted
            RowLayout {
                anchors.fill: parent
                anchors.margins: 12
                spacing: 24
                Text {
                    text: qsTr("%1号窗口 %2").arg(page.desk.window).arg(page.desk.windowName)
                    font.family: Theme.font; font.pixelSize: 26; font.bold: true; color: "white"
                }
                Text {
                    text: page.desk.stateText
                    font.family: Theme.font; font.pixelSize: 24; color: "white"
                }
                Item { Layout.fillWidth: true }
                Text {
                    text: page.desk.loggedIn ? qsTr("工作人员：%1").arg(page.desk.clerkName) : qsTr("未登录")
                    font.family: Theme.font; font.pixelSize: 20; color: "white"
                }
                Button {
                    visible: page.desk.loggedIn
                    text: qsTr("退出")
                    font.family: Theme.font; font.pixelSize: 18
                    onClicked: page.desk.logout()
                }
            }
        }

        Text {
            Layout.fillWidth: true
            visible: page.desk.notice.length > 0
            text: page.desk.notice
            font.family: Theme.font; font.pixelSize: 20; font.bold: true; color: Theme.good
        }
        RefusalBanner {
            Layout.fillWidth: true
            text: page.desk.refusal
            onDismissed: page.desk.clearRefusal()
        }
        RefusalBanner {
            Layout.fillWidth: true
            text: page.desk.cases.refusal
            onDismissed: page.desk.cases.clearRefusal()
        }
        Text {
            Layout.fillWidth: true
            visible: page.desk.cases.notice.length > 0
            text: page.desk.cases.notice
            font.family: Theme.font; font.pixelSize: 18; font.bold: true; color: Theme.good; wrapMode: Text.WrapAnywhere
        }

        TabBar {
            id: tabs
            Layout.fillWidth: true
            font.family: Theme.font
            font.pixelSize: 18
            TabButton { text: qsTr("叫号办理") }
            TabButton { text: page.desk.cases.counterTitle }
            TabButton { text: qsTr("办件进度") }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            RowLayout {
                spacing: 12

                Panel {
                    title: qsTr("当前办件")
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 3
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 8
                        visible: page.desk.hasTicket
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 20
                            Text { text: page.desk.ticketNumber; font.family: Theme.font; font.pixelSize: 64; font.bold: true; color: Theme.accent }
                            ColumnLayout {
                                Layout.fillWidth: true
                                // A long item name (困难残疾人生活补贴和重度残疾人护理补贴申请) wraps rather than lose its end.
                                Text { Layout.fillWidth: true; text: page.desk.ticketItem; font.family: Theme.font; font.pixelSize: 24; color: Theme.ink; wrapMode: Text.Wrap }
                                Text { Layout.fillWidth: true; text: page.desk.ticketState + "  " + page.desk.ticketPriority; font.family: Theme.font; font.pixelSize: 18; color: Theme.muted }
                                // Elided by design: two lines of the core's reason under the ticket, the whole
                                // of it in the tooltip (the screenshot test allows this text, and only this, to be cut).
                                Text {
                                    id: callReasonText
                                    objectName: "callReason"
                                    Layout.fillWidth: true
                                    visible: page.desk.callReason.length > 0
                                    text: qsTr("叫号原因：%1").arg(page.desk.callReason)
                                    font.family: Theme.font; font.pixelSize: 16; color: Theme.muted
                                    wrapMode: Text.Wrap; maximumLineCount: 2; elide: Text.ElideRight
                                    HoverHandler { id: callReasonHover }
                                    ToolTip.visible: callReasonHover.hovered && callReasonText.truncated
                                    ToolTip.text: callReasonText.text
                                    ToolTip.delay: 300
                                }
                            }
                            ColumnLayout {
                                Text { text: qsTr("已用时"); font.family: Theme.font; font.pixelSize: 16; color: Theme.muted }
                                Text { text: page.desk.elapsed; font.family: Theme.font; font.pixelSize: 34; font.bold: true; color: Theme.ink }
                            }
                        }
                        Button {
                            text: page.desk.cases.mode === "handover" ? qsTr("统一出件：交付办件结果") : qsTr("办件受理：核对材料")
                            font.family: Theme.font; font.pixelSize: 18
                            onClicked: tabs.currentIndex = 1
                        }
                        Text {
                            visible: page.desk.ticketHistory.length > 0
                            text: qsTr("转办经过")
                            font.family: Theme.font; font.pixelSize: 18; font.bold: true; color: Theme.ink
                        }
                        // A positioner holds the Repeater: on Qt 6.4 a Repeater directly inside a Quick Layout whose
                        // model changes leaves the layout a freed delegate, and the next relayout crashes.
                        Column {
                            Layout.fillWidth: true
                            Repeater {
                                model: page.desk.ticketHistory
                                Text { required property string modelData; text: modelData; font.family: Theme.font; font.pixelSize: 16; color: Theme.muted }
                            }
                        }
                        Item { Layout.fillHeight: true }
                    }
                    Text {
                        anchors.centerIn: parent
                        // Logged out, the login form over the page says it (请先登录) where it is read.
                        visible: !page.desk.hasTicket && page.desk.loggedIn
                        text: page.desk.idleHint
                        font.family: Theme.font; font.pixelSize: 24; color: Theme.muted
                    }
                }

                ColumnLayout {
                    Layout.fillHeight: true
                    Layout.preferredWidth: 2
                    Layout.fillWidth: true
                    spacing: 12
                    Panel {
                        title: qsTr("本窗口服务的队列")
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        ListView {
                            anchors.fill: parent
                            model: page.desk.queues
                            spacing: 6
                            delegate: RowLayout {
                                required property var model
                                width: ListView.view.width
                                Text { text: model.prefix + " " + model.name; font.family: Theme.font; font.pixelSize: 20; color: Theme.ink; Layout.fillWidth: true }
                                Text { text: qsTr("%1 人").arg(model.waiting); font.family: Theme.font; font.pixelSize: 20; color: Theme.ink }
                                Text {
                                    text: model.oldestWait
                                    font.family: Theme.font; font.pixelSize: 18
                                    color: model.overTarget ? Theme.bad : Theme.muted
                                }
                            }
                        }
                    }
                    // 过号重排: a late resident is back; the core says whether it is still possible.
                    Panel {
                        title: qsTr("过号（%1）").arg(page.desk.noShows.count)
                        visible: page.desk.noShows.count > 0
                        Layout.fillWidth: true
                        Layout.preferredHeight: 150
                        ListView {
                            anchors.fill: parent
                            clip: true
                            spacing: 4
                            model: page.desk.noShows
                            delegate: RowLayout {
                                required property var model
                                width: ListView.view.width
                                Text { text: model.number; font.family: Theme.font; font.pixelSize: 20; font.bold: true; color: Theme.ink }
                                Text { text: qsTr("%1 过号").arg(model.at); font.family: Theme.font; font.pixelSize: 16; color: Theme.muted
                                       Layout.fillWidth: true; elide: Text.ElideRight }
                                Button {
                                    objectName: "reactivate_" + model.number
                                    text: qsTr("过号重排"); font.family: Theme.font; font.pixelSize: 16
                                    enabled: model.canReactivate
                                    ToolTip.visible: hovered && model.refusal.length > 0
                                    ToolTip.text: model.refusal
                                    onClicked: page.desk.reactivate(model.ticket)
                                }
                            }
                        }
                    }
                    Panel {
                        title: qsTr("我的今日")
                        Layout.fillWidth: true
                        Layout.preferredHeight: 170
                        GridLayout {
                            anchors.fill: parent
                            columns: 2
                            Text { text: qsTr("办结"); font.family: Theme.font; font.pixelSize: 18; color: Theme.muted }
                            Text { text: qsTr("%1 件").arg(page.desk.servedToday); font.family: Theme.font; font.pixelSize: 20; color: Theme.ink }
                            Text { text: qsTr("平均办理"); font.family: Theme.font; font.pixelSize: 18; color: Theme.muted }
                            Text { text: page.desk.averageService; font.family: Theme.font; font.pixelSize: 20; color: Theme.ink }
                            Text { text: qsTr("评价"); font.family: Theme.font; font.pixelSize: 18; color: Theme.muted }
                            Text { text: page.desk.ratingsToday; font.family: Theme.font; font.pixelSize: 18; color: Theme.ink; Layout.fillWidth: true; elide: Text.ElideRight }
                        }
                    }
                }
            }

            CaseCounter { cases: page.desk.cases }
            CaseProgress { cases: page.desk.cases }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            KeypadButton { functionKey: "F1"; label: qsTr("呼叫下一位"); enabled: page.desk.canCall; onClicked: page.desk.callNext() }
            KeypadButton { functionKey: "F2"; label: qsTr("重呼"); enabled: page.desk.canRecall; onClicked: page.desk.recall() }
            KeypadButton { functionKey: "F3"; label: qsTr("开始办理"); enabled: page.desk.canStart; onClicked: page.desk.start() }
            KeypadButton { functionKey: "F4"; label: qsTr("办结"); enabled: page.desk.canComplete; onClicked: page.desk.complete() }
            KeypadButton { functionKey: "F5"; label: qsTr("未到"); enabled: page.desk.canNoShow; onClicked: page.desk.markNoShow() }
            KeypadButton { functionKey: "F6"; label: qsTr("转移"); enabled: page.desk.canTransfer; onClicked: transferDialog.open() }
            KeypadButton {
                functionKey: "F7"
                label: page.desk.canResume ? qsTr("恢复") : qsTr("暂停")
                enabled: page.desk.canPause || page.desk.canResume
                onClicked: page.desk.canResume ? page.desk.resume() : pauseDialog.open()
            }
            KeypadButton { functionKey: "F8"; label: qsTr("请求评价"); enabled: page.desk.canRequestEvaluation; onClicked: page.desk.requestEvaluation() }
        }
    }

    // Login: clerk id and PIN, over everything until a clerk is logged in.
    Rectangle {
        anchors.fill: parent
        visible: !page.desk.loggedIn
        color: "#cc1d2733"
        Rectangle {
            anchors.centerIn: parent
            width: 420; height: 330; radius: 8
            color: Theme.panel
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 24
                spacing: 12
                Text { text: qsTr("%1号窗口 工作人员登录").arg(page.desk.window); font.family: Theme.font; font.pixelSize: 24; font.bold: true; color: Theme.ink }
                TextField { id: clerkField; objectName: "clerkField"; placeholderText: qsTr("工号"); font.family: Theme.font; font.pixelSize: 20; Layout.fillWidth: true }
                TextField { id: pinField; objectName: "pinField"; placeholderText: qsTr("密码"); echoMode: TextInput.Password; font.family: Theme.font; font.pixelSize: 20; Layout.fillWidth: true
                            onAccepted: page.desk.login(clerkField.text, pinField.text) }
                Text { visible: page.desk.refusal.length > 0; text: page.desk.refusal; font.family: Theme.font; font.pixelSize: 18; color: Theme.bad }
                Button {
                    text: qsTr("登录")
                    font.family: Theme.font; font.pixelSize: 20
                    Layout.fillWidth: true
                    enabled: !page.desk.busy && page.desk.online
                    onClicked: { page.desk.login(clerkField.text, pinField.text); pinField.text = "" }
                }
                Text { visible: !page.desk.online; text: qsTr("未连接调度服务"); font.family: Theme.font; font.pixelSize: 16; color: Theme.warn }
            }
        }
    }

    // A session this console did not open (it started or restarted while the clerk stayed
    // logged in): that clerk's PIN before anything else; another clerk logs the session out.
    Rectangle {
        anchors.fill: parent
        visible: page.desk.needsConfirmation
        color: "#cc1d2733"
        Rectangle {
            anchors.centerIn: parent
            width: 460; height: 340; radius: 8
            color: Theme.panel
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 24
                spacing: 12
                Text { text: qsTr("%1号窗口 已由 %2 登录").arg(page.desk.window).arg(page.desk.clerkName); font.family: Theme.font; font.pixelSize: 24; font.bold: true; color: Theme.ink; Layout.fillWidth: true; wrapMode: Text.Wrap }
                Text { text: qsTr("请 %1 输入密码继续").arg(page.desk.clerkName); font.family: Theme.font; font.pixelSize: 20; color: Theme.ink; Layout.fillWidth: true; wrapMode: Text.Wrap }
                TextField { id: confirmPinField; objectName: "confirmPinField"; placeholderText: qsTr("密码"); echoMode: TextInput.Password; font.family: Theme.font; font.pixelSize: 20; Layout.fillWidth: true
                            onAccepted: { page.desk.confirm(text); text = "" } }
                Text { visible: page.desk.refusal.length > 0; text: page.desk.refusal; font.family: Theme.font; font.pixelSize: 18; color: Theme.bad; Layout.fillWidth: true; wrapMode: Text.Wrap }
                RowLayout {
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("继续")
                        font.family: Theme.font; font.pixelSize: 20
                        Layout.fillWidth: true
                        enabled: !page.desk.busy && page.desk.online
                        onClicked: { page.desk.confirm(confirmPinField.text); confirmPinField.text = "" }
                    }
                    Button {
                        text: qsTr("换人登录")
                        font.family: Theme.font; font.pixelSize: 20
                        enabled: !page.desk.busy && page.desk.online
                        onClicked: page.desk.logout()
                    }
                }
            }
        }
    }

    Dialog {
        id: transferDialog
        objectName: "transferDialog"
        anchors.centerIn: parent
        width: 520
        modal: true
        title: qsTr("转移办件")
        font.family: Theme.font
        font.pixelSize: Theme.body
        footer: DialogButtons {}
        ColumnLayout {
            anchors.fill: parent
            ComboBox { id: targetBox; Layout.fillWidth: true; model: page.desk.transferTargets; textRole: "label"; font.family: Theme.font }
            TextField { id: noteField; Layout.fillWidth: true; placeholderText: qsTr("备注（如：材料已收，待发证）"); font.family: Theme.font }
        }
        onAccepted: {
            page.desk.transfer(page.desk.transferTargets[targetBox.currentIndex].target, noteField.text)
            noteField.text = ""
        }
    }

    Dialog {
        id: pauseDialog
        objectName: "pauseDialog"
        anchors.centerIn: parent
        width: 420
        modal: true
        title: qsTr("暂停服务")
        font.family: Theme.font
        font.pixelSize: Theme.body
        footer: DialogButtons {}
        TextField { id: reasonField; anchors.left: parent.left; anchors.right: parent.right; placeholderText: qsTr("暂停原因（如：外出送件）"); font.family: Theme.font }
        onAccepted: { page.desk.pause(reasonField.text); reasonField.text = "" }
    }
}
