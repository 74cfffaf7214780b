<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackButton</name>
    <message>
        <location filename="../qml/BackButton.qml" line="+13"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../qml/CheckInPage.qml" line="+31"/>
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>预约签到</source>
        <translation>Booking check-in</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>8位预约码</source>
        <translation>8-digit booking code</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>取普通号（按到达顺序）</source>
        <translation>Take an ordinary ticket (in order of arrival)</translation>
    </message>
</context>
<context>
    <name>CollectPage</name>
    <message>
        <location filename="../qml/CollectPage.qml" line="+45"/>
        <source>领取办件结果</source>
        <translation>Collect a result</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>扫码或输入办件编号</source>
        <translation>Scan the code or type the case number</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>办件编号：%1</source>
        <translation>Case number: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理事项：%1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
</context>
<context>
    <name>DigitPad</name>
    <message>
        <location filename="../qml/DigitPad.qml" line="+35"/>
        <source>退格</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/HomePage.qml" line="+44"/>
        <source>已闭厅</source>
        <translation>The hall is closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已闭厅，下次开放时间：%1</source>
        <translation>The hall is closed. It opens again %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zh_CN</source>
        <translation>en_GB</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M月d日 dddd HH:mm</source>
        <translation>dddd d MMMM, HH:mm</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>请选择您要办理的事项</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>即办</source>
        <translation>Same day</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>等候 —</source>
        <translation>Waiting —</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>等候 %1 人</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>没有找到相关事项，请换个词或到咨询台询问</source>
        <translation>No service found. Try another word or ask at the information desk</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>预约签到</source>
        <translation>Booking check-in</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>领取办件结果</source>
        <translation>Collect a result</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../qml/ItemPage.qml" line="+44"/>
        <source>绿色通道（老人、残疾人、孕妇、军人）</source>
        <translation>Priority lane (60+, disabled, pregnant, military)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>正在等候</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>预计等候</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>约 %1 分钟</source>
        <translation>About %1 min</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>暂时无法获取实时排队信息，请以叫号为准</source>
        <translation>Live queue figures are not available right now; please follow the calls</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>需携带材料（一次性告知）</source>
        <translation>What to bring (the complete list)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>无需材料</source>
        <translation>Nothing to bring</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理时限</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>通办</source>
        <translation>Where</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>政策依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>绿色通道</source>
        <translation>Priority lane</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>取号</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已闭厅</source>
        <translation>The hall is closed</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <location filename="../qml/KioskHeader.qml" line="+35"/>
        <source>zh_CN</source>
        <translation>en_GB</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yyyy年M月d日 dddd  HH:mm</source>
        <translation>dddd d MMMM yyyy  HH:mm</translation>
    </message>
</context>
<context>
    <name>LetterPad</name>
    <message>
        <location filename="../qml/LetterPad.qml" line="+27"/>
        <source>按拼音首字母查找，如：GLJT（高龄津贴）</source>
        <translation>Find by pinyin initials, e.g. GLJT (高龄津贴)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>退格</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+16"/>
        <source>取号机</source>
        <translation>Ticket kiosk</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>正在连接排队系统，等候人数暂不显示</source>
        <translation>Connecting to the queue system; waiting figures are not shown yet</translation>
    </message>
</context>
<context>
    <name>PriorityPage</name>
    <message>
        <location filename="../qml/PriorityPage.qml" line="+22"/>
        <source>绿色通道</source>
        <translation>Priority lane</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>以下人员可优先办理：%1。叫号后请向窗口出示相关证件。</source>
        <translation>These residents are served first for %1. Please show your certificate at the window when called.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>您选择了：%1</source>
        <translation>You chose: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>请确认您符合条件。办理时工作人员会查验相关证件。</source>
        <translation>Please confirm that this applies to you. The staff will check your certificate.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>重新选择</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>确认取号</source>
        <translation>Confirm and take a number</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../qml/TicketPage.qml" line="+43"/>
        <source>正在取号，请稍候…</source>
        <translation>Taking your number, please wait…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>系统暂时无法取号，请稍候或到咨询台</source>
        <translation>Numbers cannot be issued right now. Please wait a moment or go to the information desk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在自动重试（已尝试 %1 次），您无需重复取号</source>
        <translation>Retrying automatically (%1 attempts so far); there is no need to tap again</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>无法取号：%1</source>
        <translation>Cannot take a number: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>您的号码（绿色通道）</source>
        <translation>Your number (priority lane)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>您的号码</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>预约 %1</source>
        <translation>Booked %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>办理事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办理窗口</source>
        <translation>Windows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>前面等候</source>
        <translation>Ahead of you</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预计等候</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>约 %1 分钟</source>
        <translation>About %1 min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请留意叫号</source>
        <translation>Please listen for your number</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>返回首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>jiujin::kiosk::BookingCheckIn</name>
    <message>
        <location filename="../../model/src/booking_check_in.cpp" line="+130"/>
        <source>请输入8位预约码，或将预约二维码对准扫码口</source>
        <translation>Key in the 8-digit booking code, or hold the booking&apos;s QR code to the scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在签到，请稍候…</source>
        <translation>Checking in, please wait…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这不是预约码。预约码是8位数字，请核对后重新输入或扫描</source>
        <translation>This is not a booking code. A booking code has 8 digits: please check it and key or scan it again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>暂时无法签到，请稍后再试或到咨询台询问</source>
        <translation>Cannot check in just now: please try again later or ask at the information desk</translation>
    </message>
</context>
<context>
    <name>jiujin::kiosk::CaseCollection</name>
    <message>
        <location filename="../../model/src/case_collection.cpp" line="+105"/>
        <source>请扫描收件回执单上的二维码，或输入办件编号</source>
        <translation>Scan the QR code on your receipt, or type the case number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在查询办件…</source>
        <translation>Looking up the case…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办件结果已可领取，请取号到统一出件窗口领取</source>
        <translation>Your result is ready: take a ticket and collect it at the issuing window</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该办件尚待补交材料，请先到综合受理窗口补交</source>
        <translation>Materials are still missing for this case: please bring them to a general window first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办件结果尚未办结，暂不能领取</source>
        <translation>The case is not finished yet: the result cannot be collected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>办件结果尚未办结，暂不能领取。承诺办结日期：%1</source>
        <translation>The case is not finished yet: the result cannot be collected. Promised by %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yyyy年M月d日</source>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>该办件结果已被领取</source>
        <translation>This result has already been collected</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>该办件已不予受理，请到咨询台询问</source>
        <translation>This case was not accepted: please ask at the information desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有找到该办件，请核对办件编号或到咨询台询问</source>
        <translation>No such case: please check the number or ask at the information desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂时无法查询，请稍后再试</source>
        <translation>The case cannot be looked up now: please try again shortly</translation>
    </message>
</context>
<context>
    <name>jiujin::kiosk::ItemDetail</name>
    <message>
        <location filename="../../model/src/item_detail.cpp" line="+69"/>
        <source>同区通办：可在本区任一便民服务中心（站）办理</source>
        <translation>District-wide: any service centre or station in this district can handle it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>同城通办：可在本市任一便民服务中心（站）办理</source>
        <translation>City-wide: any service centre or station in this city can handle it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>在本中心办理</source>
        <translation>Handled at this centre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>即办（当场办结）</source>
        <translation>Done on the spot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 个工作日</source>
        <translation>%1 working days</translation>
    </message>
</context>
<context>
    <name>jiujin::kiosk::ItemListModel</name>
    <message>
        <location filename="../../model/src/item_list_model.cpp" line="+75"/>
        <location line="+111"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>常用事项</source>
        <translation>Most used</translation>
    </message>
</context>
<context>
    <name>jiujin::kiosk::KioskModel</name>
    <message>
        <location filename="../../model/src/kiosk_model.cpp" line="+277"/>
        <source>60岁以上老人</source>
        <translation>Aged 60 or over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>残疾人</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>孕妇</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>军人</source>
        <translation>Serviceman or servicewoman</translation>
    </message>
</context>
<context>
    <name>jiujin::kiosk::TicketIssuer</name>
    <message>
        <location filename="../../model/src/ticket_issuer.cpp" line="+137"/>
        <source>该预约已经签到过，号码不变</source>
        <translation>This booking was already checked in: the number is the same</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已过预约时间，本号为普通号，按到达顺序叫号</source>
        <translation>The booking time has passed: this is an ordinary ticket, called in order of arrival</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>；</source>
        <translation>. </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>打印机缺纸</source>
        <translation>The printer is out of paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印机盖未合上</source>
        <translation>The printer cover is open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印机无响应</source>
        <translation>The printer does not respond</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本机不打印号票</source>
        <translation>This kiosk does not print tickets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印机故障</source>
        <translation>Printer fault</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>正在打印号票…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请取走号票</source>
        <translation>Please take your ticket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本机不打印号票，请记住屏幕上的号码，号码已有效</source>
        <translation>This kiosk does not print tickets. Please remember the number on the screen; it is valid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1，号票未能打印。请记住屏幕上的号码，号码已有效；工作人员已收到通知。</source>
        <translation>%1: the ticket could not be printed. Please remember the number on the screen; it is valid, and the staff have been told.</translation>
    </message>
</context>
</TS>
