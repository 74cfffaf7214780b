import QtQuick

// One labelled fact on the item and ticket pages: "收费：不收费", in reading size.
Item {
    id: row
    property string label
    property string value
    property int fontSize: Theme.reading - 4
    implicitHeight: Math.max(labelText.implicitHeight, valueText.implicitHeight)
    height: implicitHeight
    Text {
        id: labelText
        width: row.fontSize * 6
        text: row.label
        color: Theme.mutedInk
        font.family: Theme.fontFamily
        font.pixelSize: row.fontSize
        wrapMode: Text.Wrap
    }
    Text {
        id: valueText
        x: labelText.width + 16
        width: row.width - x
        text: row.value
        color: Theme.ink
        font.family: Theme.fontFamily
        font.pixelSize: row.fontSize
        font.bold: true
        wrapMode: Text.Wrap
    }
}
