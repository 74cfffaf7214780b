// Says plainly that the calls on screen are not current: the link is down, or the
// display is catching up with the dispatcher.
import QtQuick

Rectangle {
    id: banner

    required property var display

    visible: !banner.display.live
    height: Math.max(220, lines.implicitHeight + 48)
    radius: 16
    color: "#c92a2a"

    // Every line inside the box in both languages: the title shrinks to fit, the
    // explanation wraps.
    Column {
        id: lines
        anchors.centerIn: parent
        width: parent.width - 48
        spacing: 12
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 40
            text: banner.display.connected ? qsTr("正在同步") : qsTr("连接中断")
            color: "#ffffff"
            font.pixelSize: 88
            font.bold: true
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("叫号信息可能不是最新的，请留意窗口呼叫")
            color: "#ffffff"
            font.pixelSize: 34
        }
    }
}
