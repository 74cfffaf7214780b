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
                required property string figures

                width: (bar.width - 24) / (bar.portrait ? 2 : Math.max(1, bar.display.queues.count))
                height: bar.portrait ? (bar.height - 24) / 2 : bar.height - 24

                // Both lines fit their cell: a long name or an English figure line is drawn
                // smaller, never over the neighbouring queue.
                Column {
                    anchors.centerIn: parent
                    width: parent.width - 16
                    Text {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 20
                        elide: Text.ElideRight
                        text: prefix + " " + name
                        color: "#ffffff"
                        font.pixelSize: 36
                        font.bold: true
                    }
                    Text {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 18
                        elide: Text.ElideRight
                        text: figures
                        color: "#b9cbe6"
                        font.pixelSize: 30
                    }
                }
            }
        }
    }
}
