import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Jiujin.KioskModel

// 领取办件结果: the resident scans the receipt's QR code (the scanner types the number and
// Enter into the focused field) or keys the number; the model looks the case up and either
// issues a ticket for the issuing window or says why not, with the promised date.
Item {
    id: page
    required property KioskModel kiosk
    property bool landscape: false
    readonly property CaseCollection collection: kiosk.collection

    onVisibleChanged: if (visible) numberField.forceActiveFocus()

    BackButton { onClicked: page.kiosk.back() }

    BigButton {
        objectName: "lookUpButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        width: parent.width - 2 * Theme.margin - Theme.backWidth - Theme.gap
        height: Theme.buttonHeight
        text: qsTr("查询")
        fill: Theme.go
        enabled: numberField.text.trim() !== "" && page.collection.state !== CaseCollection.Looking
        onClicked: {
            page.collection.submit(numberField.text)
            numberField.text = ""
            numberField.forceActiveFocus()
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        spacing: 32

        Text {
            Layout.fillWidth: true
            text: qsTr("领取办件结果")
            color: Theme.ink
            font.family: Theme.fontFamily
            font.pixelSize: Theme.title
            font.bold: true
        }

        TextField {
            id: numberField
            objectName: "caseNumberField"
            Layout.fillWidth: true
            Layout.preferredHeight: 110
            focus: true
            font.family: Theme.fontFamily
            font.pixelSize: Theme.large
            placeholderText: qsTr("扫码或输入办件编号")
            placeholderTextColor: Theme.mutedInk
            color: Theme.ink
            leftPadding: 28
            inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: numberField.activeFocus ? Theme.brand : Theme.line
                border.width: 3
            }
            onAccepted: {
                page.collection.submit(text)
                text = ""
            }
        }

        Rectangle {
            objectName: "collectionMessage"
            Layout.fillWidth: true
            Layout.preferredHeight: messageText.implicitHeight + 60
            radius: Theme.radius
            color: page.collection.state === CaseCollection.NotReady || page.collection.state === CaseCollection.Closed
                   || page.collection.state === CaseCollection.NotFound || page.collection.state === CaseCollection.Unreachable
                   ? Theme.warningSurface : Theme.surface
            border.color: Theme.line
            border.width: 3
            Text {
                id: messageText
                anchors.centerIn: parent
                width: parent.width - 60
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                text: page.collection.message
                color: Theme.ink
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
                font.bold: page.collection.state !== CaseCollection.Idle
            }
        }

        Text {
            Layout.fillWidth: true
            visible: page.collection.caseNumber !== ""
            text: qsTr("办件编号：%1").arg(page.collection.caseNumber)
                  + (page.collection.itemName !== "" ? "\n" + qsTr("办理事项：%1").arg(page.collection.itemName) : "")
            color: Theme.mutedInk
            font.family: Theme.fontFamily
            font.pixelSize: Theme.body
            wrapMode: Text.Wrap
        }

    }
}
