import QtQuick
import QtQuick.Window

Window {
    id: root
    // Exactly one of them is set by main.cpp.
    required property var clerkConsole
    required property var monitor
    width: 1280
    height: 800
    visible: true
    color: Theme.background
    title: clerkConsole ? qsTr("就近 · 窗口工作台") : qsTr("就近 · 大厅监控")

    Loader {
        anchors.fill: parent
        sourceComponent: root.clerkConsole ? clerkPage : monitorPage
    }
    Component {
        id: clerkPage
        ClerkPage { objectName: "clerkPage"; desk: root.clerkConsole; width: root.width; height: root.height }
    }
    Component {
        id: monitorPage
        MonitorPage { objectName: "monitorPage"; monitor: root.monitor; width: root.width; height: root.height }
    }
}
