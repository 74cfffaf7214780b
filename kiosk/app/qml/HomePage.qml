import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Jiujin.KioskModel

// 首页: the hall's most used items first, then every item under its 主题 (life event); a row
// of topic buttons and a letter pad (拼音首字母) narrow the list without a keyboard; when the
// hall is closed, a notice says when it opens again. Portrait: list above the pad;
// landscape: list on the left, pad on the right.
Item {
    id: page
    required property KioskModel kiosk
    property bool landscape: false
    readonly property ItemListModel items: kiosk.items

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: page.landscape ? 2 : 1
        columnSpacing: 40
        rowSpacing: Theme.gap

        Rectangle {
            objectName: "closedNotice"
            Layout.fillWidth: true
            Layout.columnSpan: page.landscape ? 2 : 1
            Layout.preferredHeight: closedText.implicitHeight + 48
            visible: !page.kiosk.open
            color: Theme.warningSurface
            border.color: Theme.warning
            border.width: 4
            radius: Theme.radius
            Text {
                id: closedText
                anchors.centerIn: parent
                width: parent.width - 48
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.warning
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
                font.bold: true
                text: !page.kiosk.nextOpeningKnown
                      ? qsTr("已闭厅")
                      : qsTr("已闭厅，下次开放时间：%1")
                            .arg(page.kiosk.nextOpening.toLocaleString(Qt.locale(qsTr("zh_CN")), qsTr("M月d日 dddd HH:mm")))
            }
        }

        // The list: title, topics, tiles.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3  // landscape: three fifths
            spacing: Theme.gap

            Text {
                Layout.fillWidth: true
                text: qsTr("请选择您要办理的事项")
                color: Theme.ink
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                elide: Text.ElideRight
            }

            Flow {
                objectName: "topicButtons"
                Layout.fillWidth: true
                spacing: 12
                Repeater {
                    model: [qsTr("全部")].concat(page.items.topics)
                    delegate: BigButton {
                        required property int index
                        required property string modelData
                        readonly property bool chosen: page.items.topic === index - 1 && page.items.initials === ""
                        objectName: "topic" + index
                        implicitHeight: 72
                        implicitWidth: Math.max(120, contentItem.implicitWidth + 48)
                        text: modelData
                        fontSize: Theme.body
                        fill: chosen ? Theme.brand : Theme.surface
                        ink: chosen ? Theme.brandInk : Theme.brand
                        onClicked: page.items.chooseTopic(index - 1)
                    }
                }
            }

            ListView {
                id: tiles
                objectName: "itemTiles"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 14
                model: page.items
                boundsBehavior: Flickable.StopAtBounds
                section.property: "heading"
                section.delegate: Text {
                    required property string section
                    width: tiles.width
                    topPadding: 14
                    bottomPadding: 4
                    text: section
                    color: Theme.brand
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.large
                    font.bold: true
                    elide: Text.ElideRight
                }
                delegate: Rectangle {
                    id: tile
                    required property string code
                    required property string name
                    required property int waiting
                    required property bool immediate
                    width: tiles.width
                    height: 120
                    radius: Theme.radius
                    color: tap.pressed ? Theme.pressed : Theme.surface
                    border.color: Theme.line
                    border.width: 3
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 28
                        anchors.rightMargin: 28
                        spacing: 20
                        Text {
                            Layout.fillWidth: true
                            text: tile.name
                            color: Theme.ink
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.large
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Text {
                            text: qsTr("即办")
                            visible: tile.immediate
                            color: Theme.go
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.body
                        }
                        Text {
                            text: tile.waiting < 0 ? qsTr("等候 —") : qsTr("等候 %1 人").arg(tile.waiting)
                            color: Theme.mutedInk
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.body
                        }
                    }
                    MouseArea {
                        id: tap
                        anchors.fill: parent
                        onClicked: page.kiosk.openItem(tile.code)
                    }
                }
                Text {
                    anchors.centerIn: parent
                    width: parent.width - 40
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    visible: tiles.count === 0
                    text: qsTr("没有找到相关事项，请换个词或到咨询台询问")
                    color: Theme.mutedInk
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                }
            }
        }

        // Search without a keyboard, and 领取办件结果.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 2  // landscape: two fifths
            Layout.fillHeight: page.landscape
            Layout.alignment: Qt.AlignTop
            spacing: Theme.gap

            LetterPad {
                objectName: "letterPad"
                Layout.fillWidth: true
                items: page.items
            }

            Item { visible: page.landscape; Layout.fillHeight: true }

            // 预约签到 (when the hall takes bookings) and 领取办件结果: side by side in portrait,
            // one above the other in landscape.
            GridLayout {
                Layout.fillWidth: true
                columns: page.landscape ? 1 : 2
                columnSpacing: Theme.gap
                rowSpacing: Theme.gap
                visible: page.kiosk.canCheckIn || page.kiosk.canCollect

                BigButton {
                    objectName: "checkInButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Theme.buttonHeight
                    visible: page.kiosk.canCheckIn
                    text: qsTr("预约签到")
                    fontSize: Theme.title
                    fill: Theme.go
                    onClicked: page.kiosk.openCheckIn()
                }
                BigButton {
                    objectName: "collectButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Theme.buttonHeight
                    visible: page.kiosk.canCollect
                    text: qsTr("领取办件结果")
                    fill: Theme.surface
                    ink: Theme.brand
                    onClicked: page.kiosk.openCollection()
                }
            }
        }
    }
}
