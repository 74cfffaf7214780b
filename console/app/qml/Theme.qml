pragma Singleton
import QtQuick

QtObject {
    readonly property string font: "WenQuanYi Micro Hei"
    // The size of ordinary reading text, and the least a button's words may have: clerks and
    // managers read these screens all day, many of them no longer young (the screenshot test
    // fails a monitor button below it).
    readonly property int body: 16
    readonly property color background: "#eef2f6"
    readonly property color panel: "#ffffff"
    readonly property color ink: "#1d2733"
    readonly property color muted: "#5c6b7a"
    readonly property color accent: "#1f5fa8"
    readonly property color good: "#2e7d32"
    readonly property color warn: "#d9822b"
    readonly property color bad: "#c62828"
    readonly property color line: "#d5dde6"

    // A window's state (its code) as a color; any other state shows muted.
    readonly property var stateColors: ({ idle: good, calling: accent, serving: "#6a3fa0", paused: warn })
}
