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
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    visible: (progress.cases.lookedUp.number ?? "").length > 0
                    CaseSummary { Layout.fillWidth: true; info: progress.cases.lookedUp }
                    // 补正 / 补交: the case's materials, each markable missing after all or brought.
                    Text {
                        Layout.fillWidth: true
                        visible: progress.cases.followUpKind.length > 0
                        text: progress.cases.followUpKind === "supply" ? qsTr("补交：标出申请人带来的材料")
                                                                       : qsTr("发现缺材料：标出所缺的材料后告知补正")
                        font.family: Theme.font; font.pixelSize: 17; font.bold: true; color: Theme.ink; wrapMode: Text.Wrap
                    }
                    ListView {
                        objectName: "followUp"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        visible: progress.cases.followUpKind.length > 0
                        clip: true
                        spacing: 4
                        model: progress.cases.followUp
                        delegate: Rectangle {
                            required property var model
                            required property int index
                            width: ListView.view.width
                            height: Math.max(44, followUpName.implicitHeight + 10)
                            radius: 4
                            color: model.status === "missing" ? "#fdecea" : "#f6f8fa"
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: 8
                                anchors.rightMargin: 6
                                spacing: 6
                                Text {
                                    id: followUpName
                                    Layout.fillWidth: true
                                    text: (index + 1) + ". " + model.material
                                    font.family: Theme.font; font.pixelSize: 17; color: Theme.ink; wrapMode: Text.Wrap
                                }
                                Text {
                                    text: model.statusText
                                    font.family: Theme.font; font.pixelSize: 16
                                    color: model.status === "missing" ? Theme.bad : Theme.muted
                                }
                                // A toggle drawn from the model (no control state of its own).
                                Button {
                                    visible: model.markable
                                    text: progress.cases.followUpKind === "supply" ? qsTr("已补交") : qsTr("缺")
                                    font.family: Theme.font; font.pixelSize: 16
                                    Layout.preferredHeight: 38
                                    Layout.preferredWidth: 110
                                    palette.button: !model.marked ? "#e4e9ef"
                                                    : progress.cases.followUpKind === "supply" ? Theme.good : Theme.bad
                                    palette.buttonText: model.marked ? "white" : Theme.ink
                                    onClicked: progress.cases.markFollowUp(index, !model.marked)
                                }
                            }
                        }
                    }
                    Item { Layout.fillHeight: true; visible: progress.cases.followUpKind.length === 0 }
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
                    Step { text: qsTr("一次性告知补正（打印清单）"); visible: progress.cases.followUpKind === "correction"
                           enabled: progress.cases.canAskCorrection; onClicked: correctionDialog.open() }
                    Step { text: qsTr("收下补交材料，继续办理"); visible: progress.cases.followUpKind === "supply"
                           enabled: progress.cases.canSupply; highlighted: enabled; onClicked: progress.cases.supplyMaterials() }
                    Item { Layout.fillHeight: true }
                }
            }
        }
    }

    Dialog {
        id: refuseDialog
        objectName: "refuseDialog"
        anchors.centerIn: parent
        width: 560
        modal: true
        title: qsTr("不予办理：写明理由")
        font.family: Theme.font
        font.pixelSize: Theme.body
        footer: DialogButtons {}
        TextArea {
            id: refuseReason
            anchors.left: parent.left; anchors.right: parent.right
            height: 110
            wrapMode: TextEdit.Wrap
            font.family: Theme.font; font.pixelSize: 18
        }
        onAccepted: { progress.cases.decide("refused", refuseReason.text); refuseReason.text = "" }
    }

    Dialog {
        id: correctionDialog
        objectName: "correctionDialog"
        anchors.centerIn: parent
        width: 560
        modal: true
        title: qsTr("补正：所缺材料 %1 项（可加说明）").arg(progress.cases.followUpMarked)
        font.family: Theme.font
        font.pixelSize: Theme.body
        footer: DialogButtons {}
        TextArea {
            id: correctionNote
            anchors.left: parent.left; anchors.right: parent.right
            height: 110
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("如：户口簿须为原件")
            font.family: Theme.font; font.pixelSize: 18
        }
        onAccepted: { progress.cases.askCorrection(correctionNote.text); correctionNote.text = "" }
    }
}
