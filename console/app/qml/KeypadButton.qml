import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A hardware-keypad-like button: the function key above the action.
Button {
    id: key
    property string functionKey
    property string label
    Layout.fillWidth: true
    Layout.preferredHeight: 84
    Layout.preferredWidth: 100
    font.family: Theme.font
    contentItem: Column {
        spacing: 2
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: key.functionKey
            font.family: Theme.font
            font.pixelSize: 14
            color: key.enabled ? "#cfe0f5" : "#9aa5b1"
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: key.label
            font.family: Theme.font
            font.pixelSize: 22
            font.bold: true
            color: key.enabled ? "white" : "#9aa5b1"
        }
    }
    background: Rectangle {
        radius: 6
        color: !key.enabled ? "#dde3ea" : key.down ? "#174a84" : Theme.accent
    }
}
