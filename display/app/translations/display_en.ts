<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnouncementPlayer</name>
    <message>
        <location filename="../../voice/src/announcement_player.cpp" line="42"/>
        <source>音频设备无响应</source>
        <translation>The audio device does not respond</translation>
    </message>
    <message>
        <location filename="../../voice/src/announcement_player.cpp" line="61"/>
        <source>没有音频输出设备</source>
        <translation>No audio output device</translation>
    </message>
    <message>
        <location filename="../../voice/src/announcement_player.cpp" line="107"/>
        <source>音频设备出错</source>
        <translation>Audio device error</translation>
    </message>
</context>
<context>
    <name>CallAnnouncer</name>
    <message>
        <location filename="../../voice/src/call_announcer.cpp" line="34"/>
        <source>静音时段</source>
        <translation>Quiet hours</translation>
    </message>
</context>
<context>
    <name>CallsPanel</name>
    <message>
        <location filename="../qml/CallsPanel.qml" line="31"/>
        <source>暂无叫号</source>
        <translation>No calls yet</translation>
    </message>
    <message>
        <location filename="../qml/CallsPanel.qml" line="48"/>
        <source>请到 %1 号窗口</source>
        <translation>Please go to window %1</translation>
    </message>
    <message>
        <location filename="../qml/CallsPanel.qml" line="58"/>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../qml/CallsPanel.qml" line="98"/>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/CallsPanel.qml" line="115"/>
        <source>过号</source>
        <translation>Missed</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="27"/>
        <source>正在同步</source>
        <translation>Synchronising</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="27"/>
        <source>连接中断</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <location filename="../qml/ConnectionBanner.qml" line="36"/>
        <source>叫号信息可能不是最新的，请留意窗口呼叫</source>
        <translation>Calls shown may be out of date; please listen for your number</translation>
    </message>
</context>
<context>
    <name>DisplayModel</name>
    <message>
        <location filename="../../model/src/display_model.cpp" line="40"/>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="41"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="42"/>
        <source>等待叫号</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="43"/>
        <source>正在呼叫</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="44"/>
        <source>正在办理</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="287"/>
        <source>无需等待</source>
        <translation>No wait</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="287"/>
        <source>约%1分钟</source>
        <translation>about %1 min</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="290"/>
        <source>无人等候</source>
        <translation>Nobody waiting</translation>
    </message>
    <message>
        <location filename="../../model/src/display_model.cpp" line="291"/>
        <source>等候 %1 人 · %2</source>
        <translation>%1 waiting · %2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="17"/>
        <source>叫号显示屏</source>
        <translation>Queue display</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
</context>
<context>
    <name>WindowGrid</name>
    <message>
        <location filename="../qml/WindowGrid.qml" line="54"/>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
</context>
</TS>
