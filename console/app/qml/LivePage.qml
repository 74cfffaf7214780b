import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: live
    required property var monitor

    GridLayout {
        anchors.fill: parent
        columns: 2
        rowSpacing: 10
        columnSpacing: 10

        // Every window as a compact tile, as many columns as fit: a township's 12 and a
        // district hall's 30+ at 1280×800 (scrolling) and at 1920×1080 (all at once).
        Panel {
            title: qsTr("窗口（%1）").arg(live.monitor.windows.count)
            Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 3
            GridView {
                id: windowGrid
                objectName: "windowGrid"
                anchors.fill: parent
                clip: true
                readonly property int columns: Math.max(1, Math.floor(width / 215))
                cellWidth: Math.floor(width / columns)
                cellHeight: 80
                model: live.monitor.windows
                ScrollBar.vertical: ScrollBar { policy: windowGrid.contentHeight > windowGrid.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }
                // Three lines a window: number, state and time; its name; clerk, ticket and 开窗/关窗.
                delegate: Item {
                    required property var model
                    width: windowGrid.cellWidth
                    height: windowGrid.cellHeight
                    Rectangle {
                        anchors.fill: parent
                        anchors.margins: 3
                        radius: 4
                        color: "#f6f8fa"
                        border.color: Theme.stateColors[model.stateCode] ?? Theme.line
                        ColumnLayout {
                            anchors.fill: parent
                            anchors.margins: 5
                            spacing: 1
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Text { text: qsTr("%1号").arg(model.number); font.family: Theme.font; font.pixelSize: 17; font.bold: true; color: Theme.ink }
                                Rectangle { radius: 3; color: Theme.stateColors[model.stateCode] ?? Theme.muted
                                            Layout.preferredWidth: stateText.implicitWidth + 10; Layout.preferredHeight: 20
                                            Text { id: stateText; anchors.centerIn: parent; text: model.state; font.family: Theme.font; font.pixelSize: 13; color: "white" } }
                                Item { Layout.fillWidth: true }
                                Text { text: model.duration; font.family: Theme.font; font.pixelSize: 13; color: Theme.muted }
                            }
                            Text { text: model.name; font.family: Theme.font; font.pixelSize: 13; color: Theme.muted; Layout.fillWidth: true }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Text { text: model.clerk || "—"; font.family: Theme.font; font.pixelSize: 14; color: Theme.ink }
                                Text { text: model.ticket; font.family: Theme.font; font.pixelSize: 15; font.bold: true; color: Theme.accent }
                                Item { Layout.fillWidth: true }
                                Button {
                                    text: model.closed ? qsTr("开窗") : qsTr("关窗")
                                    font.family: Theme.font; font.pixelSize: Theme.body
                                    implicitHeight: 26
                                    topPadding: 2; bottomPadding: 2
                                    enabled: !model.closed || model.canOpen
                                    ToolTip.visible: hovered && model.openRefusal.length > 0
                                    ToolTip.text: model.openRefusal
                                    onClicked: model.closed ? live.monitor.openWindow(model.number) : live.monitor.closeWindow(model.number)
                                }
                            }
                        }
                    }
                }
            }
        }

        Panel {
            title: qsTr("告警")
            Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 2
            ColumnLayout {
                anchors.fill: parent
                spacing: 6
                // Filter by family (回访, 等候, 设备…) and acknowledge what the filter shows; out of
                // the way while a 回访 is written, so the list keeps its room below the form.
                RowLayout {
                    Layout.fillWidth: true
                    visible: live.monitor.followUpAlarm === 0
                    spacing: 4
                    Flow {
                        Layout.fillWidth: true
                        spacing: 4
                        Repeater {
                            model: live.monitor.alarmFamilies
                            delegate: Button {
                                required property var model
                                objectName: "alarmFilter_" + (model.key || "all")
                                text: model.label
                                font.family: Theme.font; font.pixelSize: Theme.body
                                highlighted: live.monitor.alarmFilter === model.key
                                onClicked: live.monitor.alarmFilter = model.key
                            }
                        }
                    }
                    Button {
                        objectName: "acknowledgeShown"
                        text: qsTr("全部确认")
                        font.family: Theme.font; font.pixelSize: Theme.body
                        enabled: live.monitor.shownUnacknowledged > 0
                        onClicked: live.monitor.acknowledgeShown()
                    }
                }
                // 回访: what the manager did about a bad rating, recorded by the dispatcher. Written
                // here, above the list (which stays in view), not in a dialog over it.
                Rectangle {
                    objectName: "followUpForm"
                    visible: live.monitor.followUpAlarm > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: followUpColumn.implicitHeight + 16
                    radius: 4
                    color: "#fff8e6"
                    border.color: Theme.warn
                    ColumnLayout {
                        id: followUpColumn
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 8 }
                        spacing: 6
                        Text {
                            text: qsTr("办结回访：%1").arg(live.monitor.followUpText)
                            font.family: Theme.font; font.pixelSize: 16; font.bold: true; color: Theme.ink
                            Layout.fillWidth: true; wrapMode: Text.Wrap
                        }
                        ScrollView {
                            Layout.fillWidth: true
                            Layout.preferredHeight: 76
                            TextArea {
                                id: noteArea
                                objectName: "followUpNote"
                                placeholderText: qsTr("回访情况，如：已电话回访，居民表示理解")
                                font.family: Theme.font
                                font.pixelSize: 16
                                wrapMode: TextEdit.Wrap
                                background: Rectangle { color: Theme.panel; border.color: Theme.line; radius: 3 }
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            Item { Layout.fillWidth: true }
                            Button {
                                objectName: "followUpDone"
                                text: qsTr("办结回访")
                                font.family: Theme.font; font.pixelSize: Theme.body
                                enabled: noteArea.text.trim().length > 0
                                onClicked: live.monitor.closeFollowUp(live.monitor.followUpAlarm, noteArea.text)
                            }
                            Button {
                                text: qsTr("取消")
                                font.family: Theme.font; font.pixelSize: Theme.body
                                onClicked: live.monitor.cancelFollowUp()
                            }
                        }
                    }
                    // A new follow-up starts with an empty note.
                    Connections {
                        target: live.monitor
                        function onFollowUpChanged() { noteArea.text = "" }
                    }
                }
                ListView {
                    Layout.fillWidth: true; Layout.fillHeight: true
                    clip: true
                    spacing: 6
                    model: live.monitor.alarms
                    ScrollBar.vertical: ScrollBar {}
                    delegate: Rectangle {
                        id: alarm
                        required property var model
                        property bool expanded: false
                        width: ListView.view.width
                        height: alarmColumn.implicitHeight + 8
                        radius: 4
                        color: model.acknowledged ? "transparent" : "#fdf3f2"
                        ColumnLayout {
                            id: alarmColumn
                            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 4 }
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                Text { text: alarm.model.at; font.family: Theme.font; font.pixelSize: 14; color: Theme.muted; Layout.alignment: Qt.AlignTop }
                                Text {
                                    text: alarm.model.title
                                    font.family: Theme.font; font.pixelSize: 15
                                    color: alarm.model.acknowledged ? Theme.muted : Theme.bad
                                    Layout.fillWidth: true; wrapMode: Text.Wrap
                                }
                                Button {
                                    text: alarm.expanded ? qsTr("收起") : qsTr("详情")
                                    font.family: Theme.font; font.pixelSize: Theme.body; flat: true
                                    onClicked: alarm.expanded = !alarm.expanded
                                }
                                Button {
                                    visible: alarm.model.actionable && !alarm.model.acknowledged
                                    text: alarm.model.count > 1 ? qsTr("确认 %1 条").arg(alarm.model.count) : qsTr("确认")
                                    font.family: Theme.font; font.pixelSize: Theme.body
                                    onClicked: live.monitor.acknowledgeAlarms(alarm.model.ids)
                                }
                            }
                            Text {
                                visible: alarm.expanded
                                text: (alarm.model.count > 1 ? qsTr("共 %1 次，首次 %2，最近 %3").arg(alarm.model.count).arg(alarm.model.firstAt).arg(alarm.model.at) + "\n" : "")
                                      + alarm.model.details
                                font.family: Theme.font; font.pixelSize: 13; color: Theme.muted
                                Layout.fillWidth: true; wrapMode: Text.Wrap
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                visible: alarm.model.acknowledged || alarm.model.followUpOpen || alarm.model.followUpClosed
                                Text {
                                    visible: alarm.model.acknowledged
                                    text: qsTr("已确认 %1 %2").arg(alarm.model.acknowledgedAt).arg(alarm.model.acknowledgedBy)
                                    font.family: Theme.font; font.pixelSize: 13; color: Theme.muted
                                }
                                Text {
                                    visible: alarm.model.followUpOpen
                                    text: qsTr("回访待办结"); font.family: Theme.font; font.pixelSize: 13; font.bold: true; color: Theme.warn
                                }
                                Text {
                                    visible: alarm.model.followUpClosed
                                    text: qsTr("已回访：%1").arg(alarm.model.followUpNote)
                                    font.family: Theme.font; font.pixelSize: 13; color: Theme.good
                                    Layout.fillWidth: true; wrapMode: Text.Wrap
                                }
                                Item { Layout.fillWidth: !alarm.model.followUpClosed }
                                Button {
                                    visible: alarm.model.actionable && alarm.model.followUpOpen
                                    text: qsTr("办结回访"); font.family: Theme.font; font.pixelSize: Theme.body
                                    onClicked: live.monitor.beginFollowUp(alarm.model.alarmId, alarm.model.shownText)
                                }
                            }
                        }
                    }
                }
            }
        }

        Panel {
            title: qsTr("队列")
            Layout.fillWidth: true; Layout.preferredHeight: 220; Layout.preferredWidth: 3
            ListView {
                anchors.fill: parent
                clip: true
                model: live.monitor.queues
                // A Row, not a RowLayout: the titles' model is rebuilt on a language switch, and a
                // Repeater directly in a Quick Layout crashes on Qt 6.4 when its model changes.
                header: Row {
                    id: titles
                    width: ListView.view.width
                    spacing: 5  // a RowLayout's default: four equal columns, as the rows below
                    Repeater {
                        model: [qsTr("队列"), qsTr("等候"), qsTr("最久等候"), qsTr("预计等候")]
                        Text { required property string modelData; text: modelData; font.family: Theme.font; font.pixelSize: 14; color: Theme.muted
                               width: (titles.width - 3 * titles.spacing) / 4 }
                    }
                }
                delegate: Rectangle {
                    required property var model
                    width: ListView.view.width
                    height: 36
                    color: model.overTarget ? "#fdecea" : "transparent"
                    RowLayout {
                        anchors.fill: parent
                        Text { text: model.prefix + " " + model.name; font.family: Theme.font; font.pixelSize: 18; color: Theme.ink; Layout.preferredWidth: 1; Layout.fillWidth: true }
                        Text { text: qsTr("%1 人").arg(model.waiting); font.family: Theme.font; font.pixelSize: 18; color: Theme.ink; Layout.preferredWidth: 1; Layout.fillWidth: true }
                        Text { text: model.oldestWait; font.family: Theme.font; font.pixelSize: 18; color: model.overTarget ? Theme.bad : Theme.ink; Layout.preferredWidth: 1; Layout.fillWidth: true }
                        Text { text: model.estimatedWait; font.family: Theme.font; font.pixelSize: 18; color: Theme.ink; Layout.preferredWidth: 1; Layout.fillWidth: true }
                    }
                }
            }
        }

        Panel {
            title: qsTr("设备")
            Layout.fillWidth: true; Layout.preferredHeight: 220; Layout.preferredWidth: 2
            ListView {
                anchors.fill: parent
                clip: true
                model: live.monitor.devices
                delegate: RowLayout {
                    required property var model
                    width: ListView.view.width
                    Rectangle { width: 12; height: 12; radius: 6; color: model.online ? Theme.good : Theme.bad }
                    Text { text: model.label; font.family: Theme.font; font.pixelSize: 16; color: Theme.ink; Layout.preferredWidth: 170; wrapMode: Text.Wrap }
                    Text { text: model.statusText; font.family: Theme.font; font.pixelSize: 16; color: Theme.muted; Layout.preferredWidth: 80 }
                    Text { text: qsTr("故障 %1 次").arg(model.faults); font.family: Theme.font; font.pixelSize: 16; color: Theme.muted; Layout.fillWidth: true }
                }
            }
        }

        RowLayout {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            spacing: 8
            SpinBox { id: windowBox; from: 1; to: 99; value: 1; font.family: Theme.font
                      onValueModified: live.monitor.chooseQueuesOf(value) }
            // The hall's queues by name, ticked as the window serves them now.
            // A positioner holds the Repeater: on Qt 6.4 a Repeater directly inside a Quick Layout whose
            // model changes leaves the layout a freed delegate, and the next relayout crashes.
            // A Flow that wraps in the width left over, so a district's nine queues never push
            // the page wider than a 1280 px screen.
            Flow {
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                Layout.preferredWidth: 0
                Layout.preferredHeight: implicitHeight
                Repeater {
                    model: live.monitor.queueChoices
                    delegate: CheckBox {
                        required property var model
                        text: model.label
                        checked: model.checked
                        font.family: Theme.font; font.pixelSize: Theme.body
                        onToggled: model.checked = checked
                    }
                }
            }
            Button { text: qsTr("设置队列"); font.family: Theme.font; font.pixelSize: Theme.body
                     onClicked: live.monitor.applyQueueChoices(windowBox.value) }
            TextField { id: pinField; placeholderText: qsTr("号码，如 A012"); font.family: Theme.font; Layout.preferredWidth: 130 }
            Button { text: qsTr("指定下一位"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: live.monitor.pinTicket(windowBox.value, pinField.text) }
        }
        RowLayout {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            spacing: 8
            TextField { id: noticeField; placeholderText: qsTr("公告内容"); font.family: Theme.font; Layout.fillWidth: true }
            Button { text: qsTr("发布公告"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: live.monitor.broadcastNotice(noticeField.text) }
        }
    }
}
