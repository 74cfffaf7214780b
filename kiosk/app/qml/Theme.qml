pragma Singleton
import QtQuick

// One place for the kiosk's look: high contrast, large type for elderly residents.
QtObject {
    readonly property string fontFamily: "WenQuanYi Micro Hei"
    readonly property color background: "#f4f6f8"
    readonly property color surface: "#ffffff"
    readonly property color ink: "#111418"
    readonly property color mutedInk: "#3d4650"
    readonly property color brand: "#0b4f9c"
    readonly property color brandInk: "#ffffff"
    readonly property color go: "#1b7a35"
    readonly property color priority: "#0f7b6c"
    readonly property color warning: "#b3261e"
    readonly property color warningSurface: "#fdecea"
    readonly property color line: "#c9d1d9"
    readonly property color pressed: "#dce7f5"
    readonly property int body: 34
    readonly property int large: 40
    readonly property int reading: 42   // materials and facts on the item page
    readonly property int title: 52
    readonly property int figure: 88    // people waiting, minutes
    readonly property int number: 220
    readonly property int radius: 14
    readonly property int margin: 36
    readonly property int gap: 24
    // The page buttons: 返回 is this wide and this high, bottom left, on every page.
    readonly property int buttonHeight: 130
    readonly property int backWidth: 300
}
