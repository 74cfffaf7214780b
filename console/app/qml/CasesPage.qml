import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// 办件台账: the case register filtered by state, item, clerk and promised date, the due-soon
// and overdue cases marked, and the on-time rate (限时办结) per item, window and clerk.
Item {
    id: ledgerPage
    required property var ledger

    component Cell: Text { font.family: Theme.font; font.pixelSize: 16; color: Theme.ink; wrapMode: Text.Wrap }
    component Head: Text { font.family: Theme.font; font.pixelSize: 15; font.bold: true; color: Theme.muted }
    component Filter: ComboBox {
        textRole: "label"
        valueRole: "value"
        font.family: Theme.font
        font.pixelSize: 16
        Layout.preferredWidth: 190
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Filter { objectName: "stateFilter"; model: ledgerPage.ledger.stateChoices; onActivated: ledgerPage.ledger.state = currentValue }
            Filter { objectName: "itemFilter"; model: ledgerPage.ledger.itemChoices; Layout.preferredWidth: 260; onActivated: ledgerPage.ledger.item = currentValue }
            Filter { objectName: "clerkFilter"; model: ledgerPage.ledger.clerkChoices; Layout.preferredWidth: 140; onActivated: ledgerPage.ledger.clerk = currentValue }
            TextField {
                Layout.preferredWidth: 280
                placeholderText: qsTr("承诺日期早于 YYYY-MM-DD")
                text: ledgerPage.ledger.dueBefore
                font.family: Theme.font; font.pixelSize: 16
                onAccepted: ledgerPage.ledger.dueBefore = text
            }
            Button { text: qsTr("刷新"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: ledgerPage.ledger.reload() }
            Item { Layout.fillWidth: true }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 20
            Text { text: ledgerPage.ledger.summary; font.family: Theme.font; font.pixelSize: 18; color: Theme.ink }
            Text { text: qsTr("即将到期 %1").arg(ledgerPage.ledger.dueSoon); font.family: Theme.font; font.pixelSize: 18
                   color: ledgerPage.ledger.dueSoon > 0 ? Theme.warn : Theme.muted }
            Text { text: qsTr("已超期 %1").arg(ledgerPage.ledger.overdue); font.family: Theme.font; font.pixelSize: 18
                   color: ledgerPage.ledger.overdue > 0 ? Theme.bad : Theme.muted }
            Item { Layout.fillWidth: true }
            // 翻页: the filters stay; the dispatcher's cursor walks the whole register.
            Button { objectName: "previousPage"; text: qsTr("上一页"); font.family: Theme.font; font.pixelSize: Theme.body
                     enabled: ledgerPage.ledger.canPreviousPage; onClicked: ledgerPage.ledger.previousPage() }
            Text { text: qsTr("第 %1/%2 页").arg(ledgerPage.ledger.page).arg(ledgerPage.ledger.pages)
                   font.family: Theme.font; font.pixelSize: 16; color: Theme.ink }
            Button { objectName: "nextPage"; text: qsTr("下一页"); font.family: Theme.font; font.pixelSize: Theme.body
                     enabled: ledgerPage.ledger.canNextPage; onClicked: ledgerPage.ledger.nextPage() }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10
            Panel {
                title: qsTr("办件台账")
                Layout.fillWidth: true
                Layout.fillHeight: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: 6
                        Layout.rightMargin: 6
                        spacing: 8
                        Head { text: qsTr("办件编号"); Layout.preferredWidth: 215 }
                        Head { text: qsTr("事项"); Layout.fillWidth: true }
                        Head { text: qsTr("申请人"); Layout.preferredWidth: 76 }
                        Head { text: qsTr("状态"); Layout.preferredWidth: 96 }
                        Head { text: qsTr("受理人"); Layout.preferredWidth: 56 }
                        Head { text: qsTr("承诺日期"); Layout.preferredWidth: 96 }
                        Head { text: qsTr("提醒"); Layout.preferredWidth: 72 }
                    }
                    ListView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 4
                        model: ledgerPage.ledger.cases
                        delegate: Rectangle {
                            required property var model
                            width: ListView.view.width
                            height: Math.max(40, itemCell.implicitHeight + 12)
                            radius: 4
                            color: model.overdue ? "#fdecea" : model.dueSoon ? "#fff3e0" : "#f6f8fa"
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: 6
                                anchors.rightMargin: 6
                                spacing: 8
                                Cell { text: model.number; Layout.preferredWidth: 215; font.pixelSize: 15; color: Theme.accent }
                                Cell { id: itemCell; text: model.itemName; Layout.fillWidth: true }
                                Cell { text: model.applicant; Layout.preferredWidth: 76 }
                                Cell { text: model.stateText; Layout.preferredWidth: 96 }
                                Cell { text: model.clerk; Layout.preferredWidth: 56 }
                                Cell { text: model.dueDate; Layout.preferredWidth: 96; font.pixelSize: 15 }
                                Cell { text: model.alarm; Layout.preferredWidth: 72; font.bold: true
                                       color: model.overdue ? Theme.bad : Theme.warn }
                            }
                        }
                    }
                }
            }
            Panel {
                title: qsTr("限时办结率")
                Layout.fillHeight: true
                Layout.preferredWidth: 300
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4
                    Text { text: qsTr("全部 %1").arg(ledgerPage.ledger.onTimeRate); font.family: Theme.font; font.pixelSize: 20; font.bold: true; color: Theme.ink }
                    Text { text: qsTr("按统计与考核所选时段"); font.family: Theme.font; font.pixelSize: 14; color: Theme.muted }
                    ListView {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: ledgerPage.ledger.onTime
                        delegate: RowLayout {
                            required property var model
                            width: ListView.view.width
                            spacing: 6
                            Cell { text: model.group; Layout.preferredWidth: 58; color: Theme.muted; font.pixelSize: 14 }
                            Cell { text: model.name; Layout.fillWidth: true; font.pixelSize: 15 }
                            Cell { text: qsTr("%1/%2").arg(model.onTime).arg(model.decided); Layout.preferredWidth: 40; font.pixelSize: 15 }
                            Cell { text: model.rate; Layout.preferredWidth: 56; font.pixelSize: 15; font.bold: true }
                        }
                    }
                }
            }
        }
    }
}
