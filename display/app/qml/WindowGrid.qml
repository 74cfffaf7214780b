// A card per window of this display's zone: the number it serves, or why it does not.
import QtQuick

Rectangle {
    id: grid

    required property var display
    required property bool portrait

    color: "transparent"
    // Not live: what the windows show may be stale, so it is dimmed like the calls.
    opacity: grid.display.live ? 1.0 : 0.3

    GridView {
        id: view
        anchors.fill: parent
        interactive: false
        model: grid.display.windows
        readonly property int columns: 2
        readonly property int rows: Math.max(1, Math.ceil(count / columns))
        cellWidth: width / columns
        cellHeight: Math.min(220, height / rows)

        delegate: Item {
            required property int number
            required property string name
            required property string ticketNumber
            required property string status
            required property string statusText
            required property bool hasTicket
            required property string caption

            width: view.cellWidth
            height: view.cellHeight

            Rectangle {
                id: card
                anchors.fill: parent
                anchors.margins: 8
                radius: 12
                color: status === "closed" ? "#2b2f36" : status === "paused" ? "#5c3b00" : "#14345e"
                border.color: status === "calling" ? "#ffe066" : "transparent"
                border.width: 4

                // The label takes what the number leaves (at least 45 % of the card): a long
                // window name (综合受理六（帮办代办）) wraps to a second line, then is elided,
                // never drawn under the number.
                Column {
                    id: label
                    anchors.left: parent.left
                    anchors.leftMargin: 24
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.min(Math.max(windowTitle.implicitWidth, windowName.implicitWidth),
                                    Math.max((parent.width - 48) * 0.45, parent.width - 48 - 16 - windowCaption.implicitWidth))
                    Text {
                        id: windowTitle
                        width: parent.width
                        text: qsTr("%1 号窗口").arg(number)
                        color: "#ffffff"
                        font.pixelSize: 48
                        font.bold: true
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 28
                    }
                    Text {
                        id: windowName
                        width: parent.width
                        text: name
                        color: "#b9cbe6"
                        font.pixelSize: 28
                        wrapMode: Text.Wrap
                        // A second line only where the card has the height for it (six rows of
                        // cards on a 1080 screen have not): else one line, elided.
                        maximumLineCount: Math.max(1, Math.min(2, Math.floor((card.height - 16 - windowTitle.height)
                                                                              / (font.pixelSize * 1.4))))
                        elide: Text.ElideRight
                    }
                }
                Text {
                    id: windowCaption
                    // The room right of the label: a wide number (BD9991 beside "25 号窗口")
                    // is drawn smaller to fit it, never over the label and never cut.
                    anchors.left: label.right
                    anchors.leftMargin: 16
                    anchors.right: parent.right
                    anchors.rightMargin: 24
                    anchors.verticalCenter: parent.verticalCenter
                    horizontalAlignment: Text.AlignRight
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: 32
                    text: caption
                    color: hasTicket ? "#ffe066" : status === "paused" ? "#ffc078" : "#adb5bd"
                    font.pixelSize: hasTicket ? 72 : 48
                    font.bold: true
                }
            }
        }
    }
}
