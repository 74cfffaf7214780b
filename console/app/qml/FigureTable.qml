import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A table of figures: a header row and one row per group, each column a role of the rows'
// model with a relative width. A title or a name longer than its column wraps onto a second
// line (the row grows) rather than lose its end.
Item {
    id: table
    required property var rows
    /// [{ title, role, width }]: width is relative to the other columns'.
    required property var columns
    readonly property real unit: {
        let sum = 0
        for (const c of columns) sum += c.width
        return width / Math.max(1, sum)
    }

    Row {
        id: header
        width: parent.width
        Repeater {
            model: table.columns
            Text {
                required property var modelData
                required property int index
                width: modelData.width * table.unit
                text: modelData.title
                horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                rightPadding: 6
                wrapMode: Text.Wrap
                font.family: Theme.font; font.pixelSize: 14; font.bold: true; color: Theme.muted
            }
        }
    }
    Rectangle { id: rule; anchors.top: header.bottom; anchors.topMargin: 2; width: parent.width; height: 1; color: Theme.line }
    ListView {
        anchors { left: parent.left; right: parent.right; top: rule.bottom; bottom: parent.bottom; topMargin: 2 }
        clip: true
        model: table.rows
        ScrollBar.vertical: ScrollBar {}
        delegate: Row {
            id: row
            required property var model
            required property int index
            width: ListView.view.width
            Repeater {
                model: table.columns
                Text {
                    required property var modelData
                    required property int index
                    width: modelData.width * table.unit
                    height: Math.max(26, implicitHeight)
                    verticalAlignment: Text.AlignVCenter
                    text: row.model[modelData.role] ?? ""
                    horizontalAlignment: index === 0 ? Text.AlignLeft : Text.AlignRight
                    rightPadding: 6
                    wrapMode: Text.Wrap
                    font.family: Theme.font; font.pixelSize: 15; color: Theme.ink
                }
            }
        }
    }
}
