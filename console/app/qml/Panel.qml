import QtQuick
import QtQuick.Layouts

Rectangle {
    id: panel
    property string title
    default property alias content: body.data
    color: Theme.panel
    radius: 6
    border.color: Theme.line

    Text {
        id: heading
        text: panel.title
        font.family: Theme.font
        font.pixelSize: 18
        font.bold: true
        color: Theme.ink
        anchors { left: parent.left; top: parent.top; margins: 12 }
    }
    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; margins: 12 }
    }
}
