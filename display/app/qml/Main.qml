// The hall screen (综合屏). It only shows the display model's state: no rules live here.
import QtQuick
import QtQuick.Layouts
import QtQuick.Window

Window {
    id: root

    required property var display
    // Portrait when taller than wide: a 1080×1920 screen turned on its side.
    readonly property bool portrait: height > width

    width: 1920
    height: 1080
    visible: true
    color: "#0b1f3a"
    title: qsTr("叫号显示屏")

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
                Layout.preferredWidth: root.width * 0.46
                Layout.preferredHeight: root.height * 0.40
                display: root.display
                portrait: root.portrait
            }

            WindowGrid {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: root.width * 0.54
                Layout.preferredHeight: root.height * 0.40
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
