import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Item {
    id: figures
    required property var monitor

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        // The period and the exports: two groups that share a line where the screen is wide
        // enough, the exports below the period where not (English at 1280 px).
        Flow {
            Layout.fillWidth: true
            spacing: 8
            RowLayout {
                spacing: 8
                Text { text: qsTr("统计期间"); font.family: Theme.font; font.pixelSize: 18; color: Theme.ink }
                TextField { id: fromField; text: figures.monitor.figuresFrom; placeholderText: "2024-05-01"; font.family: Theme.font; Layout.preferredWidth: 130 }
                Text { text: "—"; font.pixelSize: 18 }
                TextField { id: toField; text: figures.monitor.figuresTo; placeholderText: "2024-05-31"; font.family: Theme.font; Layout.preferredWidth: 130 }
                Button { text: qsTr("查询"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: figures.monitor.loadFigures(fromField.text, toField.text) }
                Button { text: qsTr("今日"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: figures.monitor.loadToday() }
                Button { text: qsTr("本考核期"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: figures.monitor.loadCurrentAppraisalPeriod() }
                Button { objectName: "previousPeriod"; text: qsTr("上一考核期"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: figures.monitor.loadPreviousAppraisalPeriod() }
                Item { Layout.preferredWidth: 16 }
            }
            RowLayout {
                spacing: 8
                TextField { id: exportPath; text: "jiujin-figures.csv"; font.family: Theme.font; Layout.preferredWidth: 170 }
                Button { text: qsTr("导出统计 CSV"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: figures.monitor.exportFigures(exportPath.text) }
                Button { text: qsTr("导出考核表"); font.family: Theme.font; font.pixelSize: Theme.body; onClicked: figures.monitor.exportAppraisalBeside(exportPath.text) }
            }
        }

        // A positioner holds the Repeater: on Qt 6.4 a Repeater directly inside a Quick Layout whose
        // model changes leaves the layout a freed delegate, and the next relayout crashes.
        Row {
            id: summaryRow
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                id: summaryCards
                model: [
                    { label: qsTr("取号"), value: figures.monitor.summary.issued },
                    { label: qsTr("办结"), value: figures.monitor.summary.completed },
                    { label: qsTr("平均等候"), value: figures.monitor.summary.waitMean },
                    { label: qsTr("等候P90"), value: figures.monitor.summary.waitP90 },
                    { label: qsTr("平均办理"), value: figures.monitor.summary.serviceMean },
                    { label: qsTr("办理P90"), value: figures.monitor.summary.serviceP90 },
                    { label: qsTr("目标内呼叫"), value: figures.monitor.summary.withinTarget },
                    { label: qsTr("过号率"), value: figures.monitor.summary.noShowRate },
                    { label: qsTr("满意率"), value: figures.monitor.summary.satisfaction }
                ]
                Rectangle {
                    required property var modelData
                    width: (summaryRow.width - (summaryCards.count - 1) * summaryRow.spacing) / Math.max(1, summaryCards.count)
                    radius: 6
                    color: Theme.panel
                    border.color: Theme.line
                    // A long label (Called within target) takes two lines; the card grows with it.
                    height: Math.max(70, card.implicitHeight + 12)
                    Column {
                        id: card
                        anchors.centerIn: parent
                        width: parent.width - 8
                        Text { width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.Wrap
                               text: modelData.label; font.family: Theme.font; font.pixelSize: 14; color: Theme.muted }
                        Text { width: parent.width; horizontalAlignment: Text.AlignHCenter
                               text: modelData.value; font.family: Theme.font; font.pixelSize: 22; font.bold: true; color: Theme.ink }
                    }
                }
            }
        }

        // The chart over the clerks' table at the left, the items' table (the longest names) at
        // the right: each table wide enough for its figures at 1280×800.
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 6
                spacing: 10
                // Arrivals by hour as bars drawn by Qt Quick itself (renders offscreen as on screen).
                Panel {
                    title: qsTr("各时段取号人数")
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 1
                    Item {
                        id: chart
                        objectName: "arrivalsChart"
                        anchors.fill: parent
                        readonly property int peak: Math.max(1, figures.monitor.arrivalsPeak)
                        Row {
                            id: bars
                            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: hours.top; bottomMargin: 2 }
                            Repeater {
                                model: figures.monitor.arrivalsByHour
                                Item {
                                    required property var modelData
                                    required property int index
                                    width: bars.width / 24
                                    height: bars.height
                                    Rectangle {
                                        anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
                                        width: parent.width * 0.7
                                        height: (parent.height - 20) * modelData / chart.peak
                                        color: Theme.accent
                                    }
                                    Text {
                                        visible: modelData > 0
                                        text: modelData
                                        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: (parent.height - 20) * modelData / chart.peak + 1 }
                                        font.family: Theme.font; font.pixelSize: 13; color: Theme.ink
                                    }
                                }
                            }
                        }
                        Row {
                            id: hours
                            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
                            height: 18
                            Repeater {
                                model: 24
                                Text {
                                    required property int index
                                    width: hours.width / 24
                                    horizontalAlignment: Text.AlignHCenter
                                    text: index % 2 === 0 ? index : ""
                                    font.family: Theme.font; font.pixelSize: 13; color: Theme.muted
                                }
                            }
                        }
                    }
                }
                Panel {
                    title: qsTr("按工作人员")
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: 1
                    FigureTable {
                        anchors.fill: parent
                        objectName: "clerkTable"
                        rows: figures.monitor.byClerk
                        columns: [
                            { title: qsTr("姓名"), role: "name", width: 1.8 },
                            { title: qsTr("办结"), role: "completed", width: 1.2 },
                            { title: qsTr("平均办理"), role: "serviceMean", width: 1.4 },
                            { title: qsTr("满意率"), role: "satisfaction", width: 1.4 },
                            { title: qsTr("在岗"), role: "loggedIn", width: 1.4 },
                            { title: qsTr("暂停"), role: "paused", width: 1.2 }
                        ]
                    }
                }
            }
            Panel {
                title: qsTr("按事项")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                FigureTable {
                    anchors.fill: parent
                    objectName: "itemTable"
                    rows: figures.monitor.byItem
                    columns: [
                        { title: qsTr("事项"), role: "name", width: 4 },
                        { title: qsTr("取号"), role: "issued", width: 1 },
                        { title: qsTr("办结"), role: "completed", width: 1 },
                        { title: qsTr("过号"), role: "noShow", width: 1 }
                    ]
                }
            }
        }
    }
}
