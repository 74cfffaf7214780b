<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AnnouncementPlayer</name>
    <message>
        <source>音频设备无响应</source>
        <translation>The audio device does not respond</translation>
    </message>
    <message>
        <source>没有音频输出设备</source>
        <translation>No audio output device</translation>
    </message>
    <message>
        <source>音频设备出错</source>
        <translation>Audio device error</translation>
    </message>
</context>
<context>
    <name>CallAnnouncer</name>
    <message>
        <source>静音时段</source>
        <translation>Quiet hours</translation>
    </message>
</context>
<context>
    <name>CallsPanel</name>
    <message>
        <source>暂无叫号</source>
        <translation>No calls yet</translation>
    </message>
    <message>
        <source>请到 %1 号窗口</source>
        <translation>Please go to window %1</translation>
    </message>
    <message>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>正在同步</source>
        <translation>Synchronising</translation>
    </message>
    <message>
        <source>连接中断</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <source>叫号信息可能不是最新的，请留意窗口呼叫</source>
        <translation>Calls shown may be out of date; please listen for your number</translation>
    </message>
</context>
<context>
    <name>DisplayModel</name>
    <message>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>等待叫号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>正在呼叫</source>
        <translation>Calling</translation>
    </message>
    <message>
        <source>正在办理</source>
        <translation>Serving</translation>
    </message>
    <message>
        <source>无需等待</source>
        <translation>No wait</translation>
    </message>
    <message>
        <source>约%1分钟</source>
        <translation>about %1 min</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>叫号显示屏</source>
        <translation>Queue display</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <source>等候 %1 人 · %2</source>
        <translation>%1 waiting · %2</translation>
    </message>
</context>
<context>
    <name>WindowGrid</name>
    <message>
        <source>%1 号窗口</source>
        <translation>Window %1</translation>
    </message>
</context>
</TS>
