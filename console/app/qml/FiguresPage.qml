import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts

Item {
    id: figures
    required property var monitor

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        RowLayout {
            spacing: 8
            Text { text: qsTr("统计期间"); font.family: Theme.font; font.pixelSize: 18; color: Theme.ink }
            TextField { id: fromField; text: figures.monitor.figuresFrom; placeholderText: "2024-05-01"; font.family: Theme.font; Layout.preferredWidth: 130 }
            Text { text: "—"; font.pixelSize: 18 }
            TextField { id: toField; text: figures.monitor.figuresTo; placeholderText: "2024-05-31"; font.family: Theme.font; Layout.preferredWidth: 130 }
            Button { text: qsTr("查询"); font.family: Theme.font; onClicked: figures.monitor.loadFigures(fromField.text, toField.text) }
            Button { text: qsTr("今日"); font.family: Theme.font; onClicked: figures.monitor.loadToday() }
            Button { text: qsTr("本考核期（双月）"); font.family: Theme.font; onClicked: figures.monitor.loadCurrentAppraisalPeriod() }
            Item { Layout.fillWidth: true }
            TextField { id: exportPath; text: "jiujin-figures.csv"; font.family: Theme.font; Layout.preferredWidth: 200 }
            Button { text: qsTr("导出统计 CSV"); font.family: Theme.font; onClicked: figures.monitor.exportFigures(exportPath.text) }
            Button { text: qsTr("导出考核表"); font.family: Theme.font; onClicked: figures.monitor.exportAppraisalBeside(exportPath.text) }
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
                    height: 70
                    radius: 6
                    color: Theme.panel
                    border.color: Theme.line
                    Column {
                        anchors.centerIn: parent
                        Text { anchors.horizontalCenter: parent.horizontalCenter; text: modelData.label; font.family: Theme.font; font.pixelSize: 14; color: Theme.muted }
                        Text { anchors.horizontalCenter: parent.horizontalCenter; text: modelData.value; font.family: Theme.font; font.pixelSize: 22; font.bold: true; color: Theme.ink }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10
            ChartView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                title: qsTr("各时段取号人数")
                titleFont.family: Theme.font
                legend.visible: false
                antialiasing: true
                BarSeries {
                    axisX: BarCategoryAxis {
                        categories: ["0","1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20","21","22","23"]
                    }
                    axisY: ValueAxis { min: 0; max: Math.max(4, figures.monitor.arrivalsPeak + 1); labelFormat: "%d" }
                    BarSet { label: qsTr("取号"); values: figures.monitor.arrivalsByHour; color: Theme.accent }
                }
            }
            Panel {
                title: qsTr("按工作人员")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                ListView {
                    anchors.fill: parent
                    clip: true
                    model: figures.monitor.byClerk
                    header: Text { text: qsTr("姓名　办结　平均办理　满意率　在岗　暂停"); font.family: Theme.font; font.pixelSize: 14; color: Theme.muted }
                    delegate: Text {
                        required property var model
                        text: model.name + "　" + model.completed + "　" + model.serviceMean + "　" + model.satisfaction + "　" + model.loggedIn + "　" + model.paused
                        font.family: Theme.font; font.pixelSize: 16; color: Theme.ink
                    }
                }
            }
            Panel {
                title: qsTr("按事项")
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                ListView {
                    anchors.fill: parent
                    clip: true
                    model: figures.monitor.byItem
                    delegate: Text {
                        required property var model
                        text: model.name + "　" + qsTr("取号 %1　办结 %2　过号 %3").arg(model.issued).arg(model.completed).arg(model.noShow)
                        font.family: Theme.font; font.pixelSize: 15; color: Theme.ink
                    }
                }
            }
        }
    }
}
