import QtQuick
import QtQuick.Layouts
import Jiujin.KioskModel

// 预约签到: the resident keys the 8-digit booking code on the pad, or holds the booking's QR
// code to the scanner (it types the digits and Enter as a keyboard would: the page takes the
// keys and hands them to the model). A refusal is shown in large type in the dispatcher's own
// words, with the way to an ordinary ticket when the booking cannot be used now. Portrait: the
// code above the pad; landscape: the code on the left, the pad on the right.
Item {
    id: page
    required property KioskModel kiosk
    property bool landscape: false
    readonly property BookingCheckIn checkIn: kiosk.checkIn
    readonly property bool refused: checkIn.state === BookingCheckIn.Refused

    focus: true
    onVisibleChanged: if (visible) page.forceActiveFocus()
    Keys.onPressed: (event) => { event.accepted = page.checkIn.keyed(event.text) }

    BackButton { onClicked: page.kiosk.back() }

    BigButton {
        id: submitButton
        objectName: "checkInButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        width: parent.width - 2 * Theme.margin - Theme.backWidth - Theme.gap
        height: Theme.buttonHeight
        text: qsTr("签到")
        fill: Theme.go
        focusPolicy: Qt.NoFocus
        enabled: page.checkIn.canSubmit
        onClicked: page.checkIn.submit()
    }

    GridLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        columns: page.landscape ? 2 : 1
        columnSpacing: 48
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap

            Text {
                Layout.fillWidth: true
                text: qsTr("预约签到")
                color: Theme.ink
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                elide: Text.ElideRight
            }

            // The code as keyed or scanned, in two groups of four.
            Rectangle {
                objectName: "bookingCode"
                Layout.fillWidth: true
                Layout.preferredHeight: 170
                radius: Theme.radius
                color: Theme.surface
                border.color: page.refused ? Theme.warning : page.activeFocus ? Theme.brand : Theme.line
                border.width: 4
                Text {
                    anchors.centerIn: parent
                    width: parent.width - 48
                    horizontalAlignment: Text.AlignHCenter
                    text: page.checkIn.code === "" ? qsTr("8位预约码") : page.checkIn.codeText
                    color: page.checkIn.code === "" ? Theme.mutedInk : Theme.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: page.checkIn.code === "" ? Theme.title : 110
                    font.bold: page.checkIn.code !== ""
                    font.letterSpacing: page.checkIn.code === "" ? 0 : 8
                    elide: Text.ElideRight
                }
            }

            Rectangle {
                objectName: "checkInMessage"
                Layout.fillWidth: true
                Layout.preferredHeight: messageText.implicitHeight + 56
                radius: Theme.radius
                color: page.refused ? Theme.warningSurface : Theme.surface
                border.color: page.refused ? Theme.warning : Theme.line
                border.width: page.refused ? 5 : 3
                Text {
                    id: messageText
                    anchors.centerIn: parent
                    width: parent.width - 56
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    text: page.checkIn.message
                    color: page.refused ? Theme.warning : Theme.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: page.refused ? Theme.title : Theme.large
                    font.bold: page.checkIn.state !== BookingCheckIn.Entering
                }
            }

            // Walk-ins are never refused: the booking cannot be used now, a ticket still can.
            BigButton {
                objectName: "walkInButton"
                Layout.fillWidth: true
                visible: page.checkIn.suggestTicket
                text: qsTr("取普通号（按到达顺序）")
                fill: Theme.brand
                focusPolicy: Qt.NoFocus
                onClicked: page.kiosk.goHome()
            }
        }

        DigitPad {
            objectName: "digitPad"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            keyHeight: page.landscape ? 140 : 170
            checkIn: page.checkIn
        }
    }
}
