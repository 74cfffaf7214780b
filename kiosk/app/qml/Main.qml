import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import Jiujin.KioskModel

// The kiosk's one window: the header, the page the model says is up, and the connection bar.
// Laid out for the screen it is on: portrait 1080×1920 or landscape 1920×1080 (--fullscreen).
Window {
    id: root
    required property KioskModel kiosk
    readonly property bool landscape: width > height
    width: 1080
    height: 1920
    visible: true
    color: Theme.background
    title: qsTr("取号机")

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        KioskHeader {
            kiosk: root.kiosk
            landscape: root.landscape
            Layout.fillWidth: true
        }

        // Every page fills this area whether shown or not (anchors, not a stack layout), so a
        // page is laid out at its real size before its first showing.
        Item {
            id: pages
            Layout.fillWidth: true
            Layout.fillHeight: true
            HomePage { anchors.fill: parent; kiosk: root.kiosk; landscape: root.landscape; visible: root.kiosk.page === KioskModel.Home }
            ItemPage { anchors.fill: parent; kiosk: root.kiosk; landscape: root.landscape; visible: root.kiosk.page === KioskModel.Item }
            PriorityPage { anchors.fill: parent; kiosk: root.kiosk; landscape: root.landscape; visible: root.kiosk.page === KioskModel.Priority }
            TicketPage { anchors.fill: parent; kiosk: root.kiosk; landscape: root.landscape; visible: root.kiosk.page === KioskModel.Ticket }
            CollectPage { anchors.fill: parent; kiosk: root.kiosk; landscape: root.landscape; visible: root.kiosk.page === KioskModel.Collect }
            CheckInPage { anchors.fill: parent; kiosk: root.kiosk; landscape: root.landscape; visible: root.kiosk.page === KioskModel.CheckIn }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: visible ? 90 : 0
            visible: !root.kiosk.connected
            color: Theme.warning
            Text {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                text: qsTr("正在连接排队系统，等候人数暂不显示")
                color: "white"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }
    }
}
