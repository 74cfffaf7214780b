<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ClerkPage</name>
    <message>
        <location filename="../qml/ClerkPage.qml" line="36"/>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="45"/>
        <source>工作人员：%1</source>
        <translation>Clerk: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="45"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="50"/>
        <source>退出</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="75"/>
        <source>当前办件</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="91"/>
        <source>叫号原因：%1</source>
        <translation>Called because: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="95"/>
        <source>已用时</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="99"/>
        <source>核对材料（一次性告知）</source>
        <translation>Materials to check (one-time notice)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="115"/>
        <source>转办经过</source>
        <translation>Transfer history</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="138"/>
        <source>本窗口服务的队列</source>
        <translation>Queues this window serves</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="149"/>
        <source>%1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="159"/>
        <source>我的今日</source>
        <translation>My day</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="165"/>
        <location filename="../qml/ClerkPage.qml" line="182"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="166"/>
        <source>%1 件</source>
        <translation>%1 served</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="167"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="169"/>
        <source>评价</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="179"/>
        <source>呼叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="180"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="181"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="183"/>
        <source>未到</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="184"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="187"/>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="187"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="191"/>
        <source>请求评价</source>
        <translation>Ask rating</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="208"/>
        <source>%1号窗口 工作人员登录</source>
        <translation>Window %1 · clerk login</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="209"/>
        <source>工号</source>
        <translation>Clerk ID</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="210"/>
        <location filename="../qml/ClerkPage.qml" line="241"/>
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="214"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="220"/>
        <source>未连接调度服务</source>
        <translation>Dispatcher not connected</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="239"/>
        <source>%1号窗口 已由 %2 登录</source>
        <translation>Window %1: %2 is logged in</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="240"/>
        <source>请 %1 输入密码继续</source>
        <translation>%1, enter your PIN to continue</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="247"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="254"/>
        <source>换人登录</source>
        <translation>Another clerk</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="269"/>
        <source>转移办件</source>
        <translation>Transfer ticket</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="275"/>
        <source>备注（如：材料已收，待发证）</source>
        <translation>Note (e.g. materials received, awaiting certificate)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="288"/>
        <source>暂停服务</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location filename="../qml/ClerkPage.qml" line="291"/>
        <source>暂停原因（如：外出送件）</source>
        <translation>Reason (e.g. delivering documents)</translation>
    </message>
</context>
<context>
    <name>CoreWords</name>
    <message>
        <location filename="../../model/src/core_words.cpp" line="13"/>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="13"/>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="14"/>
        <source>呼叫中</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="14"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="15"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="15"/>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="16"/>
        <source>已呼叫</source>
        <translation>Called</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="16"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="17"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="17"/>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="18"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="18"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="19"/>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="19"/>
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="20"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="20"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="21"/>
        <source>军人</source>
        <translation>Serviceman</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="21"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="22"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="22"/>
        <source>基本满意</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="23"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="23"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="24"/>
        <source>综合受理</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="24"/>
        <source>专业</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="25"/>
        <source>统一发证</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location filename="../../model/src/core_words.cpp" line="25"/>
        <source>有诉即办</source>
        <translation>Complaints</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../qml/FiguresPage.qml" line="16"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="20"/>
        <source>查询</source>
        <translation>Query</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="21"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="22"/>
        <source>本考核期（双月）</source>
        <translation>This appraisal period (2 months)</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="25"/>
        <source>导出统计 CSV</source>
        <translation>Export figures CSV</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="26"/>
        <source>导出考核表</source>
        <translation>Export appraisal</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="34"/>
        <location filename="../qml/FiguresPage.qml" line="77"/>
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="35"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="36"/>
        <source>平均等候</source>
        <translation>Avg. wait</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="37"/>
        <source>等候P90</source>
        <translation>Wait P90</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="38"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="39"/>
        <source>办理P90</source>
        <translation>Service P90</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="40"/>
        <source>目标内呼叫</source>
        <translation>Called within target</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="41"/>
        <source>过号率</source>
        <translation>No-show rate</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="42"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="68"/>
        <source>各时段取号人数</source>
        <translation>Arrivals by hour</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="81"/>
        <source>按工作人员</source>
        <translation>By clerk</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="89"/>
        <source>姓名&#x3000;办结&#x3000;平均办理&#x3000;满意率&#x3000;在岗&#x3000;暂停</source>
        <translation>Name  Served  Avg. service  Satisfaction  Logged in  Paused</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="98"/>
        <source>按事项</source>
        <translation>By item</translation>
    </message>
    <message>
        <location filename="../qml/FiguresPage.qml" line="108"/>
        <source>取号 %1&#x3000;办结 %2&#x3000;过号 %3</source>
        <translation>issued %1  served %2  no-show %3</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <location filename="../qml/LivePage.qml" line="16"/>
        <source>窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="33"/>
        <source>%1号</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="42"/>
        <source>开窗</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="42"/>
        <source>关窗</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="55"/>
        <source>告警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="84"/>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="119"/>
        <location filename="../qml/LivePage.qml" line="128"/>
        <source>队列</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="128"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="128"/>
        <source>最久等候</source>
        <translation>Oldest wait</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="128"/>
        <source>预计等候</source>
        <translation>Est. wait</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="140"/>
        <source>%1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="149"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="161"/>
        <source>故障 %1 次</source>
        <translation>%1 faults</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="183"/>
        <source>设置队列</source>
        <translation>Set queues</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="185"/>
        <source>号码，如 A012</source>
        <translation>Number, e.g. A012</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="186"/>
        <source>指定下一位</source>
        <translation>Pin as next</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="192"/>
        <source>公告内容</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="193"/>
        <source>发布公告</source>
        <translation>Broadcast notice</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="93"/>
        <source>已确认 %1 %2</source>
        <translation>Acknowledged %1 %2</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="98"/>
        <source>回访待办结</source>
        <translation>Follow-up open</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="102"/>
        <source>已回访：%1</source>
        <translation>Followed up: %1</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="109"/>
        <location filename="../qml/LivePage.qml" line="212"/>
        <source>办结回访</source>
        <translation>Close follow-up</translation>
    </message>
    <message>
        <location filename="../qml/LivePage.qml" line="225"/>
        <source>回访情况，如：已电话回访，居民表示理解</source>
        <translation>What was done, e.g. called the resident back, who understood</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <source>就近 · 窗口工作台</source>
        <translation>Jiujin · Window console</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <source>就近 · 大厅监控</source>
        <translation>Jiujin · Hall monitor</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../qml/MonitorPage.qml" line="18"/>
        <source> · 大厅监控</source>
        <translation> · Hall monitor</translation>
    </message>
    <message>
        <location filename="../qml/MonitorPage.qml" line="22"/>
        <source>未确认告警 %1</source>
        <translation>Unacknowledged alarms %1</translation>
    </message>
    <message>
        <location filename="../qml/MonitorPage.qml" line="26"/>
        <source>已连接</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../qml/MonitorPage.qml" line="26"/>
        <source>未连接调度服务</source>
        <translation>Dispatcher not connected</translation>
    </message>
    <message>
        <location filename="../qml/MonitorPage.qml" line="35"/>
        <source>实时</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../qml/MonitorPage.qml" line="36"/>
        <source>统计与考核</source>
        <translation>Figures &amp; appraisal</translation>
    </message>
    <message>
        <location filename="../qml/MonitorPage.qml" line="24"/>
        <source>待回访 %1</source>
        <translation>Open follow-ups %1</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../qml/RefusalBanner.qml" line="15"/>
        <source>未执行：%1</source>
        <translation>Not done: %1</translation>
    </message>
</context>
<context>
    <name>jiujin::console::ClerkConsole</name>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="92"/>
        <source>未连接调度服务</source>
        <translation>Dispatcher not connected</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="94"/>
        <source>未知窗口</source>
        <translation>Unknown window</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="169"/>
        <source>绿色通道·%1</source>
        <translation>Priority · %1</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="182"/>
        <source>请先登录</source>
        <translation>Please log in first</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="184"/>
        <source>已暂停，按 F7 恢复</source>
        <translation>Paused — press F7 to resume</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="185"/>
        <source>窗口未开放</source>
        <translation>Window closed</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="186"/>
        <source>暂无办件，按 F1 呼叫下一位</source>
        <translation>No ticket — press F1 to call the next one</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="207"/>
        <source>（%1号窗口）</source>
        <translation> (window %1)</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="228"/>
        <source>统一发证窗口</source>
        <translation>Certificate issuing window</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="231"/>
        <source>%1队列（%2）</source>
        <translation>Queue %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="236"/>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="274"/>
        <source>请输入工号和密码</source>
        <translation>Enter your clerk ID and PIN</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="289"/>
        <source>请输入密码</source>
        <translation>Please enter the PIN</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="326"/>
        <source>请选择转往的队列或窗口</source>
        <translation>Choose the queue or window to transfer to</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="334"/>
        <source>%1 已转出</source>
        <translation>%1 transferred</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="334"/>
        <source>%1 已转至 %2</source>
        <translation>%1 transferred to %2</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="341"/>
        <source>暂离</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="360"/>
        <source>暂无评价</source>
        <translation>No ratings yet</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="391"/>
        <source>最久已等 %1 分钟</source>
        <translation>longest wait %1 min</translation>
    </message>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="104"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>jiujin::console::HallMonitor</name>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="161"/>
        <source>无窗口办理</source>
        <translation>No window serving</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="200"/>
        <source>纸张正常</source>
        <translation>Paper OK</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="183"/>
        <location filename="../../model/src/hall_monitor.cpp" line="201"/>
        <source>纸将用完</source>
        <translation>Paper low</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="135"/>
        <source>无工作人员登录，不能开窗</source>
        <translation>No clerk logged in: the window cannot open</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="170"/>
        <source>窗口屏</source>
        <translation>window display</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="171"/>
        <source>综合条屏</source>
        <translation>main strip</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="172"/>
        <source>呼叫器</source>
        <translation>caller keypad</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="173"/>
        <source>评价器</source>
        <translation>rating pad</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="174"/>
        <source>取号打印机</source>
        <translation>ticket printer</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="176"/>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="180"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="181"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="182"/>
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="184"/>
        <location filename="../../model/src/hall_monitor.cpp" line="202"/>
        <source>缺纸</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="203"/>
        <source>打印机离线</source>
        <translation>Printer offline</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="309"/>
        <source>至少选择一个队列</source>
        <translation>Choose at least one queue</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="326"/>
        <source>没有等候中的 %1 号</source>
        <translation>No waiting ticket %1</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="335"/>
        <source>日期无效：%1 至 %2</source>
        <translation>Invalid dates: %1 to %2</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="422"/>
        <location filename="../../model/src/hall_monitor.cpp" line="440"/>
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="85"/>
        <source>打印机：%1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="85"/>
        <source>无报告</source>
        <translation>no report</translation>
    </message>
</context>
</TS>
