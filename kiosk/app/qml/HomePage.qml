import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Jiujin.KioskModel

// 首页: the hall's items in big tiles, grouped by category, with a search box and, when the
// hall is closed, a notice saying when it opens again.
Item {
    id: page
    required property KioskModel kiosk

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 24

        Rectangle {
            objectName: "closedNotice"
            Layout.fillWidth: true
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
                wrapMode: Text.WordWrap
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

        BigButton {
            objectName: "collectButton"
            Layout.fillWidth: true
            visible: page.kiosk.canCollect
            text: qsTr("领取办件结果")
            fill: Theme.surface
            ink: Theme.brand
            onClicked: page.kiosk.openCollection()
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("请选择您要办理的事项")
            color: Theme.ink
            font.family: Theme.fontFamily
            font.pixelSize: Theme.title
            font.bold: true
        }

        TextField {
            id: search
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.preferredHeight: 100
            font.family: Theme.fontFamily
            font.pixelSize: Theme.large
            placeholderText: qsTr("搜索事项名称，如：社保")
            placeholderTextColor: Theme.mutedInk
            color: Theme.ink
            leftPadding: 28
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: search.activeFocus ? Theme.brand : Theme.line
                border.width: 3
            }
            onTextChanged: page.kiosk.items.filter = text
            Connections {
                target: page.kiosk.items
                function onFilterChanged() {
                    if (search.text.trim() !== page.kiosk.items.filter)
                        search.text = page.kiosk.items.filter
                }
            }
        }

        ListView {
            id: tiles
            objectName: "itemTiles"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: page.kiosk.items
            section.property: "category"
            section.delegate: Text {
                required property string section
                width: tiles.width
                topPadding: 20
                bottomPadding: 8
                text: section
                color: Theme.brand
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
                font.bold: true
            }
            delegate: Rectangle {
                id: tile
                required property string code
                required property string name
                required property int waiting
                required property bool immediate
                width: tiles.width
                height: 130
                radius: Theme.radius
                color: tap.pressed ? "#dce7f5" : Theme.surface
                border.color: Theme.line
                border.width: 3
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 32
                    anchors.rightMargin: 32
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
                        text: tile.immediate ? qsTr("即办") : ""
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
                visible: tiles.count === 0
                text: qsTr("没有找到相关事项，请换个词或到咨询台询问")
                color: Theme.mutedInk
                font.family: Theme.fontFamily
                font.pixelSize: Theme.body
            }
        }
    }
}
