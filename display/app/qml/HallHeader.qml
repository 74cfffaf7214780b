// The hall's name, the date and the time.
import QtQuick

Rectangle {
    id: header

    required property var display

    color: "#12325c"

    Text {
        anchors.left: parent.left
        anchors.leftMargin: 40
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width * 0.6
        text: header.display.hallName
        color: "#ffffff"
        font.pixelSize: 64
        font.bold: true
        elide: Text.ElideRight
    }

    Column {
        anchors.right: parent.right
        anchors.rightMargin: 40
        anchors.verticalCenter: parent.verticalCenter

        Text {
            anchors.right: parent.right
            text: header.display.timeText
            color: "#ffffff"
            font.pixelSize: 60
            font.bold: true
        }
        Text {
            anchors.right: parent.right
            text: header.display.dateText
            color: "#b9cbe6"
            font.pixelSize: 30
        }
    }
}
