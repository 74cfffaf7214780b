import QtQuick
import QtQuick.Controls

// 确定 and 取消 for every dialog of the console, in our own words through qsTr. Qt's standard
// dialog buttons take theirs from Qt's own catalogue (qtbase_zh_CN.qm), which the console
// neither ships nor loads: they said "OK"/"Cancel" in the Chinese interface. As a dialog's
// footer this box accepts and rejects the dialog as the standard buttons did (the screenshot
// test fails a dialog of console/app/qml without it).
DialogButtonBox {
    // At the right, each wide enough to hit (the box left to itself sized them anew only in
    // one of the languages).
    alignment: Qt.AlignRight
    font.family: Theme.font
    font.pixelSize: Theme.body
    component DialogButton: Button { implicitWidth: Math.max(120, implicitContentWidth + leftPadding + rightPadding) }
    DialogButton {
        objectName: "dialogAccept"
        text: qsTr("确定")
        DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
    }
    DialogButton {
        objectName: "dialogReject"
        text: qsTr("取消")
        DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
    }
}
