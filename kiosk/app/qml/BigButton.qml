import QtQuick
import QtQuick.Controls.Basic

// A button a resident with unsteady hands can hit: at least 110 px high, large label.
Button {
    id: control
    property color fill: Theme.brand
    property color ink: Theme.brandInk
    property int fontSize: Theme.large
    implicitHeight: 120
    implicitWidth: Math.max(260, contentItem.implicitWidth + 80)
    contentItem: Text {
        text: control.text
        font.family: Theme.fontFamily
        font.pixelSize: control.fontSize
        font.bold: true
        color: control.enabled ? control.ink : "#5f6b76"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? "#d5dadf" : control.down ? Qt.darker(control.fill, 1.25) : control.fill
        border.color: control.ink === Theme.brandInk ? "transparent" : Theme.line
        border.width: 3
    }
}
