// The newest call still current, large and blinking for a few seconds, above the calls before
// it, and the 过号 (missed) numbers at the foot. While the screen is not live the calls are
// dimmed and a banner says why.
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
            id: recentTitle
            text: qsTr("最近叫号")
            color: "#b9cbe6"
            font.pixelSize: 36
        }

        ListView {
            width: parent.width
            // Whole rows only: a half-cut number is worse than none.
            height: Math.floor((parent.height - newest.height - recentTitle.height - 2 * 16
                                - (missed.visible ? missed.height + 16 : 0)) / 78) * 78
            clip: true
            interactive: false
            model: panel.display.calls
            spacing: 6
            // The call shown large above is not repeated here.
            delegate: Rectangle {
                required property int index
                required property string ticketNumber
                required property int windowNumber
                required property bool shownLarge

                width: ListView.view.width
                height: shownLarge ? 0 : 72
                visible: !shownLarge
                color: index % 2 ? "#14345e" : "#183c6b"
                radius: 8

                Text {
                    anchors.left: parent.left
                    anchors.leftMargin: 28
                    anchors.verticalCenter: parent.verticalCenter
                    text: ticketNumber
                    color: "#ffe066"
                    font.pixelSize: 56
                    font.bold: true
                }
                Text {
                    anchors.right: parent.right
                    anchors.rightMargin: 28
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("%1 号窗口").arg(windowNumber)
                    color: "#ffffff"
                    font.pixelSize: 48
                }
            }
        }

        // 过号: residents who missed their call look here before asking at a window.
        Row {
            id: missed
            width: parent.width
            height: 48
            spacing: 16
            visible: panel.display.missedTickets !== ""
            Text {
                id: missedTitle
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("过号")
                color: "#ffc078"
                font.pixelSize: 36
                font.bold: true
            }
            Text {
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width - missedTitle.width - parent.spacing
                text: panel.display.missedTickets
                color: "#ffc078"
                font.pixelSize: 36
                elide: Text.ElideRight
            }
        }
    }

    ConnectionBanner {
        anchors.centerIn: parent
        width: parent.width * 0.86
        display: panel.display
    }
}
