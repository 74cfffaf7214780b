// Says plainly that the calls on screen are not current: the link is down, or the
// display is catching up with the dispatcher.
import QtQuick

Rectangle {
    id: banner

    required property var display

    visible: !banner.display.live
    height: 220
    radius: 16
    color: "#c92a2a"

    Column {
        anchors.centerIn: parent
        spacing: 12
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: banner.display.connected ? qsTr("正在同步") : qsTr("连接中断")
            color: "#ffffff"
            font.pixelSize: 88
            font.bold: true
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("叫号信息可能不是最新的，请留意窗口呼叫")
            color: "#ffffff"
            font.pixelSize: 34
        }
    }
}
