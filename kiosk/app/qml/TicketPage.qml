import QtQuick
import QtQuick.Layouts
import Jiujin.KioskModel

// 取号结果: the number, large; what to do next. When the ticket could not be printed the
// screen is the ticket: the number stays up in large type and the resident is told so.
Item {
    id: page
    required property KioskModel kiosk
    readonly property TicketIssuer issuer: kiosk.issuer
    readonly property bool issued: issuer.state === TicketIssuer.Issued
    readonly property bool printFailed: issuer.printFailed
    property bool landscape: false

    BigButton {
        objectName: "doneButton"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        height: Theme.buttonHeight
        text: page.issued ? qsTr("完成") : qsTr("返回首页")
        onClicked: page.kiosk.goHome()
    }

    // Landscape: the number on the left, what to do on the right.
    GridLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.margin
        columns: page.landscape ? 2 : 1
        columnSpacing: 48
        rowSpacing: 24

        // Waiting for the dispatcher, or it is unreachable and we retry by ourselves.
        Text {
            objectName: "issuingText"
            Layout.fillWidth: true
            Layout.topMargin: page.landscape ? 80 : 200
            Layout.columnSpan: page.landscape ? 2 : 1
            visible: page.issuer.state === TicketIssuer.Issuing
            text: qsTr("正在取号，请稍候…")
            horizontalAlignment: Text.AlignHCenter
            color: Theme.ink
            font.family: Theme.fontFamily
            font.pixelSize: Theme.title
        }
        Rectangle {
            objectName: "unreachableNotice"
            Layout.fillWidth: true
            Layout.topMargin: page.landscape ? 60 : 120
            Layout.preferredHeight: unreachableColumn.implicitHeight + 80
            Layout.columnSpan: page.landscape ? 2 : 1
            visible: page.issuer.state === TicketIssuer.Unreachable
            radius: Theme.radius
            color: Theme.warningSurface
            border.color: Theme.warning
            border.width: 5
            ColumnLayout {
                id: unreachableColumn
                anchors.fill: parent
                anchors.margins: 40
                spacing: 24
                Text {
                    Layout.fillWidth: true
                    text: qsTr("系统暂时无法取号，请稍候或到咨询台")
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.warning
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.title
                    font.bold: true
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("正在自动重试（已尝试 %1 次），您无需重复取号").arg(page.issuer.attempts)
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.ink
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.body
                }
            }
        }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: page.landscape ? 80 : 200
            Layout.columnSpan: page.landscape ? 2 : 1
            visible: page.issuer.state === TicketIssuer.Refused
            text: qsTr("无法取号：%1").arg(page.issuer.refusal)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.warning
            font.family: Theme.fontFamily
            font.pixelSize: Theme.large
            font.bold: true
        }

        // The ticket.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            visible: page.issued
            spacing: 12
            Text {
                Layout.alignment: Qt.AlignHCenter
                text: page.issuer.priority ? qsTr("您的号码（绿色通道）") : qsTr("您的号码")
                color: page.issuer.priority ? Theme.priority : Theme.mutedInk
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
                font.bold: page.issuer.priority
            }
            // A check-in on time: the slot is the ticket's place (called first once it begins).
            Text {
                objectName: "appointmentMark"
                Layout.alignment: Qt.AlignHCenter
                visible: page.issuer.appointment !== ""
                text: qsTr("预约 %1").arg(page.issuer.appointment)
                color: Theme.priority
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
            }
            // The box is sized by its number directly, not by the layout: Qt 6.4's layout kept
            // the width it measured for the empty number while the page was hidden.
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: numberBox.height
                Rectangle {
                    id: numberBox
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: Math.min(parent.width, numberText.implicitWidth + 120)
                    height: numberText.implicitHeight + 20
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: page.printFailed ? Theme.warning : Theme.brand
                    border.width: 6
                    Text {
                        id: numberText
                        objectName: "ticketNumber"
                        anchors.centerIn: parent
                        text: page.issuer.number
                        color: Theme.ink
                        font.family: Theme.fontFamily
                        font.pixelSize: page.printFailed ? Theme.number + 40 : Theme.number
                        font.bold: true
                    }
                }
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            visible: page.issued
            spacing: 12
            InfoRow { Layout.fillWidth: true; Layout.topMargin: page.landscape ? 0 : 20; label: qsTr("办理事项"); value: page.issuer.itemName }
            InfoRow { Layout.fillWidth: true; label: qsTr("办理窗口"); value: page.issuer.queueName }
            InfoRow { Layout.fillWidth: true; label: qsTr("前面等候"); value: qsTr("%1 人").arg(page.issuer.peopleAhead) }
            InfoRow { Layout.fillWidth: true; label: qsTr("预计等候"); value: qsTr("约 %1 分钟").arg(page.issuer.waitMinutes) }
            Text {
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: 16
                text: qsTr("请留意叫号")
                color: Theme.brand
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
            }
        }

        // A check-in after the booking time (an ordinary ticket), or one checked in before.
        Rectangle {
            objectName: "checkInNotice"
            Layout.fillWidth: true
            Layout.columnSpan: page.landscape ? 2 : 1
            Layout.preferredHeight: checkInText.implicitHeight + 48
            visible: page.issued && page.issuer.checkInNotice !== ""
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.brand
            border.width: 4
            Text {
                id: checkInText
                anchors.centerIn: parent
                width: parent.width - 48
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.ink
                text: page.issuer.checkInNotice
            }
        }

        Rectangle {
            objectName: "printNotice"
            Layout.fillWidth: true
            Layout.columnSpan: page.landscape ? 2 : 1
            Layout.preferredHeight: printText.implicitHeight + 48
            visible: page.issued && page.issuer.printState !== TicketIssuer.NotStarted
            radius: Theme.radius
            color: page.printFailed ? Theme.warningSurface : Theme.surface
            border.color: page.printFailed ? Theme.warning : Theme.line
            border.width: 4
            Text {
                id: printText
                anchors.centerIn: parent
                width: parent.width - 48
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
                font.bold: page.printFailed
                color: page.printFailed ? Theme.warning : Theme.ink
                text: page.issuer.printNotice
            }
        }

    }
}
