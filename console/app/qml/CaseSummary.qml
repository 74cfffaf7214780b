import QtQuick
import QtQuick.Layouts

// One case as the model describes it (CaseDesk.describe): number, item, applicant (masked
// unless checked), state, dates, result. Bindings only.
GridLayout {
    id: summary
    property var info: ({})
    columns: 2
    columnSpacing: 16
    rowSpacing: 6

    component FieldName: Text { font.family: Theme.font; font.pixelSize: 17; color: Theme.muted; Layout.alignment: Qt.AlignTop }
    component FieldValue: Text { font.family: Theme.font; font.pixelSize: 19; color: Theme.ink; Layout.fillWidth: true; wrapMode: Text.Wrap }

    FieldName { text: qsTr("办件编号") }
    FieldValue { text: summary.info.number ?? ""; font.bold: true; font.pixelSize: 24; color: Theme.accent }
    FieldName { text: qsTr("办理事项") }
    FieldValue { text: summary.info.kind ? qsTr("%1（%2）").arg(summary.info.item).arg(summary.info.kind) : (summary.info.item ?? "") }
    FieldName { text: qsTr("申请人") }
    FieldValue { text: [summary.info.applicant, summary.info.idNumber, summary.info.phone].filter(function (s) { return s && s.length > 0 }).join("  ") }
    FieldName { text: qsTr("状态"); visible: (summary.info.stateText ?? "").length > 0 }
    FieldValue { text: summary.info.stateText ?? ""; visible: text.length > 0; font.bold: true }
    FieldName { text: qsTr("承诺办结日期"); visible: (summary.info.dueDate ?? "").length > 0 }
    FieldValue { text: summary.info.dueDate ?? ""; visible: text.length > 0 }
    FieldName { text: qsTr("办理结果"); visible: (summary.info.result ?? "").length > 0 }
    FieldValue { text: summary.info.result ?? ""; visible: text.length > 0 }
    FieldName { text: qsTr("材料"); visible: (summary.info.materials ?? "").length > 0 }
    FieldValue { text: summary.info.materials ?? ""; visible: text.length > 0; font.pixelSize: 16 }
    FieldName { text: qsTr("出件窗口"); visible: (summary.info.issuingWindow ?? "").length > 0 }
    FieldValue { text: summary.info.issuingWindow ?? ""; visible: text.length > 0 }
}
