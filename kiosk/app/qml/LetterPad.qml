import QtQuick
import Jiujin.KioskModel

// 拼音首字母 search without a keyboard: what was typed, then A–Z, 退格 and 清除 in 4 rows of 7
// keys. A key that would find nothing is dimmed and does nothing; the model keeps the letters.
Column {
    id: pad
    required property ItemListModel items
    readonly property int columns: 7
    readonly property real key: (width - (columns - 1) * 12) / columns
    readonly property bool typing: items.initials !== ""
    spacing: 16

    Rectangle {
        objectName: "typedInitials"
        width: pad.width
        height: 100
        radius: Theme.radius
        color: Theme.surface
        border.color: pad.typing ? Theme.brand : Theme.line
        border.width: 3
        Text {
            anchors.fill: parent
            anchors.leftMargin: 24
            anchors.rightMargin: 24
            verticalAlignment: Text.AlignVCenter
            text: pad.typing ? pad.items.initials : qsTr("按拼音首字母查找，如：GLJT（高龄津贴）")
            color: pad.typing ? Theme.ink : Theme.mutedInk
            font.family: Theme.fontFamily
            font.pixelSize: pad.typing ? Theme.title : Theme.body
            font.bold: pad.typing
            font.letterSpacing: pad.typing ? 8 : 0
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
    }

    Grid {
        objectName: "letterKeys"
        columns: pad.columns
        spacing: 12
        Repeater {
            model: ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
                    "T", "U", "V", "W", "X", "Y", "Z"]
            delegate: BigButton {
                required property string modelData
                objectName: "letter" + modelData
                width: pad.key
                height: 84
                text: modelData
                fontSize: Theme.large
                fill: Theme.surface
                ink: Theme.brand
                enabled: pad.items.nextLetters.indexOf(modelData) >= 0
                onClicked: pad.items.typeLetter(modelData)
            }
        }
        BigButton {
            objectName: "eraseLetterButton"
            width: pad.key
            height: 84
            text: qsTr("退格")
            fontSize: 30
            fill: Theme.surface
            ink: Theme.ink
            enabled: pad.typing
            onClicked: pad.items.eraseLetter()
        }
        BigButton {
            objectName: "clearSearchButton"
            width: pad.key
            height: 84
            text: qsTr("清除")
            fontSize: 30
            fill: Theme.surface
            ink: Theme.ink
            enabled: pad.typing
            onClicked: pad.items.clearSearch()
        }
    }
}
