import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// 办件进度 for the back office: a case found by its number (typed, or scanned off the receipt:
// scanners type it and press Enter), advanced to 办理中, decided, made ready here.
Item {
    id: progress
    required property var cases

    component Step: Button {
        font.family: Theme.font; font.pixelSize: 19
        Layout.fillWidth: true
        Layout.preferredHeight: 52
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Text { text: qsTr("办件编号"); font.family: Theme.font; font.pixelSize: 19; color: Theme.ink }
            TextField {
                id: number
                objectName: "caseNumber"
                Layout.fillWidth: true
                placeholderText: qsTr("输入或扫描回执上的办件编号")
                font.family: Theme.font; font.pixelSize: 20
                onAccepted: progress.cases.lookUp(text)
            }
            Button { text: qsTr("查询"); font.family: Theme.font; font.pixelSize: 19; onClicked: progress.cases.lookUp(number.text) }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            Panel {
                title: qsTr("办件")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                CaseSummary {
                    anchors.left: parent.left; anchors.right: parent.right
                    visible: (progress.cases.lookedUp.number ?? "").length > 0
                    info: progress.cases.lookedUp
                }
                Text {
                    anchors.centerIn: parent
                    visible: (progress.cases.lookedUp.number ?? "").length === 0
                    text: qsTr("输入办件编号后查询")
                    font.family: Theme.font; font.pixelSize: 20; color: Theme.muted
                }
            }
            Panel {
                title: qsTr("办理进度")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    Step { text: qsTr("开始办理（办理中）"); enabled: progress.cases.canStartProcessing; onClicked: progress.cases.startProcessing() }
                    Step { text: qsTr("办结：准予"); enabled: progress.cases.canDecide; onClicked: progress.cases.decide("approved", "") }
                    Step { text: qsTr("办结：不予（写明理由）"); enabled: progress.cases.canDecide; onClicked: refuseDialog.open() }
                    Step { text: qsTr("转入待领取（本窗口出件）"); enabled: progress.cases.canMarkReady; onClicked: progress.cases.markReady() }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }

    Dialog {
        id: refuseDialog
        anchors.centerIn: parent
        width: 560
        modal: true
        title: qsTr("不予办理：写明理由")
        font.family: Theme.font
        standardButtons: Dialog.Ok | Dialog.Cancel
        TextArea {
            id: refuseReason
            anchors.left: parent.left; anchors.right: parent.right
            height: 110
            wrapMode: TextEdit.Wrap
            font.family: Theme.font; font.pixelSize: 18
        }
        onAccepted: { progress.cases.decide("refused", refuseReason.text); refuseReason.text = "" }
    }
}
