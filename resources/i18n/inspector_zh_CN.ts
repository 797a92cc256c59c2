<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="109"/>
        <source>Grid Inspector</source>
        <translation>网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="110"/>
        <source>You can choose another data folder, or quit.</source>
        <translation>可以选择其他数据目录，或退出程序。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="111"/>
        <source>Choose another folder…</source>
        <translation>选择其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="113"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="117"/>
        <source>Choose the data folder</source>
        <translation>选择数据目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="145"/>
        <source>Something went wrong; the details were written to the log.</source>
        <translation>出错了，详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="58"/>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="58"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="58"/>
        <source>N/A</source>
        <translation>不涉及</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="77"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="77"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="77"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="77"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ChecklistRun</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="190"/>
        <source>Note for this item (N); with a hazard it becomes the hazard&apos;s description</source>
        <translation>本项备注（N）；判为隐患时作为隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="194"/>
        <source>OK (1)</source>
        <translation>合格 (1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="195"/>
        <source>Hazard (2)</source>
        <translation>隐患 (2)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="196"/>
        <source>N/A (3)</source>
        <translation>不涉及 (3)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="197"/>
        <source>Next (Enter)</source>
        <translation>下一项 (Enter)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="199"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="369"/>
        <source>Finish inspection</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="200"/>
        <source>Finish the inspection and publish its hazards (Ctrl+Enter)</source>
        <translation>完成检查并发布发现的隐患（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="253"/>
        <source>No checklist</source>
        <translation>无检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="279"/>
        <source>This inspection has no checklist items.</source>
        <translation>本次检查没有检查项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="288"/>
        <source>Major-hazard criterion</source>
        <translation>重大隐患判定项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="290"/>
        <source>Basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="292"/>
        <source>How to check:</source>
        <translation>检查方法：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="299"/>
        <source>Checked {} / {}</source>
        <translation>已查 {} / {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="322"/>
        <source>Draft hazard recorded ({}): {}</source>
        <translation>已生成隐患草稿（{}）：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="370"/>
        <source>{} of {} items are not checked yet. Finish anyway?</source>
        <translation>还有 {} 项未检查（共 {} 项）。仍要完成检查吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="389"/>
        <source>Inspection finished: {} hazards recorded.</source>
        <translation>检查已完成：共登记 {} 条隐患。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="89"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="94"/>
        <source>This is an empty database. Would you like to look around with demo data first? The demo store is kept separately and is never mixed into your real data.</source>
        <translation>这是一个空的数据库。要先用演示数据看看吗？演示库单独存放，绝不会混入正式数据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="96"/>
        <source>Open demo store</source>
        <translation>打开演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="97"/>
        <source>Don&apos;t show again</source>
        <translation>不再提示</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="101"/>
        <source>You are looking at the demo store: every record in it is invented. Your real data is untouched.</source>
        <translation>当前为演示库：其中的记录均为虚构，正式数据不受影响。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="103"/>
        <source>Back to the real store</source>
        <translation>返回正式库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="106"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="229"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="290"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="107"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="230"/>
        <source>Due within 3 days</source>
        <translation>3 天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="108"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="231"/>
        <source>Awaiting re-check</source>
        <translation>待复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="109"/>
        <source>Major hazards (not closed)</source>
        <translation>重大隐患（未销号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="110"/>
        <source>Being rectified</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="111"/>
        <source>Sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="129"/>
        <source>My grids</source>
        <translation>我的网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="130"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="131"/>
        <source>Which grids</source>
        <translation>网格范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="133"/>
        <source>Needs follow-up</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="215"/>
        <source>Today is {} · signed in as {}</source>
        <translation>今天是 {} · 当前用户：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="232"/>
        <source>Major hazards under supervision</source>
        <translation>重大隐患督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="233"/>
        <source>Acceptance re-check within 10 days</source>
        <translation>10 日内应验收复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="234"/>
        <source>Sites due for inspection</source>
        <translation>应检查场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="288"/>
        <source>The inspection plan is not available.</source>
        <translation>检查计划暂不可用。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="290"/>
        <source>Due</source>
        <translation>应检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="308"/>
        <source>Listed</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="327"/>
        <source>Show all {}…</source>
        <translation>查看全部 {} 条…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="332"/>
        <source>Nothing here.</source>
        <translation>暂无。</translation>
    </message>
</context>
<context>
    <name>HazardActionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="170"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="171"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="201"/>
        <source>due {}</source>
        <translation>到期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="213"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="215"/>
        <source>As recorded</source>
        <translation>按已设定期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="218"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="252"/>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="253"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="261"/>
        <source>A supervisor must confirm the major level first.</source>
        <translation>须先由监管人员确认重大隐患等级。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="263"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="399"/>
        <source>Before the notice, still missing: {}</source>
        <translation>送达整改通知前尚缺：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="274"/>
        <source>Reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="276"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="281"/>
        <source>Fixed on</source>
        <translation>整改日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="282"/>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="288"/>
        <source>Re-checked on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="289"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="290"/>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="299"/>
        <source>Result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="304"/>
        <source>Only a supervisor may accept a major hazard</source>
        <translation>重大隐患须由监管人员验收销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="306"/>
        <source>Re-check opinion</source>
        <translation>复查意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="307"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="355"/>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="326"/>
        <source>Extra days</source>
        <translation>延期天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="327"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="339"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="344"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="350"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="354"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="367"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="338"/>
        <source>Step</source>
        <translation>督办措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="345"/>
        <source>Listed by (authority)</source>
        <translation>挂牌单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="366"/>
        <source>Level</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="377"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="378"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="379"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="380"/>
        <source>Funds (yuan)</source>
        <translation>整改资金（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="381"/>
        <source>Funds source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="382"/>
        <source>Contingency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="383"/>
        <source>Interim measures</source>
        <translation>临时安全措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="395"/>
        <source>e.g. 5000</source>
        <translation>例如 5000</translation>
    </message>
</context>
<context>
    <name>HazardActions</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="56"/>
        <source>Serve rectification notice</source>
        <translation>送达整改通知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="57"/>
        <source>Report rectification done</source>
        <translation>报告整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="58"/>
        <source>Re-check</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="59"/>
        <source>Fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="60"/>
        <source>Extend deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="61"/>
        <source>Escalate</source>
        <translation>升级督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="62"/>
        <source>List for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="63"/>
        <source>De-list</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="64"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="65"/>
        <source>Confirm level</source>
        <translation>确认等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="66"/>
        <source>Five implementations</source>
        <translation>五落实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="69"/>
        <source>Notice served</source>
        <translation>整改通知已送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="70"/>
        <source>Completion reported</source>
        <translation>已报告整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="71"/>
        <source>Re-check recorded</source>
        <translation>复查已记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="72"/>
        <source>Recorded as fixed on the spot</source>
        <translation>已按当场整改销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="73"/>
        <source>Deadline extended</source>
        <translation>已延期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="74"/>
        <source>Escalated</source>
        <translation>已升级督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="75"/>
        <source>Listed for supervision</source>
        <translation>已挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="76"/>
        <source>De-listed</source>
        <translation>已摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="77"/>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="78"/>
        <source>Level confirmed</source>
        <translation>等级已确认</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="79"/>
        <source>Five implementations saved</source>
        <translation>五落实已保存</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="115"/>
        <source>Edit hazard</source>
        <translation>编辑隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="115"/>
        <source>Record a hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="129"/>
        <source>What is wrong, e.g. fire exit blocked by goods</source>
        <translation>存在什么问题，例如：安全出口被货物堵塞</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="134"/>
        <source>e.g. kitchen, stairwell 2F</source>
        <translation>例如：后厨、2 楼楼梯间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="139"/>
        <source>Rule or clause the hazard breaks</source>
        <translation>违反的规定或条款</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="144"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="145"/>
        <source>Immediately</source>
        <translation>立即整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="146"/>
        <source>Working days</source>
        <translation>按工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="163"/>
        <source>{} days</source>
        <translation>{} 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="176"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="180"/>
        <source>Not specified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="193"/>
        <source>Site *</source>
        <translation>场所 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="194"/>
        <source>Description *</source>
        <translation>隐患描述 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="195"/>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="196"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="197"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="198"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="199"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="202"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="203"/>
        <source>Factor</source>
        <translation>隐患因素</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="204"/>
        <source>Measure type</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="235"/>
        <source>The notice has been served: the deadline can only be extended.</source>
        <translation>整改通知已送达：整改期限只能通过延期调整。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="250"/>
        <source>Due {} (provisional: counted from the day found until a notice is served)</source>
        <translation>到期日 {}（暂定：送达整改通知前从发现之日起算）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="254"/>
        <source>The official holiday schedule for {} is not published yet; statutory holidays were assumed.</source>
        <translation>{} 年的放假调休安排尚未公布，已按法定节假日推算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="261"/>
        <source>Choose the site from the list (type part of its name).</source>
        <translation>请从列表中选择场所（可输入名称中的几个字查找）。</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="44"/>
        <source>Record hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="45"/>
        <source>Record a hazard (Ctrl+Shift+N)</source>
        <translation>登记隐患（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="46"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="47"/>
        <source>Edit the selected hazard (F2)</source>
        <translation>编辑选中的隐患（F2）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="48"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="49"/>
        <source>Delete the selected hazard (Del); Ctrl+Z undoes</source>
        <translation>删除选中的隐患（Del），可按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="50"/>
        <source>Actions</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="51"/>
        <source>Move the selected hazard on: notice, re-check, extension …</source>
        <translation>处理所选隐患：送达通知、复查、延期……</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="78"/>
        <source>Filter: description, location, basis …</source>
        <translation>筛选：隐患描述、部位、依据…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="82"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="86"/>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="92"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="101"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="176"/>
        <source>Due within {} days</source>
        <translation>{} 天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="178"/>
        <source>One site</source>
        <translation>指定场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="180"/>
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="182"/>
        <source>Remove this filter</source>
        <translation>取消此筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="186"/>
        <source>{} hazards</source>
        <translation>共 {} 条隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="285"/>
        <source>Select a hazard to see its details and history.</source>
        <translation>选择一条隐患，查看详情和处理记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="306"/>
        <source>(awaiting a supervisor&apos;s confirmation)</source>
        <translation>（待管理员确认）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="311"/>
        <source>(provisional until a notice is served)</source>
        <translation>（送达整改通知前为暂定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="314"/>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="314"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="323"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="324"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="325"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="326"/>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="327"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="328"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="329"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="330"/>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="331"/>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="332"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="333"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="334"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="335"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="336"/>
        <source>Factor</source>
        <translation>隐患因素</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="337"/>
        <source>Measure type</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="348"/>
        <source>due {}</source>
        <translation>到期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="362"/>
        <source>No events yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="363"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
</context>
<context>
    <name>InspectionKinds</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="47"/>
        <source>Routine patrol</source>
        <translation>日常巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="48"/>
        <source>Re-check</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="49"/>
        <source>Special campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="50"/>
        <source>Report verification</source>
        <translation>举报核查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="51"/>
        <source>Random check</source>
        <translation>双随机抽查</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="160"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="161"/>
        <source>Pick a site and run its checklist (Ctrl+Shift+I)</source>
        <translation>选择场所并按检查表逐项检查（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="168"/>
        <source>Double-click or press Enter to continue an inspection</source>
        <translation>双击或按 Enter 继续该次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="171"/>
        <source>No inspection in progress.</source>
        <translation>没有进行中的检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="178"/>
        <source>Inspections in progress</source>
        <translation>进行中的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="186"/>
        <source>Start an inspection (Ctrl+Shift+I) or continue one from the list.

In the checklist: 1 = OK, 2 = hazard, 3 = not applicable, Enter = next item, N = note, Ctrl+Enter = finish.</source>
        <translation>开始检查（Ctrl+Shift+I），或从左侧列表继续一次检查。

检查表中：1 = 合格，2 = 隐患，3 = 不涉及，Enter = 下一项，N = 备注，Ctrl+Enter = 完成检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="223"/>
        <source>{} hazards</source>
        <translation>{} 条隐患</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="19"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="20"/>
        <source>Not yet notified</source>
        <translation>待通知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="21"/>
        <source>Rectifying</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="22"/>
        <source>Awaiting re-check</source>
        <translation>待复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="23"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="26"/>
        <source>General hazard</source>
        <translation>一般隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="27"/>
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="30"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="31"/>
        <source>Orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="32"/>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="33"/>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="42"/>
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="43"/>
        <source>Public report</source>
        <translation>群众举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="44"/>
        <source>Internal report</source>
        <translation>企业内部报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="45"/>
        <source>Handed down</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="46"/>
        <source>Special campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="49"/>
        <source>People (unsafe act)</source>
        <translation>人（人的不安全行为）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="50"/>
        <source>Equipment (unsafe state)</source>
        <translation>机（物的不安全状态）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="51"/>
        <source>Environment</source>
        <translation>环（环境因素）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="52"/>
        <source>Management defect</source>
        <translation>管（管理缺陷）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="55"/>
        <source>People</source>
        <translation>人防</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="56"/>
        <source>Technology</source>
        <translation>技防</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="57"/>
        <source>Engineering</source>
        <translation>工程防</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="58"/>
        <source>Management</source>
        <translation>管理防</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="61"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="62"/>
        <source>Summons talk</source>
        <translation>约谈</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="63"/>
        <source>Warning circular</source>
        <translation>警示通报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="64"/>
        <location filename="../../inspector_app/ui/labels.py" line="80"/>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="65"/>
        <source>Investigation taken up a level</source>
        <translation>提级调查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="66"/>
        <source>Handed to enforcement</source>
        <translation>移交执法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="69"/>
        <source>Draft recorded</source>
        <translation>记录草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="70"/>
        <source>Hazard recorded</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="71"/>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="72"/>
        <source>Rectification notice served</source>
        <translation>送达整改通知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="73"/>
        <source>Fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="74"/>
        <source>Unit reported completion</source>
        <translation>单位报告整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="75"/>
        <source>Re-check passed</source>
        <translation>复查通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="76"/>
        <source>Re-check failed</source>
        <translation>复查未通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="77"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="78"/>
        <source>Deadline extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="79"/>
        <source>Escalated</source>
        <translation>升级督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="81"/>
        <source>Delisted</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="82"/>
        <source>Level changed</source>
        <translation>调整等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="83"/>
        <source>Deadline changed</source>
        <translation>修改整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="84"/>
        <source>Level confirmed</source>
        <translation>确认等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="86"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="87"/>
        <source>Extended</source>
        <translation>已延期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="88"/>
        <source>Listed</source>
        <translation>挂牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="89"/>
        <source>Not rated</source>
        <translation>未评定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="77"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="77"/>
        <source>Sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="77"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="77"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="78"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="78"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="78"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="78"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="136"/>
        <source>Open data folder…</source>
        <translation>打开数据目录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="137"/>
        <source>Open demo store</source>
        <translation>打开演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="138"/>
        <source>Back to the real store</source>
        <translation>返回正式库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="139"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="140"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="143"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="146"/>
        <source>New site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="147"/>
        <source>New hazard</source>
        <translation>新增隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="149"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="150"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="152"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="153"/>
        <location filename="../../inspector_app/ui/main_window.py" line="343"/>
        <source>About Grid Inspector</source>
        <translation>关于网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="165"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="171"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="175"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="178"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="182"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="200"/>
        <source>Demo store</source>
        <translation>演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="260"/>
        <source>That record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="284"/>
        <source>Select a record in the site or hazard list first.</source>
        <translation>请先在场所或隐患列表中选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="313"/>
        <location filename="../../inspector_app/ui/main_window.py" line="331"/>
        <source>Grid Inspector</source>
        <translation>网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="315"/>
        <source>[Demo store]</source>
        <translation>【演示库】</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="316"/>
        <source>Data: {}</source>
        <translation>数据库：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="323"/>
        <source>Sites {} · Hazards {} · Overdue {}</source>
        <translation>场所 {} · 隐患 {} · 逾期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="339"/>
        <source>&lt;h3&gt;Grid Inspector&lt;/h3&gt;&lt;p&gt;Offline hazard inspection for township grid inspectors.&lt;/p&gt;&lt;p&gt;Version {}&lt;br&gt;Database schema {}&lt;br&gt;Qt {} · PySide6 {}&lt;/p&gt;&lt;p&gt;Data folder: {}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;网格安全巡查&lt;/h3&gt;&lt;p&gt;面向乡镇网格员的离线隐患排查治理工具。&lt;/p&gt;&lt;p&gt;版本 {}&lt;br&gt;数据库结构版本 {}&lt;br&gt;Qt {} · PySide6 {}&lt;/p&gt;&lt;p&gt;数据目录：{}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="176"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="183"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="177"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="182"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="181"/>
        <location filename="../../inspector_app/ui/models.py" line="244"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="178"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="184"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="185"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="180"/>
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="235"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="236"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="242"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="237"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="239"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="240"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/models.py" line="245"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../inspector_app/ui/ops.py" line="116"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ops.py" line="124"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ops.py" line="181"/>
        <source>Something went wrong; the details were written to the log.</source>
        <translation>出错了，详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>OverdueNotifier</name>
    <message>
        <location filename="../../inspector_app/ui/tray.py" line="34"/>
        <location filename="../../inspector_app/ui/tray.py" line="88"/>
        <source>Grid Inspector</source>
        <translation>网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/tray.py" line="67"/>
        <source>{} new overdue hazards</source>
        <translation>新增 {} 条逾期隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/tray.py" line="69"/>
        <source>{} new overdue hazards: {}</source>
        <translation>新增 {} 条逾期隐患：{}</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="104"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="105"/>
        <source>Taken: {}</source>
        <translation>拍摄时间：{}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="55"/>
        <source>Before rectification</source>
        <translation>整改前</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="57"/>
        <source>After rectification</source>
        <translation>整改后</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="59"/>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="208"/>
        <source>Phase of the photos you add</source>
        <translation>新添加照片的类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="209"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="210"/>
        <source>Add photos or videos; you can also drop files or folders here</source>
        <translation>添加照片或视频；也可以把文件或文件夹拖到这里</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="212"/>
        <source>No photos yet. Drop files here or use “Add photos…”.</source>
        <translation>还没有照片。把文件拖到这里，或点击“添加照片…”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="255"/>
        <source>Photos ({})</source>
        <translation>照片（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="268"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="271"/>
        <source>Photos and videos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.mp4 *.mov *.m4v *.avi)</source>
        <translation>照片和视频 (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.mp4 *.mov *.m4v *.avi)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="272"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="291"/>
        <location filename="../../inspector_app/ui/photo_strip.py" line="316"/>
        <source>Adding photos</source>
        <translation>正在添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="298"/>
        <source>Photos: {} added, {} already there, {} failed</source>
        <translation>照片：添加 {} 张，已有 {} 张，失败 {} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="305"/>
        <source>✓ {}</source>
        <translation>✓ {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="307"/>
        <source>= {} (already added)</source>
        <translation>= {}（已添加过）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="309"/>
        <source>✗ {}</source>
        <translation>✗ {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="311"/>
        <source>– {} (cancelled)</source>
        <translation>– {}（已取消）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="312"/>
        <source>– {} (not a photo or video, skipped)</source>
        <translation>– {}（不是照片或视频，已跳过）</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="49"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="64"/>
        <source>◀ Previous</source>
        <translation>◀ 上一张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="65"/>
        <source>Previous photo (Left, PageUp)</source>
        <translation>上一张（Left、PageUp）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="66"/>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="67"/>
        <source>Next photo (Right, PageDown)</source>
        <translation>下一张（Right、PageDown）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="69"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="71"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="72"/>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="73"/>
        <source>Fit to the window (Ctrl+0)</source>
        <translation>适合窗口大小（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="141"/>
        <source>{} of {}</source>
        <translation>第 {} 张，共 {} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="170"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="171"/>
        <source>Taken: {}</source>
        <translation>拍摄时间：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="173"/>
        <source>GPS: {}, {}</source>
        <translation>GPS：{}，{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="174"/>
        <source>SHA-256: {}</source>
        <translation>SHA-256：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="211"/>
        <source>Photo {} of {} · {}%</source>
        <translation>照片 {}/{} · {}%</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="10"/>
        <source>Coming soon</source>
        <translation>即将推出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="11"/>
        <source>Planned:</source>
        <translation>计划功能：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="15"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="16"/>
        <source>Check a site item by item against its sector&apos;s checklist and record a hazard from any item in one click (coming soon).</source>
        <translation>按行业检查表逐项检查，发现隐患一键登记（即将推出）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="19"/>
        <source>Pick a site, the checklist for its sector opens</source>
        <translation>选择场所，自动打开对应行业的检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="20"/>
        <source>Mark each item OK, hazard or not applicable</source>
        <translation>每项标记为合格、有隐患或不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="21"/>
        <source>The item suggests level, legal basis and deadline</source>
        <translation>检查项自动建议隐患等级、依据和整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="22"/>
        <source>Patrols, re-checks, campaigns and random checks</source>
        <translation>日常巡查、复查、专项整治和双随机抽查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="26"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="27"/>
        <source>Print numbered rectification notices and re-check records, and keep the signed paper with the record (coming soon).</source>
        <translation>打印带文号的隐患整改通知书和复查记录，签收的纸质文书随记录保存（即将推出）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="30"/>
        <source>Rectification notice and re-check record as PDF</source>
        <translation>生成隐患整改通知书、复查记录 PDF</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="31"/>
        <source>Document numbers without gaps, also offline</source>
        <translation>文号连续不断号，离线也可编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="32"/>
        <source>Proof of service: signed for or refused, with witness</source>
        <translation>送达回证：签收或拒签（含见证人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="33"/>
        <source>A scan of the signed paper attached to the document</source>
        <translation>签字纸质文书的扫描件随文书保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="37"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="38"/>
        <source>Exchange records with the township office by USB stick, network folder or WebDAV, with no server (coming soon).</source>
        <translation>通过 U 盘、共享文件夹或 WebDAV（如坚果云）与乡镇交换数据，无需服务器（即将推出）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="41"/>
        <source>Signed, encrypted bundles</source>
        <translation>数据包签名并加密</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="42"/>
        <source>Works offline; syncs whenever a target is reachable</source>
        <translation>离线可用，连上同步目标时自动同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="43"/>
        <source>Concurrent edits are kept for a supervisor to resolve</source>
        <translation>同时修改产生的冲突保留给管理员裁定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="47"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="48"/>
        <source>The figures the county asks for, and the hazard ledger as an Excel file (coming soon).</source>
        <translation>县里要求的统计数字，以及 Excel 隐患台账（即将推出）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="51"/>
        <source>Hazards found by level, sector and grid</source>
        <translation>按等级、行业、网格统计发现的隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="52"/>
        <source>Rectification rate, overdue and listed hazards</source>
        <translation>整改率、逾期和挂牌督办隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="53"/>
        <source>Inspections per inspector and sites covered</source>
        <translation>每位网格员的检查次数与场所覆盖率</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/placeholder.py" line="54"/>
        <source>Ledger (台账) export to .xlsx</source>
        <translation>导出隐患台账（.xlsx）</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../inspector_app/ui/search_box.py" line="44"/>
        <source>Search sites and hazards (Ctrl+F)</source>
        <translation>搜索场所、隐患（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/search_box.py" line="77"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/search_box.py" line="77"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/search_box.py" line="87"/>
        <source>Nothing found for “{}”</source>
        <translation>没有找到“{}”</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="42"/>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="45"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="46"/>
        <source>The change applies at once; records keep their own language.</source>
        <translation>切换后立即生效；已录入的内容不会被翻译。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="53"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="55"/>
        <source>Use another data folder…</source>
        <translation>使用其他数据目录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="61"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="63"/>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="65"/>
        <source>demo store (invented records)</source>
        <translation>演示库（虚构数据）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="65"/>
        <source>real store</source>
        <translation>正式库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="66"/>
        <source>This store</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="67"/>
        <source>Offer the demo store when the database is empty</source>
        <translation>数据库为空时提示打开演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="72"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="74"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="78"/>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="83"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="88"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="42"/>
        <source>Edit site</source>
        <translation>编辑场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="42"/>
        <source>New site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="53"/>
        <source>e.g. Lucky Noodle House</source>
        <translation>例如：好运来面馆</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="55"/>
        <source>Defaults to the site name</source>
        <translation>默认与场所名称相同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="56"/>
        <source>No responsible unit (public place, open land …)</source>
        <translation>无责任单位（公共场所、林地等）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="59"/>
        <source>18 characters; may be left empty</source>
        <translation>18 位；没有可不填</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="72"/>
        <source>Choose or type a grid</source>
        <translation>选择或输入网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="74"/>
        <source>For buildings with many tenants</source>
        <translation>一楼多企时填写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="76"/>
        <source>For rental housing</source>
        <translation>出租屋填写</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="82"/>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="233"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="84"/>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="234"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="99"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="100"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="102"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="103"/>
        <source>Legal rep. / principal</source>
        <translation>法定代表人/负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="104"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="105"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="107"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="108"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="109"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="110"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="111"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="112"/>
        <source>Coordinates</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="113"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="119"/>
        <source>Sectors (tick all that apply)</source>
        <translation>行业（可多选）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="180"/>
        <source>Check digit OK</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="182"/>
        <source>(will be saved as {})</source>
        <translation>（将保存为 {}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="186"/>
        <source>should have 18 characters, has {}</source>
        <translation>应为 18 位，现为 {} 位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="187"/>
        <source>contains letters not used in codes (I, O, S, V, Z)</source>
        <translation>含有代码中不使用的字母（I、O、S、V、Z）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="188"/>
        <source>check character does not match</source>
        <translation>校验位不符</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="190"/>
        <source> — can still be saved</source>
        <translation>，仍可保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_dialog.py" line="203"/>
        <source>{} “{}” is not a number (e.g. 30.2741)</source>
        <translation>{}“{}”不是数字（例如 30.2741）</translation>
    </message>
</context>
<context>
    <name>SitePicker</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="72"/>
        <source>Type part of the site name</source>
        <translation>输入场所名称中的几个字</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="30"/>
        <source>New site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="31"/>
        <source>Add a site (Ctrl+N)</source>
        <translation>新增场所（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="32"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="33"/>
        <source>Edit the selected site (F2)</source>
        <translation>编辑选中的场所（F2）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="34"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="35"/>
        <source>Delete the selected site (Del); Ctrl+Z undoes</source>
        <translation>删除选中的场所（Del），可按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="37"/>
        <source>Record hazard here</source>
        <translation>在此登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="38"/>
        <source>Record a hazard at the selected site</source>
        <translation>在选中的场所登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="44"/>
        <source>Filter: name, address, contact, USCC …</source>
        <translation>筛选：名称、地址、联系人、信用代码…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="51"/>
        <source>All sectors</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="53"/>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="59"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="75"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="111"/>
        <source>{} sites</source>
        <translation>共 {} 个场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="163"/>
        <source>Select a site to see its details.</source>
        <translation>选择一个场所，查看详情。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="176"/>
        <source>valid</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="178"/>
        <source>check digit does not match — please verify</source>
        <translation>校验位不符，请核对</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="187"/>
        <source>none (public place)</source>
        <translation>无（公共场所）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="189"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="190"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="191"/>
        <source>Legal rep. / principal</source>
        <translation>法定代表人/负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="192"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="193"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="194"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="195"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="196"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="197"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="198"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="199"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="200"/>
        <source>Coordinates</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="201"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="210"/>
        <source>Open hazards ({})</source>
        <translation>未销号隐患（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="212"/>
        <source>No open hazards.</source>
        <translation>没有未销号的隐患。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="225"/>
        <source>… and {} more</source>
        <translation>…… 另有 {} 条</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="67"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="79"/>
        <source>Type part of the site name</source>
        <translation>输入场所名称的一部分</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="86"/>
        <source>Optional, e.g. back kitchen, 2nd floor</source>
        <translation>选填，如：二楼后厨</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="88"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="89"/>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="90"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="91"/>
        <source>Location</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="94"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="138"/>
        <source>{} ({} items)</source>
        <translation>{}（{} 项）</translation>
    </message>
</context>
<context>
    <name>StoreSwitcher</name>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="31"/>
        <source>Please wait until the running task has finished.</source>
        <translation>请等待当前任务完成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="55"/>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="64"/>
        <source>Choose the data folder</source>
        <translation>选择数据目录</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="402"/>
        <source>Inspection finished</source>
        <translation>检查已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="409"/>
        <source>Start the next inspection…</source>
        <translation>开始下一次检查…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="428"/>
        <source>Items checked</source>
        <translation>已查项目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="429"/>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="430"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="431"/>
        <source>N/A</source>
        <translation>不涉及</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="432"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="433"/>
        <source>Hazards recorded</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="438"/>
        <source>Major level to be confirmed</source>
        <translation>重大隐患等级待确认</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="73"/>
        <source>add site “{}”</source>
        <translation>新增场所“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="77"/>
        <source>Site “{}” added.</source>
        <translation>已新增场所“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="85"/>
        <source>edit site “{}”</source>
        <translation>编辑场所“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="89"/>
        <source>Site “{}” saved.</source>
        <translation>已保存场所“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="96"/>
        <source>delete site “{}”</source>
        <translation>删除场所“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="102"/>
        <source>Site “{}” deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除场所“{}”。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="112"/>
        <source>add hazard “{}”</source>
        <translation>登记隐患“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="116"/>
        <source>Hazard “{}” recorded.</source>
        <translation>已登记隐患“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="124"/>
        <source>edit hazard “{}”</source>
        <translation>编辑隐患“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="128"/>
        <source>Hazard “{}” saved.</source>
        <translation>已保存隐患“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="135"/>
        <source>delete hazard “{}”</source>
        <translation>删除隐患“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="141"/>
        <source>Hazard “{}” deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除隐患“{}”。按 Ctrl+Z 可撤销。</translation>
    </message>
</context>
</TS>
