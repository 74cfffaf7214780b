// The hall screen (综合屏). It only shows the display model's state: no rules live here.
import QtQuick
import QtQuick.Layouts
import QtQuick.Window

Window {
    id: root

    required property var display
    // Portrait when taller than wide: a 1080×1920 screen turned on its side.
    readonly property bool portrait: height > width
    // The screen is designed in 1080p units; a larger screen (a 4K television, unscaled)
    // draws the same design magnified, so the numbers keep their share of the screen.
    readonly property real magnification: Math.max(1, Math.min(width, height) / 1080)

    width: 1920
    height: 1080
    visible: true
    color: "#0b1f3a"
    title: qsTr("叫号显示屏")

    Item {
        id: design
        width: root.width / root.magnification
        height: root.height / root.magnification
        scale: root.magnification
        transformOrigin: Item.TopLeft

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            HallHeader {
                Layout.fillWidth: true
                Layout.preferredHeight: root.portrait ? 150 : 130
                display: root.display
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: 24
                columns: root.portrait ? 1 : 2
                rowSpacing: 24
                columnSpacing: 24

                // Landscape: calls on the left, windows on the right. Portrait: calls above windows.
                CallsPanel {
                    Layout.fillWidth: root.portrait
                    Layout.fillHeight: !root.portrait
                    Layout.preferredWidth: design.width * 0.46
                    Layout.preferredHeight: design.height * 0.40
                    display: root.display
                    portrait: root.portrait
                }

                WindowGrid {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: design.width * 0.54
                    Layout.preferredHeight: design.height * 0.40
                    display: root.display
                    portrait: root.portrait
                }
            }

            QueueBar {
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Layout.preferredHeight: root.portrait ? 260 : 110
                display: root.display
                portrait: root.portrait
            }

            NoticeTicker {
                // Without a notice its band goes to the windows above.
                visible: root.display.notice !== ""
                Layout.fillWidth: true
                Layout.topMargin: 16
                Layout.preferredHeight: 88
                text: root.display.notice
            }
        }
    }
}
