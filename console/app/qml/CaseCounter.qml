import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The counter's case (CaseDesk): 办件受理 or 代办登记 with the materials and the applicant,
// the case registered here, or 统一出件 of the ticket's case. Bindings and intents only.
Item {
    id: counter
    required property var cases

    component Choice: Button {
        property bool chosen
        font.family: Theme.font
        font.pixelSize: 17
        Layout.preferredHeight: 38
        Layout.preferredWidth: 100
        palette.button: chosen ? Theme.accent : "#e4e9ef"
        palette.buttonText: chosen ? "white" : Theme.ink
    }
    component CaseAction: Button {
        font.family: Theme.font
        font.pixelSize: 19
        Layout.preferredHeight: 52
        Layout.fillWidth: true
    }
    component FieldLabel: Text { font.family: Theme.font; font.pixelSize: 17; color: Theme.muted }

    // Nothing at the counter: what to do.
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width * 0.8
        visible: counter.cases.mode === "none"
        spacing: 16
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: counter.cases.counterHint
            font.family: Theme.font; font.pixelSize: 22; color: Theme.muted; wrapMode: Text.Wrap
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            visible: counter.cases.agentClerk
            text: qsTr("代办登记")
            font.family: Theme.font; font.pixelSize: 20
            onClicked: counter.cases.agentMode = true
        }
    }

    // 办件受理 / 代办登记
    RowLayout {
        anchors.fill: parent
        visible: counter.cases.mode === "acceptance" || counter.cases.mode === "agent"
        spacing: 12

        Panel {
            title: qsTr("申请材料（一次性告知）")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            ColumnLayout {
                anchors.fill: parent
                spacing: 8
                RowLayout {
                    Layout.fillWidth: true
                    visible: counter.cases.mode === "agent"
                    FieldLabel { text: qsTr("事项") }
                    ComboBox {
                        objectName: "agentItem"
                        Layout.fillWidth: true
                        model: counter.cases.itemChoices
                        textRole: "label"
                        currentIndex: counter.cases.itemIndex
                        font.family: Theme.font; font.pixelSize: 17
                        onActivated: function (index) { counter.cases.itemIndex = index }
                    }
                    Button {
                        text: qsTr("返回")
                        font.family: Theme.font; font.pixelSize: 17
                        onClicked: counter.cases.agentMode = false
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: counter.cases.itemName + "  ·  " + counter.cases.itemTerms
                    font.family: Theme.font; font.pixelSize: 20; font.bold: true; color: Theme.ink; wrapMode: Text.Wrap
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: counter.cases.materials
                    delegate: Rectangle {
                        required property var model
                        required property int index
                        width: ListView.view.width
                        height: Math.max(46, materialName.implicitHeight + 10)
                        radius: 4
                        color: model.status === "missing" ? "#fdecea" : model.status === "" ? "#fff8e6" : "#f6f8fa"
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 8
                            anchors.rightMargin: 6
                            spacing: 6
                            Text {
                                id: materialName
                                Layout.fillWidth: true
                                text: (index + 1) + ". " + model.material
                                font.family: Theme.font; font.pixelSize: 18; color: Theme.ink; wrapMode: Text.Wrap
                            }
                            Choice { text: qsTr("已收"); chosen: model.status === "received"; onClicked: counter.cases.markMaterial(index, "received") }
                            Choice { text: qsTr("缺"); chosen: model.status === "missing"; onClicked: counter.cases.markMaterial(index, "missing") }
                            Choice { text: qsTr("不适用"); chosen: model.status === "not_applicable"; onClicked: counter.cases.markMaterial(index, "not_applicable") }
                        }
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: counter.cases.materialsSummary
                    font.family: Theme.font; font.pixelSize: 18; wrapMode: Text.Wrap
                    color: counter.cases.unmarkedCount > 0 ? Theme.warn : counter.cases.missingCount > 0 ? Theme.bad : Theme.good
                }
            }
        }

        Panel {
            title: counter.cases.mode === "agent" ? qsTr("便民服务事项登记表") : qsTr("申请人")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            ColumnLayout {
                anchors.fill: parent
                spacing: 6
                FieldLabel { text: qsTr("姓名") }
                TextField {
                    objectName: "applicantName"
                    Layout.fillWidth: true
                    text: counter.cases.applicantName
                    font.family: Theme.font; font.pixelSize: 19
                    onTextEdited: counter.cases.applicantName = text
                }
                FieldLabel { text: qsTr("证件号码") }
                // Masked on screen, whole while the clerk types or checks it (核对).
                TextField {
                    Layout.fillWidth: true
                    text: activeFocus || counter.cases.checkingPersonal ? counter.cases.idNumber : counter.cases.idNumberShown
                    font.family: Theme.font; font.pixelSize: 19
                    onTextEdited: counter.cases.idNumber = text
                }
                FieldLabel { text: qsTr("联系电话") }
                TextField {
                    Layout.fillWidth: true
                    text: activeFocus || counter.cases.checkingPersonal ? counter.cases.phone : counter.cases.phoneShown
                    font.family: Theme.font; font.pixelSize: 19
                    onTextEdited: counter.cases.phone = text
                }
                CheckBox {
                    text: qsTr("核对证件号码和电话（显示全部）")
                    checked: counter.cases.checkingPersonal
                    font.family: Theme.font; font.pixelSize: 16
                    onToggled: counter.cases.checkingPersonal = checked
                }
                FieldLabel { text: qsTr("群众诉求"); visible: counter.cases.mode === "agent" }
                TextArea {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 64
                    visible: counter.cases.mode === "agent"
                    text: counter.cases.request
                    placeholderText: qsTr("申请人要办的事")
                    wrapMode: TextEdit.Wrap
                    font.family: Theme.font; font.pixelSize: 17
                    onTextChanged: if (text !== counter.cases.request) counter.cases.request = text
                }
                Item { Layout.fillHeight: true }
                CaseAction { text: qsTr("受理并打印回执"); enabled: counter.cases.canAccept; highlighted: enabled; onClicked: counter.cases.accept() }
                RowLayout {
                    Layout.fillWidth: true
                    CaseAction { text: qsTr("一次性告知补正"); enabled: counter.cases.canRequestCorrection; onClicked: counter.cases.requestCorrection() }
                    CaseAction { text: qsTr("不予受理"); enabled: counter.cases.canReject; onClicked: rejectDialog.open() }
                }
            }
        }
    }

    // The case registered here, or the case the served ticket collects (统一出件).
    RowLayout {
        anchors.fill: parent
        visible: counter.cases.mode === "registered" || counter.cases.mode === "handover"
        spacing: 12
        Panel {
            title: counter.cases.counterTitle
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            ColumnLayout {
                anchors.fill: parent
                spacing: 10
                CaseSummary { Layout.fillWidth: true; info: counter.cases.shownCase }
                Text {
                    Layout.fillWidth: true
                    visible: counter.cases.mode === "handover"
                    text: counter.cases.shownCase.readiness ?? ""
                    font.family: Theme.font; font.pixelSize: 20; font.bold: true; wrapMode: Text.Wrap
                    color: counter.cases.shownCase.ready ? Theme.good : Theme.bad
                }
                Item { Layout.fillHeight: true }
            }
        }
        Panel {
            title: counter.cases.mode === "handover" ? qsTr("交付结果") : qsTr("办理")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            ColumnLayout {
                anchors.fill: parent
                spacing: 8
                Button {
                    Layout.fillWidth: true
                    text: qsTr("核对申请人身份（显示全部）")
                    font.family: Theme.font; font.pixelSize: 17
                    enabled: !(counter.cases.shownCase.checked ?? false)
                    onClicked: counter.cases.checkApplicant()
                }
                FieldLabel { text: qsTr("领取人"); visible: counter.cases.mode === "handover" }
                TextField {
                    id: collector
                    objectName: "collector"
                    Layout.fillWidth: true
                    visible: counter.cases.mode === "handover"
                    placeholderText: qsTr("领取人姓名（本人或受托人）")
                    font.family: Theme.font; font.pixelSize: 19
                }
                Item { Layout.fillHeight: true }
                CaseAction { text: qsTr("交付并登记领取人"); visible: counter.cases.mode === "handover"; highlighted: enabled
                         enabled: counter.cases.canHandOver; onClicked: { counter.cases.handOver(collector.text); collector.text = "" } }
                CaseAction { text: qsTr("当场办结（即办件）"); visible: counter.cases.mode === "registered" && counter.cases.canFinishOnSpot; highlighted: enabled
                          onClicked: counter.cases.finishOnSpot() }
                CaseAction { text: qsTr("再次打印"); visible: counter.cases.mode === "registered"; onClicked: counter.cases.printAgain() }
                CaseAction { text: qsTr("新的代办登记"); visible: counter.cases.mode === "registered" && counter.cases.agentMode; onClicked: counter.cases.startOver() }
            }
        }
    }

    Dialog {
        id: rejectDialog
        objectName: "rejectDialog"
        anchors.centerIn: parent
        width: 560
        modal: true
        title: qsTr("不予受理：写明理由（打印通知书）")
        font.family: Theme.font
        font.pixelSize: Theme.body
        footer: DialogButtons {}
        TextArea {
            id: rejectReason
            anchors.left: parent.left; anchors.right: parent.right
            height: 110
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("如：不属于本中心受理范围")
            font.family: Theme.font; font.pixelSize: 18
        }
        onAccepted: { counter.cases.reject(rejectReason.text); rejectReason.text = "" }
    }
}
