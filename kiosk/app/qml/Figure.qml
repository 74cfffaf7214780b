import QtQuick

// One queue figure on the item page: its label, then the value in large type that shrinks
// (never below 48 px) rather than run into its neighbour.
Column {
    id: figure
    property string label
    property string value
    property string valueName
    spacing: 4
    Text {
        width: figure.width
        text: figure.label
        color: Theme.mutedInk
        font.family: Theme.fontFamily
        font.pixelSize: Theme.large
        elide: Text.ElideRight
    }
    Text {
        objectName: figure.valueName
        width: figure.width
        height: Theme.figure * 1.3
        text: figure.value
        color: Theme.ink
        font.family: Theme.fontFamily
        font.pixelSize: Theme.figure
        font.bold: true
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 48
        verticalAlignment: Text.AlignVCenter
    }
}
