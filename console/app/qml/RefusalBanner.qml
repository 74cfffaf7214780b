import QtQuick

// The dispatcher's reason for a refused action, as it came.
Rectangle {
    id: banner
    property string text
    signal dismissed()
    visible: text.length > 0
    height: visible ? 44 : 0
    color: "#fdecea"
    border.color: Theme.bad
    radius: 4
    Text {
        anchors { left: parent.left; leftMargin: 12; verticalCenter: parent.verticalCenter }
        text: qsTr("未执行：%1").arg(banner.text)
        font.family: Theme.font
        font.pixelSize: 18
        color: Theme.bad
    }
    MouseArea { anchors.fill: parent; onClicked: banner.dismissed() }
}
