// The newest call, large and blinking for a few seconds, above the calls before it.
// While the screen is not live the calls are dimmed and a banner says why.
import QtQuick

Rectangle {
    id: panel

    required property var display
    required property bool portrait

    color: "#10294b"
    radius: 16

    Column {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16
        opacity: panel.display.live ? 1.0 : 0.3

        Rectangle {
            id: newest
            width: parent.width
            height: panel.portrait ? 330 : 300
            radius: 12
            color: panel.display.highlightActive && panel.display.blinkOn ? "#d9480f" : "#183c6b"

            Text {
                visible: panel.display.newestTicket === ""
                anchors.centerIn: parent
                text: qsTr("暂无叫号")
                color: "#b9cbe6"
                font.pixelSize: 72
            }
            Column {
                visible: panel.display.newestTicket !== ""
                anchors.centerIn: parent
                spacing: 8
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: panel.display.newestTicket
                    color: "#ffe066"
                    font.pixelSize: panel.portrait ? 180 : 160
                    font.bold: true
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("请到 %1 号窗口").arg(panel.display.newestWindow)
                    color: "#ffffff"
                    font.pixelSize: 76
                    font.bold: true
                }
            }
        }

        Text {
            text: qsTr("最近叫号")
            color: "#b9cbe6"
            font.pixelSize: 36
        }

        ListView {
            width: parent.width
            // Whole rows only: a half-cut number is worse than none.
            height: Math.floor((parent.height - newest.height - 80) / 90) * 90
            clip: true
            interactive: false
            model: panel.display.calls
            spacing: 6
            // The newest call is shown above; the list starts at the one before it.
            delegate: Rectangle {
                required property int index
                required property string ticketNumber
                required property int windowNumber
                required property string queueName

                width: ListView.view.width
                height: index === 0 ? 0 : 84
                visible: index > 0
                color: index % 2 ? "#14345e" : "#183c6b"
                radius: 8

                Text {
                    anchors.left: parent.left
                    anchors.leftMargin: 28
                    anchors.verticalCenter: parent.verticalCenter
                    text: ticketNumber
                    color: "#ffe066"
                    font.pixelSize: 64
                    font.bold: true
                }
                Text {
                    anchors.right: parent.right
                    anchors.rightMargin: 28
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("%1 号窗口").arg(windowNumber)
                    color: "#ffffff"
                    font.pixelSize: 56
                }
            }
        }
    }

    ConnectionBanner {
        anchors.centerIn: parent
        width: parent.width * 0.86
        display: panel.display
    }
}
