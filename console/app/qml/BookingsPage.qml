import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// 预约: today's bookings in slot order with their check-ins, and the day's counts. The list
// follows the dispatcher's booking news; 刷新 asks at once.
Item {
    id: bookingsPage
    required property var bookings

    component Cell: Text { font.family: Theme.font; font.pixelSize: 17; color: Theme.ink; wrapMode: Text.Wrap }
    component Head: Text { font.family: Theme.font; font.pixelSize: 15; font.bold: true; color: Theme.muted }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            spacing: 20
            Text { objectName: "bookingSummary"; text: bookingsPage.bookings.summary; font.family: Theme.font; font.pixelSize: 20
                   font.bold: true; color: Theme.ink }
            Text { text: bookingsPage.bookings.date; font.family: Theme.font; font.pixelSize: 18; color: Theme.muted }
            Item { Layout.fillWidth: true }
            Button { text: qsTr("刷新"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: bookingsPage.bookings.reload() }
        }
        Panel {
            title: qsTr("今日预约")
            Layout.fillWidth: true
            Layout.fillHeight: true
            ColumnLayout {
                anchors.fill: parent
                spacing: 4
                visible: bookingsPage.bookings.emptyText.length === 0
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Layout.rightMargin: 8
                    spacing: 10
                    Head { text: qsTr("时段"); Layout.preferredWidth: 130 }
                    Head { text: qsTr("事项"); Layout.fillWidth: true }
                    Head { text: qsTr("状态"); Layout.preferredWidth: 230 }
                    Head { text: qsTr("手机号"); Layout.preferredWidth: 130 }
                    Head { text: qsTr("预约码"); Layout.preferredWidth: 100 }
                }
                ListView {
                    objectName: "bookingRows"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 4
                    model: bookingsPage.bookings.rows
                    delegate: Rectangle {
                        required property var model
                        width: ListView.view.width
                        height: Math.max(42, itemCell.implicitHeight + 14)
                        radius: 4
                        color: model.state === "checked_in" ? "#e8f5e9" : model.state === "missed" ? "#fdecea"
                             : model.state === "cancelled" ? "#f0f0f0" : "#f6f8fa"
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 8
                            anchors.rightMargin: 8
                            spacing: 10
                            Cell { text: model.time; Layout.preferredWidth: 130; font.bold: true }
                            Cell { id: itemCell; text: model.itemName; Layout.fillWidth: true
                                   color: model.state === "cancelled" ? Theme.muted : Theme.ink }
                            Cell { text: model.stateText; Layout.preferredWidth: 230; font.bold: model.state !== "booked"
                                   color: model.state === "checked_in" ? (model.late ? Theme.warn : Theme.good)
                                        : model.state === "missed" ? Theme.bad
                                        : model.state === "cancelled" ? Theme.muted : Theme.accent }
                            Cell { text: model.phone; Layout.preferredWidth: 130 }
                            Cell { text: model.code; Layout.preferredWidth: 100; color: Theme.muted }
                        }
                    }
                }
            }
            // 本大厅未开通预约, 今天还没有预约, or reading: said plainly where the list would be.
            Text {
                objectName: "bookingEmpty"
                visible: bookingsPage.bookings.emptyText.length > 0
                anchors.centerIn: parent
                text: bookingsPage.bookings.emptyText
                font.family: Theme.font
                font.pixelSize: 26
                color: Theme.muted
            }
        }
    }
}
