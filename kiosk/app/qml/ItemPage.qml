import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Jiujin.KioskModel

// 事项页: what the item is, every material to bring on one page (一次性告知), fees, the
// promised time, where else it can be done (通办), and the queue for it now.
Item {
    id: page
    required property KioskModel kiosk
    readonly property ItemDetail item: kiosk.item

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 24

        Text {
            Layout.fillWidth: true
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
            Layout.fillWidth: true
            Layout.preferredHeight: figuresColumn.implicitHeight + 40
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            border.width: 3
            ColumnLayout {
                id: figuresColumn
                anchors.fill: parent
                anchors.margins: 20
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1  // two equal halves
                        Text {
                            text: qsTr("正在等候")
                            color: Theme.mutedInk
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.body
                        }
                        Text {
                            objectName: "peopleWaiting"
                            text: page.item.figuresCurrent ? qsTr("%1 人").arg(page.item.peopleWaiting) : "—"
                            color: Theme.ink
                            font.family: Theme.fontFamily
                            font.pixelSize: 72
                            font.bold: true
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1  // two equal halves
                        Text {
                            text: qsTr("预计等候")
                            color: Theme.mutedInk
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.body
                        }
                        Text {
                            objectName: "waitMinutes"
                            text: page.item.figuresCurrent ? qsTr("约 %1 分钟").arg(page.item.waitMinutes) : "—"
                            color: Theme.ink
                            font.family: Theme.fontFamily
                            font.pixelSize: 72
                            font.bold: true
                        }
                    }
                }
                Text {
                    objectName: "staleNotice"
                    Layout.fillWidth: true
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
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: details.implicitHeight
            ColumnLayout {
                id: details
                width: parent.width
                spacing: 18
                Text {
                    text: qsTr("需携带材料（一次性告知）")
                    color: Theme.brand
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.large
                    font.bold: true
                }
                Repeater {
                    model: page.item.materials
                    delegate: Text {
                        required property int index
                        required property string modelData
                        Layout.fillWidth: true
                        text: (index + 1) + ". " + modelData
                        color: Theme.ink
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.body
                        wrapMode: Text.WordWrap
                    }
                }
                Text {
                    visible: page.item.materials.length === 0
                    text: qsTr("无需材料")
                    color: Theme.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                }
                Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 3; color: Theme.line }
                InfoRow { Layout.fillWidth: true; label: qsTr("收费"); value: page.item.fees }
                InfoRow {
                    Layout.fillWidth: true
                    label: qsTr("办理时限")
                    value: page.item.promiseText
                }
                InfoRow { Layout.fillWidth: true; label: qsTr("通办"); value: page.item.scopeText }
                InfoRow { Layout.fillWidth: true; label: qsTr("办理窗口"); value: page.item.queueName }
                InfoRow {
                    Layout.fillWidth: true
                    visible: page.item.legalBasis.length > 0
                    label: qsTr("政策依据")
                    value: page.item.legalBasis
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 24
            BigButton {
                text: qsTr("返回")
                fill: Theme.surface
                ink: Theme.ink
                onClicked: page.kiosk.back()
            }
            BigButton {
                objectName: "priorityButton"
                visible: page.item.priorityAllowed
                Layout.fillWidth: true
                text: qsTr("绿色通道")
                fill: Theme.priority
                enabled: page.kiosk.canIssue
                onClicked: page.kiosk.openPriority()
            }
            BigButton {
                objectName: "takeTicketButton"
                Layout.fillWidth: true
                text: page.kiosk.open ? qsTr("取号") : qsTr("已闭厅")
                fill: Theme.go
                fontSize: Theme.title
                enabled: page.kiosk.canIssue
                onClicked: page.kiosk.takeTicket()
            }
        }
    }
}
