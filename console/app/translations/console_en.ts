<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlarmList</name>
    <message>
        <location filename="../../model/src/alarm_list.cpp" line="+228"/>
        <source>……及更早的 %1 条</source>
        <translation>… and %1 earlier</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <location filename="../qml/BookingsPage.qml" line="+24"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>今日预约</source>
        <translation>Today&apos;s bookings</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>时段</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预约码</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>CaseCounter</name>
    <message>
        <location filename="../qml/CaseCounter.qml" line="+43"/>
        <source>代办登记</source>
        <translation>Agent registration</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>申请材料（一次性告知）</source>
        <translation>Required materials (told all at once)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>便民服务事项登记表</source>
        <translation>Service registration form</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>核对证件号码和电话（显示全部）</source>
        <translation>Check ID number and phone (show in full)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>群众诉求</source>
        <translation>Resident&apos;s request</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>申请人要办的事</source>
        <translation>What the applicant asks for</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>受理并打印回执</source>
        <translation>Accept and print receipt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一次性告知补正</source>
        <translation>Ask for missing materials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不予受理</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>交付结果</source>
        <translation>Hand over the result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>核对申请人身份（显示全部）</source>
        <translation>Check the applicant&apos;s identity (show in full)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>领取人</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>领取人姓名（本人或受托人）</source>
        <translation>Name of the person collecting (applicant or proxy)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>交付并登记领取人</source>
        <translation>Hand over and record the collector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当场办结（即办件）</source>
        <translation>Close on the spot (immediate item)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>再次打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新的代办登记</source>
        <translation>New agent registration</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>不予受理：写明理由（打印通知书）</source>
        <translation>Reject: write the reason (prints the notice)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>如：不属于本中心受理范围</source>
        <translation>e.g. not handled by this centre</translation>
    </message>
</context>
<context>
    <name>CaseProgress</name>
    <message>
        <location filename="../qml/CaseProgress.qml" line="+23"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>输入或扫描回执上的办件编号</source>
        <translation>Type or scan the case number on the receipt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>办件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>补交：标出申请人带来的材料</source>
        <translation>Supply: mark what the applicant brought</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发现缺材料：标出所缺的材料后告知补正</source>
        <translation>Materials found missing: mark them, then ask for them</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>已补交</source>
        <translation>Brought</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>输入办件编号后查询</source>
        <translation>Enter a case number to look it up</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>开始办理（办理中）</source>
        <translation>Start processing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结：准予</source>
        <translation>Decide: approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结：不予（写明理由）</source>
        <translation>Decide: refuse (with reason)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>转入待领取（本窗口出件）</source>
        <translation>Ready for collection (at this window)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一次性告知补正（打印清单）</source>
        <translation>Ask for all missing (print list)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>收下补交材料，继续办理</source>
        <translation>Take them, continue the case</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>不予办理：写明理由</source>
        <translation>Refuse: write the reason</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>补正：所缺材料 %1 项（可加说明）</source>
        <translation>Correction: %1 material(s) missing (add a note)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>如：户口簿须为原件</source>
        <translation>e.g. the household register must be the original</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <location filename="../qml/CaseSummary.qml" line="+16"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>办理事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>承诺办结日期</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>出件窗口</source>
        <translation>Collect at</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <location filename="../../model/src/core_words.cpp" line="+31"/>
        <source>补正中</source>
        <translation>Awaiting materials</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理中</source>
        <translation>In processing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已办结</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待领取</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不予受理</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>窗口受理</source>
        <translation>At a window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代办</source>
        <translation>By an agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>准予</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>不予</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>即办件</source>
        <translation>Immediate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>承诺件</source>
        <translation>Promised</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../qml/CasesPage.qml" line="+32"/>
        <source>承诺日期早于 YYYY-MM-DD</source>
        <translation>Due before YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>即将到期 %1</source>
        <translation>Due soon %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已超期 %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第 %1/%2 页</source>
        <translation>Page %1/%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>办件台账</source>
        <translation>Case register</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>办件编号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>受理人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺日期</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提醒</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>限时办结率</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全部 %1</source>
        <translation>All %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按统计与考核所选时段</source>
        <translation>Over the period chosen in Figures</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>ClerkPage</name>
    <message>
        <location filename="../qml/ClerkPage.qml" line="+37"/>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>工作人员：%1</source>
        <translation>Clerk: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>退出</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>叫号办理</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>办件进度</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>当前办件</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>叫号原因：%1</source>
        <translation>Called because: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已用时</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>统一出件：交付办件结果</source>
        <translation>Hand over the case result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办件受理：核对材料</source>
        <translation>Accept the case: check materials</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>转办经过</source>
        <translation>Transfer history</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>本窗口服务的队列</source>
        <translation>Queues this window serves</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>过号（%1）</source>
        <translation>No-shows (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 过号</source>
        <translation>missed at %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>过号重排</source>
        <translation>Back in line</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>我的今日</source>
        <translation>My day</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+21"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>%1 件</source>
        <translation>%1 served</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>评价</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>呼叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未到</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请求评价</source>
        <translation>Ask rating</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1号窗口 工作人员登录</source>
        <translation>Window %1 · clerk login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工号</source>
        <translation>Clerk ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未连接调度服务</source>
        <translation>Dispatcher not connected</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1号窗口 已由 %2 登录</source>
        <translation>Window %1: %2 is logged in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请 %1 输入密码继续</source>
        <translation>%1, enter your PIN to continue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>换人登录</source>
        <translation>Another clerk</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>转移办件</source>
        <translation>Transfer ticket</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>备注（如：材料已收，待发证）</source>
        <translation>Note (e.g. materials received, awaiting certificate)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>暂停服务</source>
        <translation>Pause service</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>暂停原因（如：外出送件）</source>
        <translation>Reason (e.g. delivering documents)</translation>
    </message>
</context>
<context>
    <name>CoreWords</name>
    <message>
        <location filename="../../model/src/core_words.cpp" line="-25"/>
        <source>未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>呼叫中</source>
        <translation>Calling</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂停服务</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已呼叫</source>
        <translation>Called</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已转办</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>老年人</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>军人</source>
        <translation>Serviceman</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>基本满意</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>综合受理</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>专业</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一发证</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>有诉即办</source>
        <translation>Complaints</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../qml/DialogButtons.qml" line="+18"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../qml/FiguresPage.qml" line="+20"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>查询</source>
        <translation>Query</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本考核期</source>
        <translation>This appraisal period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上一考核期</source>
        <translation>Previous appraisal period</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出统计 CSV</source>
        <translation>Export figures CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出考核表</source>
        <translation>Export appraisal</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+126"/>
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+105"/>
        <location line="+21"/>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>平均等候</source>
        <translation>Avg. wait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等候P90</source>
        <translation>Wait P90</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+103"/>
        <source>平均办理</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>办理P90</source>
        <translation>Service P90</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标内呼叫</source>
        <translation>Called within target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过号率</source>
        <translation>No-show rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+100"/>
        <source>满意率</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>各时段取号人数</source>
        <translation>Arrivals by hour</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>按工作人员</source>
        <translation>By clerk</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>在岗</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>按事项</source>
        <translation>By item</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <location filename="../qml/LivePage.qml" line="+48"/>
        <source>%1号</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>开窗</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>关窗</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>告警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>全部确认</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>办结回访：%1</source>
        <translation>Follow-up: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>收起</source>
        <translation>Less</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>确认</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>确认 %1 条</source>
        <translation>Acknowledge %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>共 %1 次，首次 %2，最近 %3</source>
        <translation>%1 times, first %2, last %3</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+13"/>
        <source>队列</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>最久等候</source>
        <translation>Oldest wait</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>预计等候</source>
        <translation>Est. wait</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>故障 %1 次</source>
        <translation>%1 faults</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>设置队列</source>
        <translation>Set queues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>号码，如 A012</source>
        <translation>Number, e.g. A012</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指定下一位</source>
        <translation>Pin as next</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>公告内容</source>
        <translation>Notice text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发布公告</source>
        <translation>Broadcast notice</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>已确认 %1 %2</source>
        <translation>Acknowledged %1 %2</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>窗口（%1）</source>
        <translation>Windows (%1)</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>回访待办结</source>
        <translation>Follow-up open</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已回访：%1</source>
        <translation>Followed up: %1</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+85"/>
        <source>办结回访</source>
        <translation>Close follow-up</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>回访情况，如：已电话回访，居民表示理解</source>
        <translation>What was done, e.g. called the resident back, who understood</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+13"/>
        <source>就近 · 窗口工作台</source>
        <translation>Jiujin · Window console</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>就近 · 大厅监控</source>
        <translation>Jiujin · Hall monitor</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../qml/MonitorPage.qml" line="+30"/>
        <source> · 大厅监控</source>
        <translation> · Hall monitor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未确认告警 %1</source>
        <translation>Unacknowledged alarms %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已连接</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>未连接调度服务</source>
        <translation>Dispatcher not connected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>管理员：%1</source>
        <translation>Manager: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>退出全屏</source>
        <translation>Exit full screen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>实时</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统计与考核</source>
        <translation>Figures and appraisal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办件台账</source>
        <translation>Case register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预约</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>管理员登录</source>
        <translation>Manager login</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>告警确认、公告和窗口设置将记录为登录的管理员所做。</source>
        <translation>Alarm acknowledgements, notices and window settings are recorded as done by the manager who logs in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>工号</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>待回访 %1</source>
        <translation>Open follow-ups %1</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../qml/RefusalBanner.qml" line="+15"/>
        <source>未执行：%1</source>
        <translation>Not done: %1</translation>
    </message>
</context>
<context>
    <name>TicketStory</name>
    <message>
        <location filename="../../model/src/ticket_story.cpp" line="+22"/>
        <source>%1号窗口</source>
        <translation>window %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1窗口</source>
        <translation>the %1 windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1队列</source>
        <translation>the %1 queue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>由 %1 号窗口转办至%2</source>
        <translation>Transferred from window %1 to %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>转办至%1</source>
        <translation>Transferred to %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 由管理员指定在本窗口呼叫（不按排队顺序）</source>
        <translation>%1 was pinned to this window by the manager (out of queue order)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 为预约号，预约时段 %2 已到，优先呼叫</source>
        <translation>%1 is a booking: its slot at %2 has begun, so it is called first</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 为绿色通道（%2）号，优先于普通号</source>
        <translation>%1 is a priority ticket (%2): called before normal tickets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 已转办至本窗口，优先于排队的号</source>
        <translation>%1 was transferred to this window: called before the queue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 已转办至%2窗口，由本窗口接办</source>
        <translation>%1 was transferred to the %2 windows: this window takes it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>普通号 %1 已等候 %2 分钟，达到让行绿色通道的上限，先于绿色通道呼叫</source>
        <translation>Normal ticket %1 has waited %2 min, the longest it may give way to priority tickets: called before them</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 在%2队列已等候 %3 分钟，是本窗口所服务队列中加权等候最久的号</source>
        <translation>%1 has waited %3 min in the %2 queue: the longest weighted wait among the queues this window serves</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>预约取号</source>
        <translation>Issued for a booking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代办取号</source>
        <translation>Issued by an agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>第 %1 次重呼</source>
        <translation>Recall %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>开始办理</source>
        <translation>Service started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过号（呼叫后超时未到）</source>
        <translation>No-show (did not come after the call)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>过号后恢复等候</source>
        <translation>Back in the queue after a no-show</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消：%1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>营业结束，号票过期</source>
        <translation>The day closed; the ticket expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请求评价</source>
        <translation>Rating requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评价：%1</source>
        <translation>Rated: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
</context>
<context>
    <name>jiujin::console::BookingList</name>
    <message>
        <location filename="../../model/src/booking_list.cpp" line="+114"/>
        <source> · 迟到</source>
        <translation> · late</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已签到 %1</source>
        <translation>Checked in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未到</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已预约</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>预约 %1 · 已签到 %2 · 未到 %3 · 已取消 %4</source>
        <translation>Bookings %1 · checked in %2 · missed %3 · cancelled %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正在读取预约…</source>
        <translation>Reading the bookings…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本大厅未开通预约</source>
        <translation>This hall takes no bookings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今天还没有预约</source>
        <translation>No bookings today yet</translation>
    </message>
</context>
<context>
    <name>jiujin::console::CaseDesk</name>
    <message>
        <location filename="../../model/src/case_desk.cpp" line="+88"/>
        <location line="+93"/>
        <source>未核对</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>统一出件</source>
        <translation>Result hand-over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已登记的办件</source>
        <translation>Case registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代办登记（申请人不在场）</source>
        <translation>Agent registration (applicant absent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办件受理</source>
        <translation>Case acceptance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请先登录</source>
        <translation>Please log in first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>呼叫下一位后受理其办件；为不在场的群众登记请点“代办登记”</source>
        <translation>Call the next resident to accept their case; for a resident who is not here, press “Agent registration”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>呼叫下一位后在此受理其办件</source>
        <translation>Call the next resident to accept their case here</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 · 承诺 %2 个工作日</source>
        <translation>%1 · %2 working days</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>本事项无须提交材料</source>
        <translation>This item needs no materials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还有 %1 项材料未核对</source>
        <translation>%1 material(s) not checked yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺 %1 项材料：可一次性告知补正，或不予受理</source>
        <translation>%1 material(s) missing: ask for them all at once, or reject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>材料齐全，可以受理</source>
        <translation>Materials complete: ready to accept</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>%1号窗口（%2）</source>
        <translation>Window %1 (%2)</translation>
    </message>
    <message>
        <location line="-348"/>
        <source>已生成《补交材料清单》：%1</source>
        <translation>List of materials to supply made (the form is printed in Chinese): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已生成《不予受理通知书》：%1</source>
        <translation>Notice of refusal made (the form is printed in Chinese): %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已生成《收件回执单》：%1</source>
        <translation>Case receipt made (the form is printed in Chinese): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>《补交材料清单》未能打印：%1</source>
        <translation>The list of materials to supply was not printed: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>《不予受理通知书》未能打印：%1</source>
        <translation>The notice of refusal was not printed: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>《收件回执单》未能打印：%1</source>
        <translation>The case receipt was not printed: %1</translation>
    </message>
    <message>
        <location line="+357"/>
        <location line="+11"/>
        <location line="+15"/>
        <source>请填写申请人姓名</source>
        <translation>Enter the applicant&apos;s name</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>材料未核对齐全，不能受理</source>
        <translation>Materials not all checked: cannot accept</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>请先核对每一项材料，并标出所缺材料</source>
        <translation>Check every material and mark the missing ones first</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>请写明不予受理的理由</source>
        <translation>Write the reason for the rejection</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>即办件 %1 已当场办结</source>
        <translation>Immediate case %1 closed on the spot</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>请登记领取人</source>
        <translation>Enter who collects the result</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>办件 %1 已交付，领取人：%2</source>
        <translation>Case %1 handed over to %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不予受理：%1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>材料补齐之日起计算</source>
        <translation>Counted from the day the materials are complete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>结果已备好，可以交付</source>
        <translation>The result is ready to hand over</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已于 %1 交付 %2</source>
        <translation>Handed over %1 to %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>办件尚未备好（%1），不能交付</source>
        <translation>Not ready yet (%1): nothing to hand over</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>办件 %1 不在本厅当前的台账中</source>
        <translation>Case %1 is not among the hall’s current cases</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>请输入办件编号</source>
        <translation>Enter a case number</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>办件 %1 转入办理中</source>
        <translation>Case %1 is in processing</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>办件 %1 已办结：%2</source>
        <translation>Case %1 decided: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>办件 %1 待领取，在 %2号窗口</source>
        <translation>Case %1 ready for collection at window %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>请先标出所缺的材料</source>
        <translation>Mark the missing materials first</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>请先标出申请人补交的材料</source>
        <translation>Mark the materials the applicant brought first</translation>
    </message>
</context>
<context>
    <name>jiujin::console::CaseLedger</name>
    <message>
        <location filename="../../model/src/case_ledger.cpp" line="+54"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>全部事项</source>
        <translation>All items</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>全部人员</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>日期无效：%1（格式 2026-05-08）</source>
        <translation>Invalid date: %1 (format 2026-05-08)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>共 %1 件</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>共 %1 件，第 %2–%3 件</source>
        <translation>%1 cases, %2–%3 shown</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>即将到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1号窗口</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人员</source>
        <translation>Clerk</translation>
    </message>
</context>
<context>
    <name>jiujin::console::ClerkConsole</name>
    <message>
        <location filename="../../model/src/clerk_console.cpp" line="+100"/>
        <source>未连接调度服务</source>
        <translation>Dispatcher not connected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未知窗口</source>
        <translation>Unknown window</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>绿色通道·%1</source>
        <translation>Priority · %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>请先登录</source>
        <translation>Please log in first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已暂停，按 F7 恢复</source>
        <translation>Paused — press F7 to resume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>窗口未开放</source>
        <translation>Window closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂无办件，按 F1 呼叫下一位</source>
        <translation>No ticket — press F1 to call the next one</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>（%1号窗口）</source>
        <translation> (window %1)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>统一发证窗口</source>
        <translation>Certificate issuing window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1队列（%2）</source>
        <translation>Queue %1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>请输入工号和密码</source>
        <translation>Enter your clerk ID and PIN</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>请输入密码</source>
        <translation>Please enter the PIN</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>请选择转往的队列或窗口</source>
        <translation>Choose the queue or window to transfer to</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 已转出</source>
        <translation>%1 transferred</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 已转至 %2</source>
        <translation>%1 transferred to %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>暂离</source>
        <translation>Away</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>暂无评价</source>
        <translation>No ratings yet</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>最久已等 %1 分钟</source>
        <translation>longest wait %1 min</translation>
    </message>
    <message>
        <location line="-322"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>jiujin::console::HallMonitor</name>
    <message>
        <location filename="../../model/src/hall_monitor.cpp" line="+218"/>
        <source>无窗口办理</source>
        <translation>No window serving</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>纸张正常</source>
        <translation>Paper OK</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <location line="+96"/>
        <source>纸将用完</source>
        <translation>Paper low</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>请输入工号和密码</source>
        <translation>Enter the id and PIN</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>无工作人员登录，不能开窗</source>
        <translation>No clerk logged in: the window cannot open</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>窗口屏</source>
        <translation>window display</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>综合条屏</source>
        <translation>main strip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>呼叫器</source>
        <translation>caller keypad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评价器</source>
        <translation>rating pad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取号打印机</source>
        <translation>ticket printer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1号窗口 %2</source>
        <translation>Window %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+113"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+113"/>
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+18"/>
        <location line="+94"/>
        <source>缺纸</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>打印机离线</source>
        <translation>Printer offline</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>全部 (%1)</source>
        <translation>All (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等候</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>设备</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 · %2（%3 次）</source>
        <translation>%1 · %2 (%3 times)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1：%2 位群众等候超时</source>
        <translation>%1: %2 residents waited over the target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1：有群众等候超时</source>
        <translation>%1: a resident waited over the target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1排队人数超限（%2 次）</source>
        <translation>%1: queue over its limit (%2 times)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1排队人数超限</source>
        <translation>%1: queue over its limit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1号窗口有人等候却空闲（%2 次）</source>
        <translation>Window %1 idle while residents wait (%2 times)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1号窗口有人等候却空闲</source>
        <translation>Window %1 idle while residents wait</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+46"/>
        <source>请先登录：管理员工号和密码</source>
        <translation>Log in first: manager id and PIN</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>至少选择一个队列</source>
        <translation>Choose at least one queue</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>没有等候中的 %1 号</source>
        <translation>No waiting ticket %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>日期无效：%1 至 %2</source>
        <translation>Invalid dates: %1 to %2</translation>
    </message>
    <message>
        <location line="+104"/>
        <location line="+18"/>
        <source>无法写入 %1：%2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="-499"/>
        <source>打印机：%1</source>
        <translation>Printer: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>无报告</source>
        <translation>no report</translation>
    </message>
</context>
</TS>
