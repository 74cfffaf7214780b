// The manager's notice: it rests at the start long enough to be read, then scrolls away
// right to left and comes back in from the right.
import QtQuick

Rectangle {
    id: ticker

    property string text
    readonly property int rest: 24

    color: "#12325c"
    clip: true

    Text {
        id: line
        anchors.verticalCenter: parent.verticalCenter
        x: ticker.rest
        text: ticker.text
        color: "#ffe066"
        font.pixelSize: 48

        SequentialAnimation on x {
            running: ticker.text !== "" && line.width > ticker.width - ticker.rest
            loops: Animation.Infinite
            PauseAnimation { duration: 4000 }
            NumberAnimation { from: ticker.rest; to: -line.width; duration: Math.max(1000, (line.width + ticker.rest) * 6) }
            PropertyAction { value: ticker.width }
            NumberAnimation { from: ticker.width; to: ticker.rest; duration: Math.max(1000, (ticker.width - ticker.rest) * 6) }
        }
    }
}
