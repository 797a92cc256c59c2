<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="71"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="72"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="73"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="74"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="75"/>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="76"/>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="289"/>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="540"/>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="565"/>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="577"/>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="592"/>
        <source>Annotate photo</source>
        <translation>标注照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="301"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="302"/>
        <source>Save the annotation (Ctrl+S); the original photo is never changed</source>
        <translation>保存标注（Ctrl+S）；照片原件始终不变</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="304"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="320"/>
        <source>Move shapes</source>
        <translation>移动图形</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="339"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="339"/>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="340"/>
        <source>Circle</source>
        <translation>圆圈</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="340"/>
        <source>Rectangle</source>
        <translation>方框</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="341"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="347"/>
        <source>{} — shortcut {}</source>
        <translation>{} — 快捷键 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="361"/>
        <source>Colour of new shapes (also recolours the selected ones)</source>
        <translation>新图形的颜色（也会改变已选图形的颜色）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="363"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="367"/>
        <source>Text, then click on the photo</source>
        <translation>输入文字，再点击照片放置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="373"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="376"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="382"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="383"/>
        <source>Delete the selected shapes (Del)</source>
        <translation>删除所选图形（Del）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="469"/>
        <source>Click a shape to select it, drag to move, Del to delete.</source>
        <translation>点击图形可选中，拖动可移动，按 Del 删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="470"/>
        <source>Drag from the tail to the tip of the arrow.</source>
        <translation>从箭尾拖到箭头所指处。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="471"/>
        <source>Drag to draw a circle or ellipse.</source>
        <translation>拖动画出圆圈或椭圆。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="472"/>
        <source>Drag to draw a rectangle.</source>
        <translation>拖动画出方框。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="473"/>
        <source>Type the text in the box above, then click where it goes.</source>
        <translation>先在上方输入框中输入文字，再点击要放置的位置。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="486"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="501"/>
        <source>At most {} shapes on one photo.</source>
        <translation>一张照片最多 {} 个图形。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="507"/>
        <source>Add arrow</source>
        <translation>添加箭头</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="507"/>
        <source>Add circle</source>
        <translation>添加圆圈</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="508"/>
        <source>Add rectangle</source>
        <translation>添加方框</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="518"/>
        <source>Type the text first (the box in the toolbar).</source>
        <translation>请先在工具栏的输入框中输入文字。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="525"/>
        <source>Add text</source>
        <translation>添加文字</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="531"/>
        <source>Delete shapes</source>
        <translation>删除图形</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="537"/>
        <source>Undo {} (Ctrl+Z)</source>
        <translation>撤销 {}（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="538"/>
        <source>Redo {} (Ctrl+Y)</source>
        <translation>重做 {}（Ctrl+Y）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/annotation_editor.py" line="593"/>
        <source>Discard the changes to the annotation?</source>
        <translation>放弃对标注的修改？</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="112"/>
        <source>Grid Inspector</source>
        <translation>网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="113"/>
        <source>You can choose another data folder, or quit.</source>
        <translation>可以选择其他数据目录，或退出程序。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="114"/>
        <source>Choose another folder…</source>
        <translation>选择其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="116"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="120"/>
        <source>Choose the data folder</source>
        <translation>选择数据目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="149"/>
        <source>Something went wrong; the details were written to the log.</source>
        <translation>出错了，详细信息已写入日志。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/single_instance.py" line="84"/>
        <source>This data folder is already open in another window, which was brought to the front: {}</source>
        <translation>该数据目录已在另一个窗口中打开，已将该窗口切换到前台：{}</translation>
    </message>
</context>
<context>
    <name>AssignGridDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="42"/>
        <source>Assign a grid</source>
        <translation>分配网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="46"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="66"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="69"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="78"/>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="89"/>
        <source>There are no grids yet. A supervisor adds them in Settings.</source>
        <translation>还没有网格，请由管理人员在“设置”中添加。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="107"/>
        <source>{} sites have no grid. {} selected.</source>
        <translation>{} 个场所尚未分配网格，已选 {} 个。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="109"/>
        <source>Every site in this list has a grid now.</source>
        <translation>列表中的场所都已分配网格。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="131"/>
        <source>{} sites assigned to grid “{}”. Press Ctrl+Z to undo.</source>
        <translation>已将 {} 个场所分配到“{}”，可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="162"/>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="163"/>
        <source>Assignment undone.</source>
        <translation>已撤销分配。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="60"/>
        <source>New campaign</source>
        <translation>新建专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="64"/>
        <source>e.g. 2026 gas safety campaign for restaurants</source>
        <translation>例如：2026年餐饮场所燃气安全专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="75"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="87"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="88"/>
        <source>Sector *</source>
        <translation>行业 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="89"/>
        <source>Dates *</source>
        <translation>起止日期 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="90"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="91"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="114"/>
        <source>Campaigns and random draws</source>
        <translation>专项整治与双随机抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="125"/>
        <source>New campaign…</source>
        <translation>新建专项整治…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="128"/>
        <source>No campaign yet.</source>
        <translation>还没有专项整治。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="148"/>
        <source>Empty: a random seed is made and recorded</source>
        <translation>留空：自动生成并记录随机种子</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="153"/>
        <source>Draw…</source>
        <translation>抽取…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="154"/>
        <source>Draw the sites and inspectors at random; a draw is final</source>
        <translation>随机抽取检查对象和检查人员；抽取结果不能重抽</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="157"/>
        <source>Sites to draw</source>
        <translation>抽取场所数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="158"/>
        <source>Inspectors to draw</source>
        <translation>抽取检查人员数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="159"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="164"/>
        <source>Random draw (双随机)</source>
        <translation>双随机抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="169"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="170"/>
        <source>Re-run the recorded draw from its seed and compare</source>
        <translation>用记录的随机种子重新抽取并比对</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="180"/>
        <source>Drawn sites</source>
        <translation>抽中的场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="181"/>
        <source>Drawn inspectors</source>
        <translation>抽中的检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="205"/>
        <source>Create a campaign, then draw the sites to inspect and the inspectors at random.</source>
        <translation>先新建专项整治，再随机抽取检查对象和检查人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="218"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="222"/>
        <source>Only supervisors organise campaigns and their draws; you can look at them.</source>
        <translation>只有监管人员可以组织专项整治和抽取；您可以查看。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="249"/>
        <source>drawn</source>
        <translation>已抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="249"/>
        <source>not drawn</source>
        <translation>未抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="279"/>
        <source>all grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="280"/>
        <source>{sector} · {start} to {end} · {grid}</source>
        <translation>{sector} · {start} 至 {end} · {grid}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="293"/>
        <source>Drawn {when}: {sites} of {site_pool} sites, {people} of {people_pool} inspectors. Seed: {seed}</source>
        <translation>{when} 抽取：从 {site_pool} 个场所中抽取 {sites} 个，从 {people_pool} 名检查人员中抽取 {people} 名。随机种子：{seed}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="327"/>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="350"/>
        <source>Random draw</source>
        <translation>双随机抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="328"/>
        <source>Draw {} sites and {} inspectors for “{}” now? A draw is final and cannot be repeated.</source>
        <translation>现在抽取 {} 个场所和 {} 名检查人员（{}）？抽取结果为最终结果，不能重抽。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="343"/>
        <source>Drawn with seed {}: {} sites, {} inspectors.</source>
        <translation>已用随机种子 {} 抽取：{} 个场所，{} 名检查人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="361"/>
        <source>✔ Verified: seed {} gives exactly the recorded sites and inspectors.</source>
        <translation>✔ 验证通过：随机种子 {} 重新抽取的场所和检查人员与记录完全一致。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="365"/>
        <source>✘ The recorded draw does NOT reproduce from seed {}.</source>
        <translation>✘ 验证未通过：随机种子 {} 无法重现记录的抽取结果。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="367"/>
        <source>the sites of the sector have changed since the draw</source>
        <translation>抽取后该行业的场所名单已有变化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="370"/>
        <source>the inspectors have changed since the draw</source>
        <translation>抽取后检查人员名单已有变化</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/campaigns.py" line="372"/>
        <source>Note: {} (the draw used the recorded lists).</source>
        <translation>注意：{}（抽取使用的是当时记录的名单）。</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="102"/>
        <source>Only an administrator may edit checklist templates. You can read this one; changes cannot be saved.</source>
        <translation>只有管理员可以修改检查表模板。您可以查看本模板，但修改无法保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="109"/>
        <source>e.g. Fire safety checklist for small venues</source>
        <translation>例如：九小场所消防安全检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="111"/>
        <source>Short code without spaces, e.g. nine_small</source>
        <translation>不含空格的简短代码，例如 nine_small</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="114"/>
        <source>Choose a sector</source>
        <translation>请选择行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="120"/>
        <source>Title *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="121"/>
        <source>Code *</source>
        <translation>代码 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="122"/>
        <source>Sector *</source>
        <translation>行业 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="123"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="131"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="490"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="131"/>
        <source>Item to check *</source>
        <translation>检查内容 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="131"/>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="131"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="148"/>
        <source>Major hazard</source>
        <translation>重大隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="132"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="149"/>
        <source>Deadline (days)</source>
        <translation>整改期限（天）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="132"/>
        <source>How to check</source>
        <translation>检查方法</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="154"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="330"/>
        <source>Add item</source>
        <translation>新增检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="155"/>
        <source>Add an item below the current one (Ctrl+Ins)</source>
        <translation>在当前项下方新增检查项（Ctrl+Ins）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="157"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="339"/>
        <source>Delete item</source>
        <translation>删除检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="158"/>
        <source>Delete the current item (Ctrl+Del)</source>
        <translation>删除当前检查项（Ctrl+Del）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="160"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="161"/>
        <source>Move the current item up (Ctrl+Up)</source>
        <translation>当前检查项上移（Ctrl+Up）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="163"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="164"/>
        <source>Move the current item down (Ctrl+Down)</source>
        <translation>当前检查项下移（Ctrl+Down）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="166"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="167"/>
        <source>Undo the last change to the items (Ctrl+Z)</source>
        <translation>撤销对检查项的上一次修改（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="172"/>
        <source>Save (Ctrl+S); inspections already made keep their version</source>
        <translation>保存（Ctrl+S）；已进行的检查仍使用原版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="175"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="239"/>
        <source>New template: saving creates version 1</source>
        <translation>新模板：保存后为第 1 版</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="241"/>
        <source>Version {}; saving creates version {}</source>
        <translation>第 {} 版；保存将生成第 {} 版</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="242"/>
        <source>Save as version {}</source>
        <translation>保存为第 {} 版</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="257"/>
        <source>A hazard found on this item is a major hazard (重大隐患判定标准)</source>
        <translation>该项发现的隐患判定为重大隐患（重大隐患判定标准）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="265"/>
        <source>New checklist template</source>
        <translation>新检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="267"/>
        <source>Checklist template: {}</source>
        <translation>检查表模板：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="308"/>
        <source>Edit item</source>
        <translation>修改检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="349"/>
        <source>Move item</source>
        <translation>移动检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="393"/>
        <source>Only an administrator may edit checklist templates.</source>
        <translation>只有管理员可以修改检查表模板。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="428"/>
        <source>Saved as version {}.</source>
        <translation>已保存为第 {} 版。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="431"/>
        <source>Checklist “{}” saved as version {}.</source>
        <translation>检查表“{}”已保存为第 {} 版。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="486"/>
        <source>Item {} ({}): {}</source>
        <translation>第 {} 项（{}）：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="490"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="490"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="491"/>
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="498"/>
        <source>Not saved. Please correct:</source>
        <translation>未保存，请更正：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="513"/>
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_editor.py" line="514"/>
        <source>This checklist has changes that are not saved. Save them as a new version?</source>
        <translation>该检查表有尚未保存的修改。是否保存为新版本？</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="34"/>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="34"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="34"/>
        <source>N/A</source>
        <translation>不涉及</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="53"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="53"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="53"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_table.py" line="53"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ChecklistRun</name>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="140"/>
        <source>Note for this item (N); with a hazard it becomes the hazard&apos;s description</source>
        <translation>本项备注（N）；判为隐患时作为隐患描述</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="144"/>
        <source>OK (1)</source>
        <translation>合格 (1)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="145"/>
        <source>Hazard (2)</source>
        <translation>隐患 (2)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="146"/>
        <source>N/A (3)</source>
        <translation>不涉及 (3)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="147"/>
        <source>Edit hazard… (E)</source>
        <translation>编辑隐患…（E）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="148"/>
        <source>Edit this item&apos;s draft hazard: level (with a reason if it differs from the suggestion), deadline … (E, Ctrl+E)</source>
        <translation>编辑本检查项的隐患草稿：等级（与建议等级不同时须填写理由）、整改期限等（E、Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="152"/>
        <source>Next (Enter)</source>
        <translation>下一项 (Enter)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="154"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="595"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="621"/>
        <source>Finish inspection</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="155"/>
        <source>Finish the inspection and publish its hazards (Ctrl+Enter)</source>
        <translation>完成检查并发布发现的隐患（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="158"/>
        <source>New hazard…</source>
        <translation>新增隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="159"/>
        <source>Record a hazard that is not on the checklist (Ctrl+H)</source>
        <translation>登记检查表以外的隐患（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="162"/>
        <source>Discard…</source>
        <translation>放弃检查…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="163"/>
        <source>Throw this inspection away with its answers and draft hazards</source>
        <translation>放弃本次检查，删除其检查结果和隐患草稿</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="200"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="363"/>
        <source>On-site photos ({})</source>
        <translation>现场照片（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="203"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="364"/>
        <source>Add on-site photos of this inspection; you can also drop files here or paste them (Ctrl+V in the strip)</source>
        <translation>添加本次检查的现场照片；也可把文件拖放到这里，或在照片栏中粘贴（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="280"/>
        <source>No checklist</source>
        <translation>无检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="302"/>
        <source>Inspectors: {}</source>
        <translation>检查人员：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="305"/>
        <source>Campaign: {}</source>
        <translation>专项整治：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="309"/>
        <source>{} hazards not on the checklist</source>
        <translation>检查表外隐患 {} 项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="329"/>
        <source>This inspection has no checklist items.</source>
        <translation>本次检查没有检查项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="339"/>
        <source>Major-hazard criterion</source>
        <translation>重大隐患判定项</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="341"/>
        <source>Basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="343"/>
        <source>How to check:</source>
        <translation>检查方法：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="357"/>
        <source>Photos of this item&apos;s hazard, before rectification ({})</source>
        <translation>本项隐患照片（整改前）（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="358"/>
        <source>Evidence of the hazard recorded at this item (phase: before rectification); they show on the hazard page too. Select an item without a hazard for on-site photos of the inspection.</source>
        <translation>本项所登记隐患的证据照片（整改前），在隐患页也会显示。如需添加本次检查的现场照片，请选择没有隐患的检查项。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="387"/>
        <source>to be confirmed by a supervisor</source>
        <translation>待监管人员确认</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="389"/>
        <source>due {}</source>
        <translation>到期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="390"/>
        <source>E: edit the hazard</source>
        <translation>E：编辑隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="391"/>
        <source>Draft hazard:</source>
        <translation>隐患草稿：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="396"/>
        <source>Checked {} / {}</source>
        <translation>已查 {} / {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="421"/>
        <source>Draft hazard recorded ({}): {}</source>
        <translation>已生成隐患草稿（{}）：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="439"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="470"/>
        <source>Record result</source>
        <translation>记录检查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="496"/>
        <source>This item has no hazard to edit: mark it as a hazard (2) first.</source>
        <translation>本检查项没有可编辑的隐患：请先标记为隐患（2）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="505"/>
        <source>Edit hazard: {}</source>
        <translation>编辑隐患：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="532"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="535"/>
        <source>Hazard not on the checklist</source>
        <translation>新增隐患（检查表外）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="533"/>
        <source>Draft hazard recorded (not on the checklist).</source>
        <translation>已登记隐患草稿（检查表外）。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="556"/>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="582"/>
        <source>Discard inspection</source>
        <translation>放弃检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="557"/>
        <source>Discard the inspection at {}? Its answers and draft hazards are thrown away.</source>
        <translation>放弃在{}的本次检查？其检查结果和隐患草稿将被删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="583"/>
        <source>Inspection at {} discarded.</source>
        <translation>已放弃在{}的检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="596"/>
        <source>{} of {} items are not checked yet. Finish anyway?</source>
        <translation>还有 {} 项未检查（共 {} 项）。仍要完成检查吗？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/checklist_run.py" line="616"/>
        <source>Inspection finished: {} hazards recorded.</source>
        <translation>检查已完成：共登记 {} 条隐患。</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplatesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="52"/>
        <source>Checklist templates</source>
        <translation>检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="55"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="55"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="55"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="56"/>
        <source>Items</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="56"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="71"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="72"/>
        <source>Open the selected template in the editor (Enter)</source>
        <translation>在编辑器中打开所选模板（Enter）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="74"/>
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="76"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="77"/>
        <source>Import templates from a .json or .xlsx file</source>
        <translation>从 .json 或 .xlsx 文件导入模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="79"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="80"/>
        <source>Save the selected template as .json or .xlsx</source>
        <translation>将所选模板导出为 .json 或 .xlsx</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="82"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="87"/>
        <source>Only an administrator may add or import checklist templates</source>
        <translation>只有管理员可以新建或导入检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="92"/>
        <source>You can read and export the templates; only an administrator may change them.</source>
        <translation>您可以查看和导出模板；只有管理员可以修改。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="168"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="198"/>
        <source>Import checklist templates</source>
        <translation>导入检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="169"/>
        <source>Checklist files (*.json *.xlsx)</source>
        <translation>检查表文件 (*.json *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="186"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="199"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="191"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="192"/>
        <source>{} of {} templates imported from {}.</source>
        <translation>已导入 {} 个模板（共 {} 个），来自 {}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="208"/>
        <source>Export checklist template</source>
        <translation>导出检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="210"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="210"/>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="219"/>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="222"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="224"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="225"/>
        <source>The template was saved to {}.</source>
        <translation>模板已保存到 {}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/checklist_templates.py" line="229"/>
        <source>Excel support (openpyxl) is missing from this installation; use .json or reinstall the program.</source>
        <translation>本机安装缺少 Excel 支持（openpyxl），请改用 .json 文件或重新安装程序。</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="81"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="82"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="83"/>
        <source>Previous photo of this phase</source>
        <translation>本类别的上一张照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="84"/>
        <source>Next photo of this phase</source>
        <translation>本类别的下一张照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="110"/>
        <source>No photos of this phase</source>
        <translation>该类别暂无照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="122"/>
        <source>{} of {}</source>
        <translation>第 {} 张，共 {} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="125"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="126"/>
        <source>Taken: {}</source>
        <translation>拍摄时间：{}</translation>
    </message>
</context>
<context>
    <name>CompleteTaskDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="71"/>
        <source>Complete the task</source>
        <translation>办结交办任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="74"/>
        <source>Done on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="76"/>
        <source>What was found and done, as reported back</source>
        <translation>检查发现和处理情况（向上级报告的内容）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="77"/>
        <source>Result *</source>
        <translation>办理结果 *</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="90"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="95"/>
        <source>This is an empty database. Would you like to look around with demo data first? The demo store is kept separately and is never mixed into your real data.</source>
        <translation>这是一个空的数据库。要先用演示数据看看吗？演示库单独存放，绝不会混入正式数据。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="97"/>
        <source>Open demo store</source>
        <translation>打开演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="98"/>
        <source>Don&apos;t show again</source>
        <translation>不再提示</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="102"/>
        <source>You are looking at the demo store: every record in it is invented. Your real data is untouched.</source>
        <translation>当前为演示库：其中的记录均为虚构，正式数据不受影响。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="104"/>
        <source>Back to the real store</source>
        <translation>返回正式库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="107"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="232"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="298"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="108"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="233"/>
        <source>Due within 3 days</source>
        <translation>3 天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="109"/>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="234"/>
        <source>Awaiting re-check</source>
        <translation>待复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="110"/>
        <source>Major hazards (not closed)</source>
        <translation>重大隐患（未销号）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="111"/>
        <source>Being rectified</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="112"/>
        <source>Sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="130"/>
        <source>My grids</source>
        <translation>我的网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="131"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="132"/>
        <source>Which grids</source>
        <translation>网格范围</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="134"/>
        <source>Needs follow-up</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="217"/>
        <source>my grids</source>
        <translation>本人网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="217"/>
        <source>all grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="218"/>
        <source>Today is {} · signed in as {} · figures for {}</source>
        <translation>今天是 {} · 当前用户：{} · 统计范围：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="235"/>
        <source>Major hazards under supervision</source>
        <translation>重大隐患督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="236"/>
        <source>Acceptance re-check within 10 days</source>
        <translation>10 日内应验收复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="237"/>
        <source>Sites due for inspection</source>
        <translation>应检查场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="298"/>
        <source>First inspection</source>
        <translation>首次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="299"/>
        <source>Due</source>
        <translation>应检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="317"/>
        <source>Listed</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="336"/>
        <source>Show all {}…</source>
        <translation>查看全部 {} 条…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/dashboard.py" line="341"/>
        <source>Nothing here.</source>
        <translation>暂无。</translation>
    </message>
</context>
<context>
    <name>FirstAdminPasswordDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="32"/>
        <source>Set the administrator&apos;s password</source>
        <translation>设置管理员密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="36"/>
        <source>The administrator ({login}) has no password yet, so anyone using this computer could act as the administrator. Set a password to continue; if you work alone, this computer keeps you logged in afterwards.</source>
        <translation>管理员（{login}）还没有设置密码，任何使用这台电脑的人都能以管理员身份操作。请设置密码后继续；如果只有您一人使用，之后本机会保持您的登录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="42"/>
        <source>At least {} characters</source>
        <translation>至少 {} 位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="45"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="46"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="50"/>
        <source>Set password and continue</source>
        <translation>设置密码并继续</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="51"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="70"/>
        <source>Type a password: the store opens only with one.</source>
        <translation>请输入密码：设置密码后才能打开数据库。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/first_password.py" line="73"/>
        <source>The two passwords differ; type it again.</source>
        <translation>两次输入的密码不一致，请再输一次。</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="284"/>
        <source>New grid</source>
        <translation>新增网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="286"/>
        <source>e.g. 东村第一网格</source>
        <translation>如 东村第一网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="288"/>
        <source>Optional, e.g. G01</source>
        <translation>可不填，如 G01</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="290"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="295"/>
        <source>Grid name</source>
        <translation>网格名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="296"/>
        <source>Code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="297"/>
        <source>Village/community</source>
        <translation>所属村/社区</translation>
    </message>
</context>
<context>
    <name>GridsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="174"/>
        <source>Grids of {}</source>
        <translation>“{}”的责任网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="176"/>
        <source>Tick the grids {} is responsible for:</source>
        <translation>请勾选“{}”负责的网格：</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/common.py" line="130"/>
        <source>Discard what you typed?</source>
        <translation>放弃未保存的内容？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/common.py" line="132"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/common.py" line="133"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>HazardActionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="152"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="153"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="183"/>
        <source>due {}</source>
        <translation>到期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="195"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="197"/>
        <source>As recorded</source>
        <translation>按已设定期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="200"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="234"/>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="235"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="238"/>
        <source>Fill in five implementations…</source>
        <translation>填写五落实…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="239"/>
        <source>Fill in governance plan…</source>
        <translation>填写治理方案…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="262"/>
        <source>A supervisor must confirm the major level first.</source>
        <translation>须先由监管人员确认重大隐患等级。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="264"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="542"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="576"/>
        <source>Before the notice, still missing: {}</source>
        <translation>送达整改通知前尚缺：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="298"/>
        <source>Reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="300"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="305"/>
        <source>Fixed on</source>
        <translation>整改日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="306"/>
        <source>What was done</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="312"/>
        <source>Add after photos…</source>
        <translation>添加整改后照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="313"/>
        <source>Photos of the fixed hazard (after rectification)</source>
        <translation>隐患整改完成后的现场照片（整改后）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="320"/>
        <source>After photos</source>
        <translation>整改后照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="335"/>
        <source>{} after photo(s) linked</source>
        <translation>已关联 {} 张整改后照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="338"/>
        <source>An after photo is required as evidence</source>
        <translation>当场整改须有整改后照片作为佐证</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="343"/>
        <source>Add after photos</source>
        <translation>添加整改后照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="344"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="345"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="359"/>
        <source>Adding photos</source>
        <translation>正在添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="367"/>
        <source>{} is not a photo</source>
        <translation>{} 不是照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="376"/>
        <source>Re-checked on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="377"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="378"/>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="387"/>
        <source>Result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="392"/>
        <source>Only a supervisor may accept a major hazard</source>
        <translation>重大隐患须由监管人员验收销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="394"/>
        <source>Re-check opinion</source>
        <translation>复查意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="396"/>
        <source>Next step (not rectified)</source>
        <translation>复查未通过的后续处理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="399"/>
        <source>Set a new deadline</source>
        <translation>重新设定整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="402"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="498"/>
        <source>New deadline</source>
        <translation>新的整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="403"/>
        <source>Escalate</source>
        <translation>升级督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="408"/>
        <source>Empty: the re-check opinion</source>
        <translation>不填则使用复查意见</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="412"/>
        <source>Only a supervisor may escalate: set a new deadline and tell your supervisor.</source>
        <translation>升级督办须由监管人员决定：请重新设定整改期限，并报告监管人员。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="469"/>
        <source>Extra days</source>
        <translation>延期天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="557"/>
        <source>Targets and tasks</source>
        <translation>治理目标和任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="558"/>
        <source>Methods and measures</source>
        <translation>采取的方法和措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="559"/>
        <source>Funds and materials</source>
        <translation>经费和物资的落实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="560"/>
        <source>Responsible bodies and staff</source>
        <translation>负责治理的机构和人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="561"/>
        <source>Time limit and requirements</source>
        <translation>治理时限和要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="562"/>
        <source>Safety measures and emergency plan</source>
        <translation>安全措施和应急预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="570"/>
        <source>From 五落实 unless you write otherwise: {}</source>
        <translation>留空则取自五落实：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="409"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="470"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="482"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="487"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="493"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="497"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="510"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="406"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="481"/>
        <source>Step</source>
        <translation>督办措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="488"/>
        <source>Listed by (authority)</source>
        <translation>挂牌单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="509"/>
        <source>Level</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="520"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="521"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="522"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="523"/>
        <source>Funds (yuan)</source>
        <translation>整改资金（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="524"/>
        <source>Funds source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="525"/>
        <source>Contingency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="526"/>
        <source>Interim measures</source>
        <translation>临时安全措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="538"/>
        <source>e.g. 5000</source>
        <translation>例如 5000</translation>
    </message>
</context>
<context>
    <name>HazardActions</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="78"/>
        <source>Serve rectification notice</source>
        <translation>送达整改通知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="79"/>
        <source>Report rectification done</source>
        <translation>报告整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="80"/>
        <source>Re-check</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="81"/>
        <source>Fixed on the spot</source>
        <translation>当场整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="82"/>
        <source>Extend deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="83"/>
        <source>Escalate</source>
        <translation>升级督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="84"/>
        <source>List for supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="85"/>
        <source>De-list</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="86"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="87"/>
        <source>Confirm level</source>
        <translation>确认等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="88"/>
        <source>Five implementations</source>
        <translation>五落实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="89"/>
        <source>Governance plan</source>
        <translation>治理方案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="92"/>
        <source>Notice served</source>
        <translation>整改通知已送达</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="93"/>
        <source>Completion reported</source>
        <translation>已报告整改完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="94"/>
        <source>Re-check recorded</source>
        <translation>复查已记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="95"/>
        <source>Recorded as fixed on the spot</source>
        <translation>已按当场整改销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="96"/>
        <source>Deadline extended</source>
        <translation>已延期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="97"/>
        <source>Escalated</source>
        <translation>已升级督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="98"/>
        <source>Listed for supervision</source>
        <translation>已挂牌督办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="99"/>
        <source>De-listed</source>
        <translation>已摘牌</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="100"/>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="101"/>
        <source>Level confirmed</source>
        <translation>等级已确认</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="102"/>
        <source>Five implementations saved</source>
        <translation>五落实已保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_actions.py" line="103"/>
        <source>Governance plan saved</source>
        <translation>治理方案已保存</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="119"/>
        <source>Edit hazard</source>
        <translation>编辑隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="119"/>
        <source>Record a hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="133"/>
        <source>What is wrong, e.g. fire exit blocked by goods</source>
        <translation>存在什么问题，例如：安全出口被货物堵塞</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="138"/>
        <source>e.g. kitchen, stairwell 2F</source>
        <translation>例如：后厨、2 楼楼梯间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="146"/>
        <source>Suggested: {}</source>
        <translation>建议等级：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="156"/>
        <source>Required: why the level differs from the checklist item&apos;s suggestion</source>
        <translation>必填：等级为何与检查项建议的不同</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="158"/>
        <source>Rule or clause the hazard breaks</source>
        <translation>违反的规定或条款</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="163"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="361"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="164"/>
        <source>Immediately</source>
        <translation>立即整改</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="165"/>
        <source>Working days</source>
        <translation>按工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="363"/>
        <source>{} days</source>
        <translation>{} 天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="198"/>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="202"/>
        <source>Not specified</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="215"/>
        <source>Site *</source>
        <translation>场所 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="216"/>
        <source>Description *</source>
        <translation>隐患描述 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="217"/>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="218"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="219"/>
        <source>Reason for changing the suggested level *</source>
        <translation>调整建议等级的理由 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="220"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="221"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="222"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="225"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="226"/>
        <source>Factor</source>
        <translation>隐患因素</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="227"/>
        <source>Measure type</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="246"/>
        <source>Major hazard: 五落实 (needed before its notice; may be completed later)</source>
        <translation>重大隐患：五落实（送达整改通知前须填写，可稍后补充）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="249"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="250"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="253"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="251"/>
        <source>Funds (yuan)</source>
        <translation>整改资金（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="252"/>
        <source>Funds source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="254"/>
        <source>Contingency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="261"/>
        <source>e.g. 5000</source>
        <translation>例如 5000</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="262"/>
        <source>The governance plan takes its funds, responsible people, time limit and emergency plan from these; only its targets and methods are left to write.</source>
        <translation>治理方案中的经费、负责人员、时限和应急预案取自以上内容，只需另填治理目标和方法措施。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="302"/>
        <source>Funds must be an amount in yuan, e.g. 5000.</source>
        <translation>整改资金须为金额（元），例如 5000。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="335"/>
        <source>The notice has been served: the deadline can only be extended.</source>
        <translation>整改通知已送达：整改期限只能通过延期调整。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="361"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="363"/>
        <source>{} working days</source>
        <translation>{} 个工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="374"/>
        <source>Due {} (counted from the notice served on {})</source>
        <translation>到期日 {}（自 {} 送达整改通知起算）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="376"/>
        <source>Due {} (provisional: counted from the day found until a notice is served)</source>
        <translation>到期日 {}（暂定：送达整改通知前从发现之日起算）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="380"/>
        <source>The official holiday schedule for {} is not published yet; statutory holidays were assumed.</source>
        <translation>{} 年的放假调休安排尚未公布，已按法定节假日推算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="387"/>
        <source>Choose the site from the list (type part of its name).</source>
        <translation>请从列表中选择场所（可输入名称中的几个字查找）。</translation>
    </message>
</context>
<context>
    <name>HazardPickDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="219"/>
        <source>Search hazards: description, site, location …</source>
        <translation>搜索隐患：描述、场所、部位…</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="45"/>
        <source>Record hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="46"/>
        <source>Record a hazard (Ctrl+Shift+N)</source>
        <translation>登记隐患（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="47"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="48"/>
        <source>Edit the selected hazard (F2)</source>
        <translation>编辑选中的隐患（F2）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="49"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="50"/>
        <source>Delete the selected hazard (Del); Ctrl+Z undoes</source>
        <translation>删除选中的隐患（Del），可按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="51"/>
        <source>Actions</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="52"/>
        <source>Move the selected hazard on: notice, re-check, extension …</source>
        <translation>处理所选隐患：送达通知、复查、延期……</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="79"/>
        <source>Filter: description, location, basis …</source>
        <translation>筛选：隐患描述、部位、依据…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="83"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="87"/>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="93"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="102"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="177"/>
        <source>Due within {} days</source>
        <translation>{} 天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="179"/>
        <source>One site</source>
        <translation>指定场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="181"/>
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="183"/>
        <source>Remove this filter</source>
        <translation>取消此筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="187"/>
        <source>{} hazards</source>
        <translation>共 {} 条隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="279"/>
        <source>Delete the hazard “{}” at {}?</source>
        <translation>删除隐患“{}”（{}）？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="280"/>
        <source>(no site)</source>
        <translation>（无场所）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="297"/>
        <source>Select a hazard to see its details and history.</source>
        <translation>选择一条隐患，查看详情和处理记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="309"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="311"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="312"/>
        <source>Funds</source>
        <translation>整改资金</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="312"/>
        <source>{} yuan</source>
        <translation>{} 元</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="314"/>
        <source>Contingency plan</source>
        <translation>应急预案/临时措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="317"/>
        <source>Targets and tasks</source>
        <translation>治理目标和任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="318"/>
        <source>Methods and measures</source>
        <translation>采取的方法和措施</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="319"/>
        <source>Funds and materials</source>
        <translation>经费和物资的落实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="320"/>
        <source>Responsible bodies and staff</source>
        <translation>负责治理的机构和人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="321"/>
        <source>Time limit and requirements</source>
        <translation>治理时限和要求</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="322"/>
        <source>Safety measures and emergency plan</source>
        <translation>安全措施和应急预案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="325"/>
        <source>Five implementations</source>
        <translation>五落实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="325"/>
        <source>Governance plan</source>
        <translation>治理方案</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="345"/>
        <source>(awaiting a supervisor&apos;s confirmation)</source>
        <translation>（待管理员确认）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="350"/>
        <source>(provisional until a notice is served)</source>
        <translation>（送达整改通知前为暂定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="355"/>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="355"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="364"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="365"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="366"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="367"/>
        <source>Location</source>
        <translation>部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="368"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="369"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="370"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="371"/>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="372"/>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="373"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="374"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="375"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="376"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="377"/>
        <source>Factor</source>
        <translation>隐患因素</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="378"/>
        <source>Measure type</source>
        <translation>措施类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="389"/>
        <source>due {}</source>
        <translation>到期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="403"/>
        <source>No events yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/hazards.py" line="404"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
</context>
<context>
    <name>InspectionKinds</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="58"/>
        <source>Routine patrol</source>
        <translation>日常巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="59"/>
        <source>Re-check</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="60"/>
        <source>Special campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="61"/>
        <source>Report verification</source>
        <translation>举报核查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="62"/>
        <source>Random check</source>
        <translation>双随机抽查</translation>
    </message>
</context>
<context>
    <name>InspectionPlanDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="47"/>
        <source>Inspection plan</source>
        <translation>检查计划</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="52"/>
        <source> days</source>
        <translation> 天内到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="56"/>
        <source>Never inspected, overdue, and due in the next</source>
        <translation>从未检查、已逾期及未来</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="62"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="62"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="62"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="62"/>
        <source>Risk</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="62"/>
        <source>Every</source>
        <translation>检查周期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="63"/>
        <source>Last inspected</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="63"/>
        <source>Due date</source>
        <translation>应检日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="63"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="76"/>
        <source>No site is due for an inspection in this period.</source>
        <translation>此期间没有需要检查的场所。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="79"/>
        <source>Double-click a site or press Enter to start an inspection there.</source>
        <translation>双击场所或按 Enter 开始检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="81"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="83"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="103"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="103"/>
        <source>Due</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="103"/>
        <source>First inspection</source>
        <translation>首次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="104"/>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="112"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="113"/>
        <source>{} months</source>
        <translation>{} 个月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="114"/>
        <source>never</source>
        <translation>从未检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/inspection_plan.py" line="126"/>
        <source>{} overdue, {} due, {} never inspected</source>
        <translation>逾期 {} 个，到期 {} 个，从未检查 {} 个</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="319"/>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="434"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="320"/>
        <source>Pick a site and run its checklist (Ctrl+Shift+I)</source>
        <translation>选择场所并按检查表逐项检查（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="323"/>
        <source>Inspection plan…</source>
        <translation>检查计划…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="324"/>
        <source>Sites due or overdue for an inspection (Ctrl+Shift+P)</source>
        <translation>到期或逾期应检查的场所（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="327"/>
        <source>Campaigns…</source>
        <translation>专项整治…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="328"/>
        <source>Special campaigns and their random draws (双随机)</source>
        <translation>专项整治及双随机抽取</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="330"/>
        <source>Checklist templates…</source>
        <translation>检查表模板…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="331"/>
        <source>View, edit, import and export checklist templates</source>
        <translation>查看、编辑、导入和导出检查表模板</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="340"/>
        <source>Double-click or press Enter to continue an inspection</source>
        <translation>双击或按 Enter 继续该次检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="343"/>
        <source>No inspection in progress.</source>
        <translation>没有进行中的检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="350"/>
        <source>Inspections in progress</source>
        <translation>进行中的检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="363"/>
        <source>Start an inspection (Ctrl+Shift+I) or continue one from the list.

In the checklist: 1 = OK, 2 = hazard, 3 = not applicable, Enter = next item, N = note, Ctrl+Enter = finish.</source>
        <translation>开始检查（Ctrl+Shift+I），或从左侧列表继续一次检查。

检查表中：1 = 合格，2 = 隐患，3 = 不涉及，Enter = 下一项，N = 备注，Ctrl+Enter = 完成检查。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="398"/>
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
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="90"/>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="91"/>
        <source>Immediately</source>
        <translation>立即整改</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="85"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="87"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="522"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="557"/>
        <source>Public reports</source>
        <translation>群众举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="523"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="559"/>
        <source>Handed-down tasks</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="556"/>
        <source>Public reports ({} to check)</source>
        <translation>群众举报（{} 条待核查）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="558"/>
        <source>Handed-down tasks ({} overdue)</source>
        <translation>上级交办（{} 项逾期）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="560"/>
        <source>{} reports awaiting a check</source>
        <translation>{} 条举报待核查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="561"/>
        <source>{} tasks overdue</source>
        <translation>{} 项交办任务逾期</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="91"/>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="122"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="91"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="105"/>
        <source>Leave empty if the user has no password</source>
        <translation>该用户未设密码时留空</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="107"/>
        <source>Stay logged in on this device</source>
        <translation>保持登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="109"/>
        <source>When ticked, the next start opens without asking for the password.</source>
        <translation>勾选后，下次启动本程序时不再询问密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="113"/>
        <source>Grid Inspector — choose who works on this computer.</source>
        <translation>网格安全巡查 — 请选择在本机工作的用户。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="114"/>
        <source>Choose the user to continue as.</source>
        <translation>请选择要切换到的用户。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="117"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="118"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="124"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="124"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="141"/>
        <source>This user has no password</source>
        <translation>该用户未设密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="170"/>
        <source>Wrong password for {}. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>用户“{}”的密码不正确。请检查输入法和大写锁定键后重试。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="173"/>
        <source>{} has a password: type it to log in.</source>
        <translation>用户“{}”设有密码，请输入密码后登录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="224"/>
        <source>Logged in as {}</source>
        <translation>已登录：{}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="93"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="93"/>
        <source>Sites</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="93"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="93"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="94"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="94"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="94"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="94"/>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="95"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="151"/>
        <source>Open data folder…</source>
        <translation>打开数据目录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="152"/>
        <source>Open demo store</source>
        <translation>打开演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="153"/>
        <source>Back to the real store</source>
        <translation>返回正式库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="154"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="155"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="156"/>
        <source>Import site register…</source>
        <translation>导入场所台账…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="157"/>
        <source>Export site register…</source>
        <translation>导出场所台账…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="158"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="161"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="164"/>
        <source>New site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="165"/>
        <source>New hazard</source>
        <translation>新增隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="167"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="168"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="170"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="171"/>
        <location filename="../../inspector_app/ui/main_window.py" line="515"/>
        <source>About Grid Inspector</source>
        <translation>关于网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="172"/>
        <source>Inspection plan…</source>
        <translation>检查计划…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="173"/>
        <source>Special campaigns…</source>
        <translation>专项整治…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="174"/>
        <source>Checklist templates…</source>
        <translation>检查表模板…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="175"/>
        <source>Work calendar and inspection intervals…</source>
        <translation>工作日历与检查频次…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="188"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="199"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="203"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="206"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="211"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="215"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="237"/>
        <source>Demo store</source>
        <translation>演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="385"/>
        <source>That record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="410"/>
        <source>Select a record in the site or hazard list first.</source>
        <translation>请先在场所或隐患列表中选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="473"/>
        <location filename="../../inspector_app/ui/main_window.py" line="505"/>
        <source>Grid Inspector</source>
        <translation>网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="475"/>
        <source>[Demo store]</source>
        <translation>【演示库】</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="478"/>
        <source>Data: {}</source>
        <translation>数据库：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="485"/>
        <source>Sites {} · Hazards {} · Overdue {}</source>
        <translation>场所 {} · 隐患 {} · 逾期 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="488"/>
        <source>Counted as in the statistics: hazards recorded in unfinished inspections (drafts) are not included.</source>
        <translation>与统计口径一致：未完成检查中记录的隐患（草稿）不计入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="489"/>
        <source>Your grids only.</source>
        <translation>仅含本人网格。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="498"/>
        <source>This store is already open here; the second start was not opened.</source>
        <translation>本数据库已在此打开，再次启动的窗口未打开。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="511"/>
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
        <location filename="../../inspector_app/ui/ops.py" line="156"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ops.py" line="171"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/ops.py" line="240"/>
        <source>Something went wrong; the details were written to the log.</source>
        <translation>出错了，详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>OverdueNotifier</name>
    <message>
        <location filename="../../inspector_app/ui/tray.py" line="35"/>
        <location filename="../../inspector_app/ui/tray.py" line="68"/>
        <location filename="../../inspector_app/ui/tray.py" line="95"/>
        <source>Grid Inspector</source>
        <translation>网格安全巡查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/tray.py" line="74"/>
        <source>{} new overdue hazards</source>
        <translation>新增 {} 条逾期隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/tray.py" line="76"/>
        <source>{} new overdue hazards: {}</source>
        <translation>新增 {} 条逾期隐患：{}</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="240"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="243"/>
        <source>At least {} characters</source>
        <translation>至少 {} 位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="250"/>
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="251"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="252"/>
        <source>Again</source>
        <translation>确认新密码</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="197"/>
        <source>Password of {}</source>
        <translation>设置“{}”的密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="199"/>
        <source>At least {} characters</source>
        <translation>至少 {} 位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="204"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="205"/>
        <source>Again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="207"/>
        <source>Remove password</source>
        <translation>清除密码</translation>
    </message>
</context>
<context>
    <name>PhotoCompare</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="154"/>
        <source>Before/after comparison</source>
        <translation>整改前/整改后 对比</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="161"/>
        <source>Left/Right: page the after photos · Ctrl+Left/Right: the before photos</source>
        <translation>左/右方向键（Left/Right）：翻看整改后照片 · Ctrl+Left/Right：翻看整改前照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_compare.py" line="163"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <location filename="../../inspector_app/ui/photo_list.py" line="148"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_list.py" line="149"/>
        <source>Taken: {}</source>
        <translation>拍摄时间：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_list.py" line="152"/>
        <source>Annotated</source>
        <translation>已标注</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="22"/>
        <source>Before rectification</source>
        <translation>整改前</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="24"/>
        <source>After rectification</source>
        <translation>整改后</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="26"/>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="33"/>
        <source>Before</source>
        <translation>整改前</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="35"/>
        <source>After</source>
        <translation>整改后</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="37"/>
        <source>Scene</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="46"/>
        <source>⚠ The same photo is already evidence for a hazard at another site ({} other sites)</source>
        <translation>⚠ 同一张照片已作为其他场所隐患的证据（另有 {} 个场所）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_labels.py" line="52"/>
        <source>⚠ “After” photo taken ({}) before the rectification notice was served ({})</source>
        <translation>⚠ 整改后照片的拍摄时间（{}）早于整改通知送达日期（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="94"/>
        <source>Enter or double-click: open · Del: remove · Ctrl+V: paste photos</source>
        <translation>回车或双击：查看 · Del：移除 · Ctrl+V：粘贴照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="106"/>
        <source>Show or hide the photos</source>
        <translation>显示或隐藏照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="112"/>
        <source>Phase of the photos you add</source>
        <translation>新添加照片的类别</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="113"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="114"/>
        <source>Add photos or videos; you can also drop files or folders here</source>
        <translation>添加照片或视频；也可以把文件或文件夹拖到这里</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="116"/>
        <source>Before/after comparison</source>
        <translation>整改前/整改后 对比</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="117"/>
        <source>Before and after rectification side by side</source>
        <translation>并排查看整改前与整改后的照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="119"/>
        <source>No photos yet. Drop files here, paste (Ctrl+V) or use “Add photos…”.</source>
        <translation>还没有照片。可将文件拖到这里、粘贴（Ctrl+V），或点击“添加照片…”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="237"/>
        <source>Photos, videos and scans (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.mp4 *.mov *.m4v *.avi *.pdf)</source>
        <translation>照片、视频和扫描件 (*.jpg *.jpeg *.png *.webp *.heic *.heif *.avif *.mp4 *.mov *.m4v *.avi *.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="321"/>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="324"/>
        <source>Annotate…</source>
        <translation>标注…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="325"/>
        <source>Remove photo…</source>
        <translation>移除照片…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="328"/>
        <source>Paste photos</source>
        <translation>粘贴照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="350"/>
        <source>Pasted image {}</source>
        <translation>粘贴的图片 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="365"/>
        <source>Nothing to paste: copy a photo or photo files first.</source>
        <translation>没有可粘贴的内容：请先复制一张图片或照片文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="381"/>
        <source>Remove the photo “{}” ({}) from this inspection?</source>
        <translation>从本次检查中移除照片“{}”（{}）？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="384"/>
        <location filename="../../inspector_app/ui/photo_strip.py" line="400"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="383"/>
        <source>Remove the photo “{}” ({}) from this hazard?</source>
        <translation>从该隐患中移除照片“{}”（{}）？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="388"/>
        <source>The photo is no longer shown as evidence here; the audit log keeps the record.</source>
        <translation>移除后该照片不再作为本隐患的证据显示；审计日志保留记录。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="390"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="401"/>
        <source>Photo removed.</source>
        <translation>照片已移除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="211"/>
        <source>Photos ({})</source>
        <translation>照片（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="236"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="239"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="255"/>
        <location filename="../../inspector_app/ui/photo_strip.py" line="278"/>
        <source>Adding photos</source>
        <translation>正在添加照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="260"/>
        <source>Photos: {} added, {} already there, {} failed</source>
        <translation>照片：添加 {} 张，已有 {} 张，失败 {} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="267"/>
        <source>✓ {}</source>
        <translation>✓ {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="269"/>
        <source>= {} (already added)</source>
        <translation>= {}（已添加过）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="271"/>
        <source>✗ {}</source>
        <translation>✗ {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="273"/>
        <source>– {} (cancelled)</source>
        <translation>– {}（已取消）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/photo_strip.py" line="274"/>
        <source>– {} (not a photo or video, skipped)</source>
        <translation>– {}（不是照片或视频，已跳过）</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="53"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="68"/>
        <source>◀ Previous</source>
        <translation>◀ 上一张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="69"/>
        <source>Previous photo (Left, PageUp)</source>
        <translation>上一张（Left、PageUp）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="70"/>
        <source>Next ▶</source>
        <translation>下一张 ▶</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="71"/>
        <source>Next photo (Right, PageDown)</source>
        <translation>下一张（Right、PageDown）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="73"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="75"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="76"/>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="77"/>
        <source>Fit to the window (Ctrl+0)</source>
        <translation>适合窗口大小（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="78"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="79"/>
        <source>Annotate… (E)</source>
        <translation>标注…（E）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="80"/>
        <source>Draw arrows, circles, boxes and text on a copy (E); the original photo is never changed</source>
        <translation>在副本上画箭头、圆圈、方框和文字（E）；照片原件始终不变</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="83"/>
        <source>Watermark (W)</source>
        <translation>水印（W）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="85"/>
        <source>Show time, place, inspector and short hash on the copy, as in exports and documents</source>
        <translation>在副本上显示时间、地点、检查人和简短校验值，与导出和文书中一致</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="88"/>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="90"/>
        <source>Save the photo as shown (upright, with its marks and the watermark if ticked) as JPEG (Ctrl+Shift+S); the original stays as it was</source>
        <translation>按当前显示效果（已摆正、含标注，勾选时含水印）另存为 JPEG（Ctrl+Shift+S）；原图保持不变</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="167"/>
        <source>{} of {}</source>
        <translation>第 {} 张，共 {} 张</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="211"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="213"/>
        <source>JPEG image (*.jpg)</source>
        <translation>JPEG 图像 (*.jpg)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="220"/>
        <source>The copy was not saved: {}</source>
        <translation>副本未保存：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="222"/>
        <source>Copy saved: {}</source>
        <translation>副本已保存：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="254"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="255"/>
        <source>Taken: {}</source>
        <translation>拍摄时间：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="257"/>
        <source>GPS: {}, {}</source>
        <translation>GPS：{}，{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="259"/>
        <source>annotated</source>
        <translation>已标注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="260"/>
        <source>SHA-256: {}</source>
        <translation>SHA-256：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/photo_viewer.py" line="297"/>
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
    <name>PublicReports</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="48"/>
        <source>12350 work-safety hotline</source>
        <translation>12350 安全生产举报热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="49"/>
        <source>12345 citizen hotline</source>
        <translation>12345 政务服务热线</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="50"/>
        <source>In person / by letter</source>
        <translation>来访/来信举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="51"/>
        <source>Internal report (company staff)</source>
        <translation>企业内部报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="54"/>
        <source>Received</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="55"/>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="56"/>
        <source>Closed: unfounded</source>
        <translation>查无实据（已办结）</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="93"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="94"/>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="95"/>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="96"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="97"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QCalendarWidget</name>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="98"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="99"/>
        <source>Previous Month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/i18n.py" line="100"/>
        <source>Next Month</source>
        <translation>下个月</translation>
    </message>
</context>
<context>
    <name>RegisterFields</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="59"/>
        <source>ID (from our export)</source>
        <translation>编号（本系统导出）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="60"/>
        <source>Site name</source>
        <translation>场所名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="61"/>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="62"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="63"/>
        <source>Legal rep. / principal</source>
        <translation>法定代表人/负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="64"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="65"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="66"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="67"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="68"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="69"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="70"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="71"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="72"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="73"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="74"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="77"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="78"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="79"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="80"/>
        <source>Rejected</source>
        <translation>未导入</translation>
    </message>
</context>
<context>
    <name>RegisterImportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="128"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="211"/>
        <source>Import the site register</source>
        <translation>导入场所台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="142"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="153"/>
        <source>Columns of the file → fields of the register</source>
        <translation>文件中的列 → 台账字段</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="175"/>
        <source>Update sites already in the register with the values of the file</source>
        <translation>用文件中的内容更新台账中已有的场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="177"/>
        <source>Off: rows that match an existing site (same ID, USCC, or name and address) are skipped and the report says what differs.</source>
        <translation>不勾选时：与已有场所相同（编号、统一社会信用代码或名称加地址相同）的行将跳过，报告中列出不同之处。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="180"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="183"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="199"/>
        <source>Nothing was imported. Choose another file, or save the list as an Excel workbook (.xlsx) and try again.</source>
        <translation>未导入任何内容。请选择其他文件，或将名单另存为 Excel 工作簿（.xlsx）后重试。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="212"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="212"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="228"/>
        <source>No header row was found: none of the first rows names a known column (名称, 地址, 统一社会信用代码 …). Put the column names in the first row of the file, or choose each column&apos;s field in the column mapping step.</source>
        <translation>找不到表头：前几行中没有可识别的列名（如 名称、地址、统一社会信用代码 …）。请在文件第一行写上列名，或在列对应步骤中为每一列选择字段。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="232"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="274"/>
        <source>Choose the column that holds the site name.</source>
        <translation>请选择哪一列是场所名称。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="293"/>
        <source>No header row was recognised, so the columns are listed by letter (A, B, C …) and every row is read as a site. Choose each column&apos;s field in the column mapping below; if the first row holds headings, rename them to 名称, 地址 … in the file and choose it again.</source>
        <translation>没有识别出表头行，各列按字母（A、B、C …）列出，每一行都按一个场所读取。请在下方的列对应中为每一列选择字段；如果第一行其实是表头，请在文件中把列名改为 名称、地址 … 后重新选择文件。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="298"/>
        <source>No column for the site name was recognised; column A is used. Choose the right column below.</source>
        <translation>未识别出名称列，暂用 A 列作为名称，请在下方选择正确的列。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="315"/>
        <source>{} · header in row {}</source>
        <translation>{} · 表头在第 {} 行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="317"/>
        <source>{} · sheet “{}” · header in row {}</source>
        <translation>{} · 工作表“{}” · 表头在第 {} 行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="340"/>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="372"/>
        <source>Not imported: {}</source>
        <translation>不导入的列：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="374"/>
        <source>Every column is imported.</source>
        <translation>所有列都将导入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="381"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="539"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="558"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="381"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="539"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="558"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="381"/>
        <source>Remarks</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="392"/>
        <source>Preview of the first {} rows as they will be imported:</source>
        <translation>前 {} 行的导入预览：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="399"/>
        <source>{}: “{}” → “{}”</source>
        <translation>{}：“{}” → “{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="402"/>
        <source>no grid yet</source>
        <translation>尚未分配网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="418"/>
        <source>Importing the site register</source>
        <translation>正在导入场所台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="420"/>
        <source>Import cancelled; nothing was saved.</source>
        <translation>已取消导入，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="421"/>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="439"/>
        <source>Register imported: {} new, {} updated, {} skipped, {} rejected.</source>
        <translation>台账已导入：新增 {} 条，更新 {} 条，跳过 {} 条，未导入 {} 条。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="454"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="455"/>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="464"/>
        <source>Assign a grid…</source>
        <translation>分配网格…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="469"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="471"/>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="473"/>
        <source>Import another file…</source>
        <translation>导入其他文件…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="475"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="484"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="499"/>
        <source>{}: {} new, {} updated, {} skipped, {} rejected</source>
        <translation>{}：新增 {} 条，更新 {} 条，跳过 {} 条，未导入 {} 条</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="503"/>
        <source>Columns not imported: {}</source>
        <translation>未导入的列：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="505"/>
        <source>{} blank rows were passed over.</source>
        <translation>已略过 {} 个空行。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="521"/>
        <source>{} of the imported sites have no grid yet.</source>
        <translation>导入的场所中有 {} 个尚未分配网格。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="539"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="558"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="539"/>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="558"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="568"/>
        <source>Report copied; paste it into Excel or a message.</source>
        <translation>报告已复制，可粘贴到 Excel 或消息中。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="574"/>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="575"/>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV 文件，可用 Excel 打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="576"/>
        <source>{} import report.csv</source>
        <translation>{} 导入报告.csv</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="587"/>
        <source>Cannot save the report: {}</source>
        <translation>无法保存报告：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/register_import.py" line="589"/>
        <source>Report saved: {}</source>
        <translation>报告已保存：{}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="111"/>
        <source>Record a public report</source>
        <translation>登记群众举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="116"/>
        <source>Channel</source>
        <translation>举报渠道</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="123"/>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="125"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="127"/>
        <source>Where, if no registered site (street, building …)</source>
        <translation>未登记场所时填写地点（街道、楼栋…）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="128"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="130"/>
        <source>What the reporter says, as told</source>
        <translation>按举报人原话记录举报内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="131"/>
        <source>Content *</source>
        <translation>举报内容 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="134"/>
        <source>Anonymous report</source>
        <translation>匿名举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="136"/>
        <source>Reporter (protected: only supervisors see this)</source>
        <translation>举报人信息（保密：仅监管人员可见）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="141"/>
        <source>e.g. call back after 6 pm</source>
        <translation>例如：晚上 6 点后回电</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="142"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="143"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="144"/>
        <source>Contact note</source>
        <translation>联系说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="149"/>
        <source>The reporter&apos;s identity is recorded by a supervisor.</source>
        <translation>举报人身份信息由监管人员登记。</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="217"/>
        <source>New report</source>
        <translation>登记举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="218"/>
        <source>Record a public report (Ins)</source>
        <translation>登记一条群众举报（Ins）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="219"/>
        <source>Create hazard…</source>
        <translation>立案隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="220"/>
        <source>Record the hazard the report led to, linked to it</source>
        <translation>登记经核查发现的隐患，并与该举报关联</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="221"/>
        <source>Link hazard…</source>
        <translation>关联隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="222"/>
        <source>The report is verified by a hazard already recorded</source>
        <translation>举报经已登记的隐患核实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="223"/>
        <source>Close as unfounded…</source>
        <translation>查无实据办结…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="224"/>
        <source>The check found nothing: close the report with the reason</source>
        <translation>核查未发现问题：填写理由后办结该举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="225"/>
        <source>Reward…</source>
        <translation>奖励…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="226"/>
        <source>Reward for a verified report</source>
        <translation>对经核实的举报给予奖励</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="231"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="240"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="247"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="281"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="246"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="278"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="246"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="277"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="246"/>
        <source>Site / place</source>
        <translation>场所/地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="246"/>
        <source>Content</source>
        <translation>举报内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="247"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="282"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="247"/>
        <source>Reward</source>
        <translation>奖励（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="259"/>
        <source>{} reports</source>
        <translation>{} 条举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="262"/>
        <source>Select a report to see it in full.</source>
        <translation>选择一条举报查看详情。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="279"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="280"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="285"/>
        <source>Closed because</source>
        <translation>办结理由</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="288"/>
        <source>Reward (yuan)</source>
        <translation>奖励（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="294"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="296"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="296"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="297"/>
        <source>Contact note</source>
        <translation>联系说明</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="309"/>
        <source>Public report recorded</source>
        <translation>群众举报已登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="321"/>
        <source>Hazard recorded and linked to the report</source>
        <translation>隐患已登记并关联到举报</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="340"/>
        <source>Hazard linked: the report is verified</source>
        <translation>已关联隐患，举报已核实</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="342"/>
        <source>Link a hazard to the report</source>
        <translation>为举报关联隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="355"/>
        <source>Report closed as unfounded</source>
        <translation>举报已按查无实据办结</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="357"/>
        <source>Close as unfounded</source>
        <translation>查无实据办结</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="357"/>
        <source>Reason *</source>
        <translation>办结理由 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="370"/>
        <source>Reward saved</source>
        <translation>举报奖励已保存</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="199"/>
        <source>Reward for the report</source>
        <translation>举报奖励</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="201"/>
        <source>Yuan, e.g. 500</source>
        <translation>单位：元，例如 500</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="202"/>
        <source>Amount (yuan)</source>
        <translation>奖励金额（元）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/public_report.py" line="204"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="149"/>
        <source>Role of {}</source>
        <translation>修改“{}”的角色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="151"/>
        <source>Grid inspectors see the hazards of their grids; supervisors see all grids and confirm major hazards; administrators also manage users, grids and checklists.</source>
        <translation>网格员只能查看本人责任网格内的隐患；监管人员可查看全部网格并确认重大隐患；管理员还可管理用户、网格和检查表。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="157"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="39"/>
        <source>Grid inspector</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="40"/>
        <source>Supervisor</source>
        <translation>监管人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="41"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="53"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
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
        <location filename="../../inspector_app/ui/pages/settings.py" line="48"/>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="51"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="52"/>
        <source>The change applies at once; records keep their own language.</source>
        <translation>切换后立即生效；已录入的内容不会被翻译。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="59"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="61"/>
        <source>Use another data folder…</source>
        <translation>使用其他数据目录…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="69"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="71"/>
        <source>Data folder</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="73"/>
        <source>demo store (invented records)</source>
        <translation>演示库（虚构数据）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="73"/>
        <source>real store</source>
        <translation>正式库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="74"/>
        <source>This store</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="75"/>
        <source>Offer the demo store when the database is empty</source>
        <translation>数据库为空时提示打开演示库</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="80"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="82"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="86"/>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="91"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="96"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="106"/>
        <source>Deadlines and inspection intervals</source>
        <translation>期限与检查频次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="108"/>
        <source>Work calendar and inspection intervals…</source>
        <translation>工作日历与检查频次…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="110"/>
        <source>Official holidays and make-up working days, this region&apos;s extra holidays, how often each risk colour is inspected.</source>
        <translation>官方节假日与调休、本地区的地方节假日、各风险等级的检查频次。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="125"/>
        <source>Users and grids</source>
        <translation>用户与网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="129"/>
        <location filename="../../inspector_app/ui/pages/settings.py" line="176"/>
        <source>Stay logged in on this device</source>
        <translation>保持登录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="131"/>
        <source>When not ticked, a user with a password must type it each time the program starts.</source>
        <translation>不勾选时，设有密码的用户每次启动本程序都须输入密码。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="133"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="135"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="137"/>
        <source>Manage users and grids…</source>
        <translation>管理用户与网格…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="147"/>
        <source>Logged in as</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="165"/>
        <source>Only an administrator can manage users and grids; you are logged in as {}.</source>
        <translation>只有管理员可以管理用户和网格；您当前的角色是{}。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/settings.py" line="186"/>
        <source>Your password was changed</source>
        <translation>密码已修改</translation>
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
    <name>SiteHistoryDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="37"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="38"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="73"/>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="117"/>
        <source>Site history</source>
        <translation>场所历史</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="89"/>
        <source>No documents issued for this site yet.</source>
        <translation>该场所还没有出具过文书。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="99"/>
        <source>Double-click a hazard to open it in the hazard list.</source>
        <translation>双击隐患可在隐患列表中打开。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="121"/>
        <source>History of {}</source>
        <translation>{} 的历史记录</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="132"/>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="185"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="132"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="132"/>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="160"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="132"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="133"/>
        <source>Items checked</source>
        <translation>已查项目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="133"/>
        <source>Compliant</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="133"/>
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="133"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="153"/>
        <source>Inspections ({})</source>
        <translation>检查记录（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="160"/>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="160"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="160"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="161"/>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="161"/>
        <source>Closed on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="179"/>
        <source>Hazards ({} open of {})</source>
        <translation>隐患（未销号 {} / 共 {}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="185"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="185"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/site_history.py" line="191"/>
        <source>Documents ({})</source>
        <translation>文书（{}）</translation>
    </message>
</context>
<context>
    <name>SitePicker</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/hazard_dialog.py" line="74"/>
        <source>Type part of the site name</source>
        <translation>输入场所名称中的几个字</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="64"/>
        <source>New site</source>
        <translation>新增场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="65"/>
        <source>Add a site (Ctrl+N)</source>
        <translation>新增场所（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="66"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="67"/>
        <source>Edit the selected site (F2)</source>
        <translation>编辑选中的场所（F2）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="68"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="69"/>
        <source>Delete the selected site (Del); Ctrl+Z undoes</source>
        <translation>删除选中的场所（Del），可按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="71"/>
        <source>Record hazard here</source>
        <translation>在此登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="72"/>
        <source>Record a hazard at the selected site</source>
        <translation>在选中的场所登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="75"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="76"/>
        <source>Inspections, hazards and documents of the selected site (Ctrl+H)</source>
        <translation>选中场所的检查记录、隐患和文书（Ctrl+H）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="80"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="81"/>
        <source>Import sites from an Excel or CSV list (Ctrl+I)</source>
        <translation>从 Excel 或 CSV 名单导入场所（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="85"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="86"/>
        <source>Save the register as an Excel file</source>
        <translation>将场所台账导出为 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="89"/>
        <source>Export the sites shown…</source>
        <translation>导出当前筛选的场所…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="91"/>
        <source>Export all sites…</source>
        <translation>导出全部场所…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="95"/>
        <source>No grid</source>
        <translation>未分配网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="96"/>
        <source>Sites without a grid (after an import): put them into a grid</source>
        <translation>尚未分配网格的场所（如导入后）：为其分配网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="111"/>
        <source>Filter: name, address, contact, USCC …</source>
        <translation>筛选：名称、地址、联系人、信用代码…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="118"/>
        <source>All sectors</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="120"/>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="126"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="143"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="184"/>
        <source>No grid ({})</source>
        <translation>未分配网格（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="188"/>
        <source>{} sites</source>
        <translation>共 {} 个场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="230"/>
        <source>Delete the site “{}”?</source>
        <translation>删除场所“{}”？</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="232"/>
        <source>Its {} hazards will be deleted with it.</source>
        <translation>该场所的 {} 条隐患将一并删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="253"/>
        <source>Import the site register</source>
        <translation>导入场所台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="255"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="255"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="276"/>
        <source>Every site has a grid.</source>
        <translation>所有场所都已分配网格。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="286"/>
        <source>Export the site register</source>
        <translation>导出场所台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="288"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="289"/>
        <source>Site register {}.xlsx</source>
        <translation>场所台账 {}.xlsx</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="303"/>
        <source>Exporting the site register</source>
        <translation>正在导出场所台账</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="308"/>
        <source>{} sites exported to
{}</source>
        <translation>已导出 {} 个场所到
{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="310"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="312"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="335"/>
        <source>Select a site to see its details.</source>
        <translation>选择一个场所，查看详情。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="342"/>
        <source>History: inspections, hazards, documents…</source>
        <translation>历史：检查记录、隐患、文书…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="350"/>
        <source>valid</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="352"/>
        <source>check digit does not match — please verify</source>
        <translation>校验位不符，请核对</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="361"/>
        <source>none (public place)</source>
        <translation>无（公共场所）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="363"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="364"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="365"/>
        <source>Legal rep. / principal</source>
        <translation>法定代表人/负责人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="366"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="367"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="368"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="369"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="370"/>
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="371"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="372"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="373"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="374"/>
        <source>Coordinates</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="375"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="384"/>
        <source>Open hazards ({})</source>
        <translation>未销号隐患（{}）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="386"/>
        <source>No open hazards.</source>
        <translation>没有未销号的隐患。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/sites.py" line="399"/>
        <source>… and {} more</source>
        <translation>…… 另有 {} 条</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="102"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="115"/>
        <source>Type part of the site name</source>
        <translation>输入场所名称的一部分</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="122"/>
        <source>The special campaign (专项整治) this inspection belongs to</source>
        <translation>本次检查所属的专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="124"/>
        <source>Tick the colleagues inspecting with you</source>
        <translation>勾选与您一同检查的同事</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="127"/>
        <source>Optional, e.g. back kitchen, 2nd floor</source>
        <translation>选填，如：二楼后厨</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="129"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="130"/>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="131"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="132"/>
        <source>Campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="133"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="134"/>
        <source>Location</source>
        <translation>检查部位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="137"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="181"/>
        <source>{} (you)</source>
        <translation>{}（本人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="223"/>
        <source>No campaign</source>
        <translation>不属于专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="227"/>
        <source>until {}</source>
        <translation>至 {}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="229"/>
        <source>from {}</source>
        <translation>{} 开始</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="231"/>
        <source>ended {}</source>
        <translation>已于 {} 结束</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspections.py" line="270"/>
        <source>{} ({} items)</source>
        <translation>{}（{} 项）</translation>
    </message>
</context>
<context>
    <name>StoreSwitcher</name>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="39"/>
        <source>Please wait until the running task has finished.</source>
        <translation>请等待当前任务完成。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="64"/>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="88"/>
        <source>Demo data was not created; the unfinished demo store was removed.</source>
        <translation>演示数据未生成完成，未完成的演示库已删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="97"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="98"/>
        <source>Demo data is still being created. Stop it and close? The unfinished demo store will be removed.</source>
        <translation>演示数据仍在生成。要停止生成并关闭吗？未完成的演示库将被删除。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="102"/>
        <source>Stop and close</source>
        <translation>停止并关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="103"/>
        <source>Keep creating</source>
        <translation>继续生成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/stores.py" line="120"/>
        <source>Choose the data folder</source>
        <translation>选择数据目录</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="34"/>
        <source>Inspection finished</source>
        <translation>检查已完成</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="41"/>
        <source>Start the next inspection…</source>
        <translation>开始下一次检查…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="66"/>
        <source>Inspectors</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="68"/>
        <source>Campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="70"/>
        <source>Items checked</source>
        <translation>已查项目</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="71"/>
        <source>OK</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="72"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="73"/>
        <source>N/A</source>
        <translation>不涉及</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="74"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="75"/>
        <source>Hazards recorded</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="80"/>
        <source>Major level to be confirmed</source>
        <translation>重大隐患等级待确认</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="82"/>
        <source>On-site photos</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/inspection_summary.py" line="93"/>
        <source>Hazards recorded (click to open):</source>
        <translation>本次记录的隐患（点击打开）：</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="35"/>
        <source>Record a handed-down task</source>
        <translation>登记上级交办任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="39"/>
        <source>e.g. county emergency management bureau</source>
        <translation>例如：县应急管理局</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="40"/>
        <source>Handed down by *</source>
        <translation>交办单位 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="42"/>
        <source>Their document number, if any</source>
        <translation>交办文号（如有）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="43"/>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="45"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="47"/>
        <source>Due on *</source>
        <translation>办结期限 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="49"/>
        <source>Content *</source>
        <translation>交办内容 *</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assigned_task.py" line="51"/>
        <source>Site</source>
        <translation>场所</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="383"/>
        <source>New task</source>
        <translation>登记交办</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="384"/>
        <source>Record a task handed down by a higher authority (Ins)</source>
        <translation>登记上级交办的任务（Ins）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="385"/>
        <source>Complete…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="386"/>
        <source>Report the task done, with its result</source>
        <translation>填写办理结果，办结该任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="387"/>
        <source>Link hazard…</source>
        <translation>关联隐患…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="388"/>
        <source>A hazard this task produced</source>
        <translation>该任务排查发现的隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="391"/>
        <source>Handed-down tasks are recorded by a supervisor</source>
        <translation>上级交办任务由监管人员登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="393"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="393"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="416"/>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="394"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="415"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="394"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="416"/>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="402"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="411"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="450"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="410"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="449"/>
        <source>Due on</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="410"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="446"/>
        <source>Handed down by</source>
        <translation>交办单位</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="410"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="447"/>
        <source>Document no.</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="410"/>
        <source>Content</source>
        <translation>交办内容</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="411"/>
        <location filename="../../inspector_app/ui/pages/leads.py" line="452"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="417"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="430"/>
        <source>{} tasks</source>
        <translation>{} 项任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="433"/>
        <source>Select a task to see it in full.</source>
        <translation>选择一项任务查看详情。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="448"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="451"/>
        <source>Done on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="468"/>
        <source>Handed-down task recorded</source>
        <translation>上级交办任务已登记</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="481"/>
        <source>Task completed</source>
        <translation>交办任务已办结</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="494"/>
        <source>Hazard linked to the task</source>
        <translation>隐患已关联到交办任务</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages/leads.py" line="496"/>
        <source>Link a hazard to the task</source>
        <translation>为交办任务关联隐患</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="35"/>
        <source>add site “{}”</source>
        <translation>新增场所“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="36"/>
        <source>Site “{}” added.</source>
        <translation>已新增场所“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="37"/>
        <source>edit site “{}”</source>
        <translation>编辑场所“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="38"/>
        <source>Site “{}” saved.</source>
        <translation>已保存场所“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="39"/>
        <source>delete site “{}”</source>
        <translation>删除场所“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="40"/>
        <source>Site “{}” deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除场所“{}”。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="41"/>
        <source>add hazard “{}”</source>
        <translation>登记隐患“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="42"/>
        <source>Hazard “{}” recorded.</source>
        <translation>已登记隐患“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="43"/>
        <source>edit hazard “{}”</source>
        <translation>编辑隐患“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="44"/>
        <source>Hazard “{}” saved.</source>
        <translation>已保存隐患“{}”。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="45"/>
        <source>delete hazard “{}”</source>
        <translation>删除隐患“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/undo.py" line="46"/>
        <source>Hazard “{}” deleted. Press Ctrl+Z to undo.</source>
        <translation>已删除隐患“{}”。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/assign_grid.py" line="127"/>
        <source>assign {} sites to grid “{}”</source>
        <translation>将 {} 个场所分配到网格“{}”</translation>
    </message>
</context>
<context>
    <name>UserBadge</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="71"/>
        <source>Logged in on this device: {}</source>
        <translation>本机当前登录用户：{}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="73"/>
        <source>{user} · no password!</source>
        <translation>{user} · 未设密码！</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/login.py" line="75"/>
        <source>The administrator has no password: anyone can act as them. Set one under Settings → Users and grids.</source>
        <translation>管理员没有设置密码：任何人都能以管理员身份操作。请在“设置 → 用户与网格”中设置密码。</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="104"/>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="107"/>
        <source>e.g. zhangsan (2–40 characters, no spaces)</source>
        <translation>如 zhangsan（2–40 个字符，不含空格）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="109"/>
        <source>Full name, e.g. 张三</source>
        <translation>姓名，如 张三</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="113"/>
        <source>Law-enforcement certificate number, if any</source>
        <translation>执法证号（如有）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="116"/>
        <source>At least {} characters; empty: no password</source>
        <translation>至少 {} 位；留空则不设密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="122"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="123"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="124"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="125"/>
        <source>Grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="126"/>
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="127"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="128"/>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="312"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="312"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="313"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="313"/>
        <source>Grids</source>
        <translation>责任网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="314"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="314"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="320"/>
        <source>Users and grids</source>
        <translation>用户与网格</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="331"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="332"/>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="333"/>
        <source>Grids…</source>
        <translation>责任网格…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="334"/>
        <source>Password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="335"/>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="411"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="336"/>
        <source>Add grid…</source>
        <translation>新增网格…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="337"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="374"/>
        <source> (you)</source>
        <translation>（本人）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="376"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="376"/>
        <source>none</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="377"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="377"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="410"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="412"/>
        <source>Changes are recorded in the audit log.</source>
        <translation>所有修改均记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="413"/>
        <source>Only an administrator can manage users and grids.</source>
        <translation>只有管理员可以管理用户和网格。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="448"/>
        <source>User {} added</source>
        <translation>已新增用户“{}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="478"/>
        <source>Password of {} changed</source>
        <translation>已修改“{}”的密码</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/users.py" line="494"/>
        <source>Grid {} added</source>
        <translation>已新增网格“{}”</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../inspector_app/ui/widgets.py" line="339"/>
        <location filename="../../inspector_app/ui/widgets.py" line="342"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets.py" line="343"/>
        <source>Ctrl+Z undoes the delete afterwards.</source>
        <translation>删除后可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/widgets.py" line="390"/>
        <source>{} is not a date on the calendar.</source>
        <translation>{} 不是有效日期（这一天不存在），请改正。</translation>
    </message>
</context>
<context>
    <name>WorkCalendarDialog</name>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="62"/>
        <source>Work calendar and inspection intervals</source>
        <translation>工作日历与检查频次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="67"/>
        <source>Rest days</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="68"/>
        <source>Regional holidays</source>
        <translation>地方节假日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="69"/>
        <source>Inspection intervals</source>
        <translation>检查频次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="70"/>
        <source>Overdue rule</source>
        <translation>逾期口径</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="75"/>
        <source>Only an administrator may change these settings; you can look.</source>
        <translation>只有管理员可以修改这些设置，您可以查看。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="98"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="104"/>
        <source>Red: rest day (weekend, holiday or regional holiday). Green: a weekend day that is a make-up working day.</source>
        <translation>红色：休息日（周末、法定节假日或地方节假日）。绿色：调休上班的周末。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="117"/>
        <source>Official holidays and make-up working days of {}.</source>
        <translation>{} 年官方节假日与调休安排。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="121"/>
        <source>The official arrangement for {} is not known yet: rest days are computed (Mon–Fri minus the statutory holidays); deadlines counted in it carry a warning.</source>
        <translation>{} 年的官方放假安排尚未公布：休息日按推算（周一至周五，扣除法定节假日），在该年计算的整改期限会带有提示。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="154"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="154"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="154"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="154"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="154"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="155"/>
        <source>Date (fixed)</source>
        <translation>日期（固定）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="162"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="164"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="166"/>
        <source>Save regional holidays</source>
        <translation>保存地方节假日</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="169"/>
        <source>A yearly rule repeats every year on a Gregorian or lunar month and day, e.g. the Guangxi Sanyuesan festival = lunar 3/3 for 2 days; a fixed date holds for one year only, e.g. Eid al-Adha as announced. Deadlines count these as rest days.</source>
        <translation>每年规则按公历或农历的月、日每年重复，例如广西“三月三”= 农历三月初三，放假 2 天；固定日期只适用于当年，例如按公布日期的古尔邦节。计算整改期限时这些日子按休息日计。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="190"/>
        <source>Yearly (Gregorian)</source>
        <translation>每年（公历）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="190"/>
        <source>Yearly (lunar)</source>
        <translation>每年（农历）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="191"/>
        <source>Fixed date</source>
        <translation>固定日期</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="250"/>
        <source>Regional holidays saved.</source>
        <translation>地方节假日已保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="262"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="266"/>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="267"/>
        <source>Save intervals</source>
        <translation>保存检查频次</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="270"/>
        <source>Red monthly, orange every 2 months, yellow quarterly, blue half-yearly (the usual practice)</source>
        <translation>红色每月、橙色每两个月、黄色每季度、蓝色每半年（通常做法）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="274"/>
        <source>A site is due for inspection this many months after its last finished inspection; the dashboard and the inspection plan use it.</source>
        <translation>场所在上次完成检查后经过这么多个月即应再次检查；工作台和检查计划按此计算。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="298"/>
        <source>Inspection intervals saved.</source>
        <translation>检查频次已保存。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="305"/>
        <source>A deadline binds from the day the rectification notice is served. Before that the due date is provisional, counted from the day the hazard was found, and by default it makes nothing overdue: neither the dashboard, the lists nor the statistics count it.</source>
        <translation>整改期限自隐患整改通知书送达之日起算。送达前的到期日为暂定日期（自发现之日起算），默认不计为逾期：工作台、列表和统计均不计入。</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="311"/>
        <source>Also count a passed provisional deadline as overdue (hazards whose notice was not served)</source>
        <translation>暂定期限已过的隐患也计为逾期（尚未送达整改通知）</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/dialogs/work_calendar.py" line="324"/>
        <source>Overdue rule saved.</source>
        <translation>逾期口径已保存。</translation>
    </message>
</context>
</TS>
