import QtQuick
import QtQuick.Layouts
import Jiujin.KioskModel

// 绿色通道: the resident says which group they belong to, then confirms.
Item {
    id: page
    required property KioskModel kiosk
    property bool landscape: false

    BackButton { onClicked: page.kiosk.back() }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        spacing: 28

        Text {
            Layout.fillWidth: true
            text: qsTr("绿色通道")
            color: Theme.priority
            font.family: Theme.fontFamily
            font.pixelSize: Theme.title
            font.bold: true
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("以下人员可优先办理：%1。叫号后请向窗口出示相关证件。").arg(page.kiosk.item.name)
            color: Theme.ink
            font.family: Theme.fontFamily
            font.pixelSize: Theme.large
            wrapMode: Text.Wrap
        }

        // A Grid positioner, not a GridLayout: on Qt 6.4 a Repeater directly inside a Quick
        // Layout whose model changes (another item's choices) leaves the layout a freed
        // delegate, and the next relayout (turning the screen) crashes the kiosk.
        Grid {
            id: choiceGrid
            Layout.fillWidth: true
            columns: page.landscape ? 4 : 2
            rowSpacing: 24
            columnSpacing: 24
            visible: page.kiosk.priorityChoice === KioskModel.NoPriority
            Repeater {
                model: page.kiosk.priorityChoices
                delegate: BigButton {
                    required property var modelData
                    width: (choiceGrid.width - (choiceGrid.columns - 1) * choiceGrid.columnSpacing) / choiceGrid.columns
                    implicitHeight: 200
                    text: modelData.name
                    fill: Theme.surface
                    ink: Theme.priority
                    fontSize: Theme.title
                    onClicked: page.kiosk.choosePriority(modelData.choice)
                }
            }
        }

        Rectangle {
            objectName: "priorityConfirmation"
            Layout.fillWidth: true
            Layout.preferredHeight: confirmColumn.implicitHeight + 64
            visible: page.kiosk.priorityChoice !== KioskModel.NoPriority
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.priority
            border.width: 5
            ColumnLayout {
                id: confirmColumn
                anchors.fill: parent
                anchors.margins: 32
                spacing: 28
                Text {
                    Layout.fillWidth: true
                    text: qsTr("您选择了：%1").arg(page.kiosk.priorityChoiceName)
                    color: Theme.priority
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("请确认您符合条件。办理时工作人员会查验相关证件。")
                    color: Theme.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.large
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 24
                    BigButton {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("重新选择")
                        fill: Theme.surface
                        ink: Theme.ink
                        onClicked: page.kiosk.cancelPriority()
                    }
                    BigButton {
                        objectName: "confirmPriorityButton"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("确认取号")
                        fill: Theme.go
                        enabled: page.kiosk.canIssue
                        onClicked: page.kiosk.confirmPriority()
                    }
                }
            }
        }
    }
}
