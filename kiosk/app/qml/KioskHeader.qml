import QtQuick
import QtQuick.Layouts
import Jiujin.KioskModel

// Hall name, date and time, and the language button.
Rectangle {
    id: header
    required property KioskModel kiosk
    property bool landscape: false
    implicitHeight: landscape ? 140 : 170
    color: Theme.brand

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: 24

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 6
            Text {
                Layout.fillWidth: true
                text: header.kiosk.hallName
                color: Theme.brandInk
                font.family: Theme.fontFamily
                font.pixelSize: Theme.title
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                elide: Text.ElideRight
                // Formatting only: the date pattern itself is translated.
                text: header.kiosk.now.toLocaleString(Qt.locale(qsTr("zh_CN")), qsTr("yyyy年M月d日 dddd  HH:mm"))
                color: Theme.brandInk
                font.family: Theme.fontFamily
                font.pixelSize: Theme.large
            }
        }

        BigButton {
            objectName: "languageButton"
            text: header.kiosk.otherLanguageName
            fill: Theme.surface
            ink: Theme.brand
            fontSize: Theme.body
            implicitHeight: 100
            onClicked: header.kiosk.switchToOtherLanguage()
        }
    }
}
