// How many wait in each queue and for about how long.
import QtQuick

Rectangle {
    id: bar

    required property var display
    required property bool portrait

    color: "#10294b"
    radius: 12

    Grid {
        anchors.fill: parent
        anchors.margins: 12
        columns: bar.portrait ? 2 : Math.max(1, bar.display.queues.count)
        Repeater {
            model: bar.display.queues
            delegate: Item {
                required property string prefix
                required property string name
                required property int waiting
                required property string waitText

                width: (bar.width - 24) / (bar.portrait ? 2 : Math.max(1, bar.display.queues.count))
                height: bar.portrait ? (bar.height - 24) / 2 : bar.height - 24

                Column {
                    anchors.centerIn: parent
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: prefix + " " + name
                        color: "#ffffff"
                        font.pixelSize: 36
                        font.bold: true
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: qsTr("等候 %1 人 · %2").arg(waiting).arg(waitText)
                        color: "#b9cbe6"
                        font.pixelSize: 30
                    }
                }
            }
        }
    }
}
