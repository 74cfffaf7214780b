import QtQuick
import Jiujin.KioskModel

// The booking code's digit pad: 1–9, 退格, 0, 清除 in 4 rows of 3 large keys. The keys take no
// focus, so a scanner's keystrokes still reach the page; the model keeps the digits.
Grid {
    id: pad
    required property BookingCheckIn checkIn
    property int keyHeight: 150
    readonly property real key: (width - (columns - 1) * spacing) / columns
    readonly property bool editable: checkIn.state !== BookingCheckIn.CheckingIn
    columns: 3
    spacing: 16

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        delegate: BigButton {
            required property string modelData
            objectName: "digit" + modelData
            width: pad.key
            height: pad.keyHeight
            text: modelData
            fontSize: Theme.figure
            fill: Theme.surface
            ink: Theme.ink
            focusPolicy: Qt.NoFocus
            enabled: pad.editable
            onClicked: pad.checkIn.typeDigit(modelData)
        }
    }
    BigButton {
        objectName: "eraseDigitButton"
        width: pad.key
        height: pad.keyHeight
        text: qsTr("退格")
        fill: Theme.surface
        ink: Theme.ink
        focusPolicy: Qt.NoFocus
        enabled: pad.editable && pad.checkIn.code !== ""
        onClicked: pad.checkIn.eraseDigit()
    }
    BigButton {
        objectName: "digit0"
        width: pad.key
        height: pad.keyHeight
        text: "0"
        fontSize: Theme.figure
        fill: Theme.surface
        ink: Theme.ink
        focusPolicy: Qt.NoFocus
        enabled: pad.editable
        onClicked: pad.checkIn.typeDigit("0")
    }
    BigButton {
        objectName: "clearCodeButton"
        width: pad.key
        height: pad.keyHeight
        text: qsTr("清除")
        fill: Theme.surface
        ink: Theme.ink
        focusPolicy: Qt.NoFocus
        enabled: pad.editable && pad.checkIn.code !== ""
        onClicked: pad.checkIn.clearCode()
    }
}
