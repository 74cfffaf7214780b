import QtQuick
import QtQuick.Layouts

// One labelled fact on the item page: "收费：不收费".
RowLayout {
    id: row
    property string label
    property string value
    spacing: 16
    Text {
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: 230
        text: row.label
        color: Theme.mutedInk
        font.family: Theme.fontFamily
        font.pixelSize: Theme.body
    }
    Text {
        Layout.fillWidth: true
        text: row.value
        color: Theme.ink
        font.family: Theme.fontFamily
        font.pixelSize: Theme.body
        font.bold: true
        wrapMode: Text.WordWrap
    }
}
