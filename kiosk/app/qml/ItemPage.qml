import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Jiujin.KioskModel

// 事项页: what the item is, every material to bring on one page (一次性告知), fees, the
// promised time, where else it can be done (通办), and the queue for it now. The buttons sit
// at fixed places: 返回 bottom left (as on every page), 取号 bottom right, 绿色通道 in a row
// of its own above them (portrait) or between them (landscape) — present or not, nothing
// else moves.
Item {
    id: page
    required property KioskModel kiosk
    property bool landscape: false
    readonly property ItemDetail item: kiosk.item
    // Portrait has the height for larger type; landscape keeps the list on one screen.
    readonly property int reading: landscape ? Theme.reading - 2 : Theme.reading + 4

    BackButton { onClicked: page.kiosk.back() }

    BigButton {
        id: takeTicket
        objectName: "takeTicketButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        width: page.landscape ? 640 : parent.width - 2 * Theme.margin - Theme.backWidth - Theme.gap
        height: Theme.buttonHeight
        text: page.kiosk.open ? qsTr("取号") : qsTr("已闭厅")
        fill: Theme.go
        fontSize: Theme.title
        enabled: page.kiosk.canIssue
        onClicked: page.kiosk.takeTicket()
    }

    BigButton {
        id: priority
        objectName: "priorityButton"
        visible: page.item.priorityAllowed
        x: page.landscape ? Theme.margin + Theme.backWidth + Theme.gap : Theme.margin
        y: page.landscape ? takeTicket.y : takeTicket.y - Theme.gap - height
        width: page.landscape ? takeTicket.x - Theme.gap - x : parent.width - 2 * Theme.margin
        height: page.landscape ? Theme.buttonHeight : 110
        text: page.landscape ? qsTr("绿色通道") : qsTr("绿色通道（老人、残疾人、孕妇、军人）")
        fill: Theme.priority
        enabled: page.kiosk.canIssue
        onClicked: page.kiosk.openPriority()
    }

    // Above the buttons: the item and its queue, then the details (side by side in landscape).
    Item {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        anchors.bottomMargin: Theme.margin + Theme.buttonHeight + Theme.gap + (page.landscape ? 0 : 110 + Theme.gap)

        Column {
            id: summary
            width: page.landscape ? Math.round(content.width * 0.4) : content.width
            spacing: Theme.gap

            Text {
                objectName: "itemName"
                width: summary.width
                text: page.item.name
                color: Theme.ink
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.WordWrap
            }

            // The queue now — or a dash and a notice, never a stale figure.
            Rectangle {
                objectName: "figures"
                width: summary.width
                height: figureGrid.height + (staleNotice.visible ? staleNotice.implicitHeight + Theme.gap : 0) + 48
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.line
                border.width: 3
                Grid {
                    id: figureGrid
                    x: 24
                    y: 24
                    columns: page.landscape ? 1 : 2
                    columnSpacing: 32
                    rowSpacing: 16
                    readonly property real cell: page.landscape ? parent.width - 48 : (parent.width - 48 - columnSpacing) / 2
                    Figure {
                        width: figureGrid.cell
                        label: qsTr("正在等候")
                        valueName: "peopleWaiting"
                        value: page.item.figuresCurrent ? qsTr("%1 人").arg(page.item.peopleWaiting) : "—"
                    }
                    Figure {
                        width: figureGrid.cell
                        label: qsTr("预计等候")
                        valueName: "waitMinutes"
                        value: page.item.figuresCurrent ? qsTr("约 %1 分钟").arg(page.item.waitMinutes) : "—"
                    }
                }
                Text {
                    id: staleNotice
                    objectName: "staleNotice"
                    x: 24
                    anchors.top: figureGrid.bottom
                    anchors.topMargin: Theme.gap
                    width: parent.width - 48
                    visible: !page.item.figuresCurrent
                    text: qsTr("暂时无法获取实时排队信息，请以叫号为准")
                    color: Theme.warning
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
            }
        }

        Flickable {
            id: detailsView
            objectName: "itemDetails"
            x: page.landscape ? summary.width + 48 : 0
            y: page.landscape ? 0 : summary.height + Theme.gap
            width: content.width - x
            height: content.height - y
            clip: true
            contentHeight: details.height
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: details
                width: detailsView.width
                spacing: 18
                Text {
                    width: details.width
                    text: qsTr("需携带材料（一次性告知）")
                    color: Theme.brand
                    font.family: Theme.fontFamily
                    font.pixelSize: page.reading
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: page.item.materials
                    delegate: Text {
                        required property int index
                        required property string modelData
                        width: details.width
                        text: (index + 1) + ". " + modelData
                        color: Theme.ink
                        font.family: Theme.fontFamily
                        font.pixelSize: page.reading
                        wrapMode: Text.WordWrap
                    }
                }
                Text {
                    visible: page.item.materials.length === 0
                    width: details.width
                    text: qsTr("无需材料")
                    color: Theme.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: page.reading
                }
                Rectangle { width: details.width; height: 3; color: Theme.line }
                InfoRow { fontSize: page.reading - 4; width: details.width; label: qsTr("收费"); value: page.item.fees }
                InfoRow { fontSize: page.reading - 4; width: details.width; label: qsTr("办理时限"); value: page.item.promiseText }
                InfoRow { fontSize: page.reading - 4; width: details.width; label: qsTr("通办"); value: page.item.scopeText }
                InfoRow { fontSize: page.reading - 4; width: details.width; label: qsTr("办理窗口"); value: page.item.queueName }
                InfoRow {
                    fontSize: page.reading - 4
                    width: details.width
                    visible: page.item.legalBasis.length > 0
                    label: qsTr("政策依据")
                    value: page.item.legalBasis
                }
            }
        }
    }
}
