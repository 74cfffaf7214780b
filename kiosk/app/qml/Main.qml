import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import Jiujin.KioskModel

// The kiosk's one window: the header, the page the model says is up, and the connection bar.
Window {
    id: root
    required property KioskModel kiosk
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
            Layout.fillWidth: true
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.kiosk.page
            HomePage { kiosk: root.kiosk }
            ItemPage { kiosk: root.kiosk }
            PriorityPage { kiosk: root.kiosk }
            TicketPage { kiosk: root.kiosk }
            CollectPage { kiosk: root.kiosk }
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
