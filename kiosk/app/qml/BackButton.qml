import QtQuick

// 返回: the same size in the same place (bottom left) on every page that has one, so it is
// never somewhere else under the finger.
BigButton {
    objectName: "backButton"
    width: Theme.backWidth
    height: Theme.buttonHeight
    anchors.left: parent.left
    anchors.bottom: parent.bottom
    anchors.leftMargin: Theme.margin
    anchors.bottomMargin: Theme.margin
    text: qsTr("返回")
    fill: Theme.surface
    ink: Theme.ink
}
