<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Database already open</source>
        <translation>数据库已被打开</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>There is no page “{page}”. Pages: {names}</source>
        <translation>没有“{page}”页面。可用页面：{names}</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search title, archive number, text…</source>
        <translation>搜索标题、档号、正文…</translation>
    </message>
    <message>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>联络组(&amp;G)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>{count} 字 / 上限 {limit} 字</translation>
    </message>
    <message>
        <source>{over} over the limit</source>
        <translation>超出 {over} 字</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <source>Assigned when final</source>
        <translation>定稿时生成</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>Consultations it is written from</source>
        <translation>关联的协商活动</translation>
    </message>
    <message>
        <source>No text written yet.</source>
        <translation>尚未填写正文。</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} 篇案例</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>The checklist needs at least one step.</source>
        <translation>流程清单至少需要一个步骤。</translation>
    </message>
    <message>
        <source>A step has no name; name it or remove it.</source>
        <translation>有一个步骤没有名称，请填写名称或将其删除。</translation>
    </message>
    <message>
        <source>“{step}” is in the list twice; rename or remove one.</source>
        <translation>“{step}”在清单中出现了两次，请重命名或删除其中一个。</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Add a step after the selected one (Insert)</source>
        <translation>在选中的步骤之后添加一个步骤（Insert）</translation>
    </message>
    <message>
        <source>Rename the selected step (F2)</source>
        <translation>重命名选中的步骤（F2）</translation>
    </message>
    <message>
        <source>Remove the selected step (Delete)</source>
        <translation>删除选中的步骤（Delete）</translation>
    </message>
    <message>
        <source>Move the selected step up (Ctrl+Up)</source>
        <translation>将选中的步骤上移（Ctrl+Up）</translation>
    </message>
    <message>
        <source>Move the selected step down (Ctrl+Down)</source>
        <translation>将选中的步骤下移（Ctrl+Down）</translation>
    </message>
    <message>
        <source>Put back the steps the program comes with: {steps}</source>
        <translation>恢复为程序自带的步骤：{steps}</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Finds the text in the number, topic, venue, host, recorder, participants, speeches, minutes and consensus.</source>
        <translation>在编号、议题、地点、主持人、记录人、参与人员、发言、会议记录和协商共识中查找。</translation>
    </message>
    <message>
        <source>Right-click to choose the columns shown.</source>
        <translation>右键单击可选择要显示的列。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参与人次</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>委员人次</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Search number, topic, venue, people, minutes…</source>
        <translation>搜索编号、议题、地点、人员、会议记录……</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>{count} deliberation-hall sessions</source>
        <translation>{count} 场民生议事堂协商</translation>
    </message>
    <message>
        <source>{count} micro-consultations</source>
        <translation>{count} 场微协商</translation>
    </message>
    <message>
        <source>{attendance} attendances ({members} by members), {suggestions} suggestions, {solved} solved</source>
        <translation>参与 {attendance} 人次（委员 {members} 人次），意见建议 {suggestions} 条，已解决 {solved} 条</translation>
    </message>
    <message>
        <source>Attach signed sheets…</source>
        <translation>导入签到表扫描件…</translation>
    </message>
    <message>
        <source>Attach scans or photos of signed sheets to the consultations whose QR codes they show. You can also drop a folder of scans onto the list.</source>
        <translation>把签字后的纸质表格的扫描件或照片附加到其二维码所示的协商活动。也可以把装有扫描件的文件夹直接拖到列表上。</translation>
    </message>
    <message>
        <source>Attach a signed sheet to this record…</source>
        <translation>为这条记录附加签到表扫描件…</translation>
    </message>
    <message>
        <source>Choose the folder with the scans of signed sheets</source>
        <translation>选择存放签到表扫描件的文件夹</translation>
    </message>
    <message>
        <source>Select the consultation the signed sheet belongs to.</source>
        <translation>请先选择这张签到表所属的协商活动。</translation>
    </message>
    <message>
        <source>Signed sheet for {number}</source>
        <translation>{number} 的签到表扫描件</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Signed sheet attached to {number}.</source>
        <translation>签到表扫描件已附加到 {number}。</translation>
    </message>
    <message>
        <source>Another record&apos;s sheet?</source>
        <translation>是其他记录的签到表？</translation>
    </message>
    <message>
        <source>Attach anyway</source>
        <translation>仍然附加</translation>
    </message>
    <message>
        <source>Reading sheet {done} of {total}…</source>
        <translation>正在识别第 {done} 张，共 {total} 张…</translation>
    </message>
    <message>
        <source>Attaching signed sheets</source>
        <translation>正在导入签到表扫描件</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Consensus and outcome</source>
        <translation>协商共识和成果</translation>
    </message>
    <message>
        <source>Archived on {date} by {actor}: read-only. Unlock it with a reason to change it.</source>
        <translation>已由 {actor} 于 {date} 归档，只读。如需修改，请填写理由后解锁。</translation>
    </message>
    <message>
        <source>Archived: read-only. Unlock it with a reason to change it.</source>
        <translation>已归档，只读。如需修改，请填写理由后解锁。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topic source</source>
        <translation>议题来源</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>expected {expected}, present {present}; {total} attendances, {members} by CPPCC members</source>
        <translation>应到 {expected} 人，实到 {present} 人；参与 {total} 人次，其中委员 {members} 人次</translation>
    </message>
    <message>
        <source>{count}, {solved} solved</source>
        <translation>{count} 条，已解决 {solved} 条</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Participants ({present} of {expected} present)</source>
        <translation>参与人员（应到 {expected} 人，实到 {present} 人）</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit and title</source>
        <translation>单位及职务</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Counted without names:</source>
        <translation>未登记姓名的人数：</translation>
    </message>
    <message>
        <source>Procedure ({done} of {total} steps done)</source>
        <translation>议事流程（共 {total} 步，已完成 {done} 步）</translation>
    </message>
    <message>
        <source>Suggestions and problems ({count}, {solved} solved)</source>
        <translation>意见建议和问题（{count} 条，已解决 {solved} 条）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>solved on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Responsible: {who}</source>
        <translation>责任单位及责任人：{who}</translation>
    </message>
    <message>
        <source>Deadline: {date}</source>
        <translation>办理时限：{date}</translation>
    </message>
    <message>
        <source>Resolved: {date}</source>
        <translation>办结日期：{date}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Revisited {date}</source>
        <translation>回头看：{date}</translation>
    </message>
    <message>
        <source>Satisfaction: {value}</source>
        <translation>满意度：{value}</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>其他附件</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Liaison Desk – unexpected error</source>
        <translation>联络组履职档案台 — 意外错误</translation>
    </message>
    <message>
        <source>Sorry, Liaison Desk ran into an unexpected problem.</source>
        <translation>抱歉，联络组履职档案台遇到了意外问题。</translation>
    </message>
    <message>
        <source>Your saved data is safe. Changes not yet saved in a form that was open may be lost, so please check the record you were working on.
If this happens again, copy the details below (or send the log file) to whoever looks after this program, and say what you were doing at the time.</source>
        <translation>已保存的数据是安全的。打开的表单中尚未保存的修改可能已丢失，请检查您正在处理的记录。
如果再次出现这种情况，请复制下面的详细信息（或发送日志文件）给负责维护本程序的人员，并说明当时正在进行什么操作。</translation>
    </message>
    <message>
        <source>The details were also written to the log file: {path}</source>
        <translation>详细信息也已写入日志文件：{path}</translation>
    </message>
    <message>
        <source>The log file could not be written, so please copy the details.</source>
        <translation>无法写入日志文件，请复制详细信息。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Details copied. You can paste them into an e-mail or a chat message.</source>
        <translation>详细信息已复制，可以粘贴到电子邮件或聊天消息中。</translation>
    </message>
    <message>
        <source>The folder could not be opened. It is: {path}</source>
        <translation>无法打开文件夹。文件夹位置：{path}</translation>
    </message>
</context>
<context>
    <name>CrashHook</name>
    <message>
        <source>The details were written to the log file {path}.</source>
        <translation>详细信息已写入日志文件 {path}。</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>无法写入日志文件。</translation>
    </message>
    <message>
        <source>Liaison Desk: unexpected error.</source>
        <translation>联络组履职档案台：发生意外错误。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>联络组：</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>协商活动</translation>
    </message>
    <message>
        <source>Deliberation-hall sessions</source>
        <translation>民生议事堂协商</translation>
    </message>
    <message>
        <source>Micro-consultations</source>
        <translation>微协商</translation>
    </message>
    <message>
        <source>Participants (person-times)</source>
        <translation>参与人次</translation>
    </message>
    <message>
        <source>CPPCC members taking part (person-times)</source>
        <translation>委员人次</translation>
    </message>
    <message>
        <source>Suggestions and problems</source>
        <translation>意见建议和问题</translation>
    </message>
    <message>
        <source>Suggestions raised</source>
        <translation>提出意见建议</translation>
    </message>
    <message>
        <source>Problems solved</source>
        <translation>已解决问题</translation>
    </message>
    <message>
        <source>Solved rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Overdue (open after the deadline)</source>
        <translation>已超期（超过办理时限未办结）</translation>
    </message>
    <message>
        <source>Consultation cases</source>
        <translation>协商案例</translation>
    </message>
    <message>
        <source>Cases written</source>
        <translation>撰写案例</translation>
    </message>
    <message>
        <source>Cases submitted</source>
        <translation>报送案例</translation>
    </message>
    <message>
        <source>Cases selected</source>
        <translation>入选案例</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>待跟踪</translation>
    </message>
    <message>
        <source>Open items overdue or due within {days} days, from every year</source>
        <translation>各年度已超期或 {days} 天内到期的未办结事项</translation>
    </message>
    <message>
        <source>Nothing is overdue or due within the next days.</source>
        <translation>没有已超期或近期到期的事项。</translation>
    </message>
    <message>
        <source>Latest records</source>
        <translation>最新记录</translation>
    </message>
    <message>
        <source>The last {count} consultations by date; open one with Enter</source>
        <translation>按日期排列的最近 {count} 场协商，按 Enter 键打开</translation>
    </message>
    <message>
        <source>No records in this year.</source>
        <translation>本年度没有记录。</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>When</source>
        <translation>到期情况</translation>
    </message>
    <message>
        <source>Problem / suggestion</source>
        <translation>问题/意见建议</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>协商日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>超期 1 天</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>超期 {days} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <source>Due in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <source>All overdue ({count})</source>
        <translation>全部已超期（{count}）</translation>
    </message>
    <message>
        <source>Could not load the dashboard.</source>
        <translation>无法加载工作台。</translation>
    </message>
    <message>
        <source>Hall {hall} · micro {micro}</source>
        <translation>议事堂 {hall} · 微协商 {micro}</translation>
    </message>
    <message>
        <source>{adopted} adopted</source>
        <translation>已采纳 {adopted} 条</translation>
    </message>
    <message>
        <source>{solved} of {suggestions}</source>
        <translation>{suggestions} 条中解决 {solved} 条</translation>
    </message>
    <message>
        <source>As of {today}</source>
        <translation>截至 {today}</translation>
    </message>
    <message>
        <source>Latest records of {year}</source>
        <translation>{year} 年最新记录</translation>
    </message>
    <message>
        <source>all groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>{year}, {group}: {count} need follow-up</source>
        <translation>{year} 年，{group}：{count} 项待跟踪</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Photo file missing</source>
        <translation>照片文件缺失</translation>
    </message>
    <message>
        <source>Photo file missing: keep the folder “{folder}” beside the database file.</source>
        <translation>照片文件缺失：附件文件夹“{folder}”须与数据库文件放在同一位置。</translation>
    </message>
    <message>
        <source>Photo file missing.</source>
        <translation>照片文件缺失。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Liaison Desk</source>
        <translation>欢迎使用联络组履职档案台</translation>
    </message>
    <message>
        <source>This database is new. Tell us which liaison group keeps its records here; the name and codes appear on printed sheets, record numbers and archive numbers. You can change them later in Settings.</source>
        <translation>这是一个新数据库。请填写在这里记录档案的联络组；联络组名称和代码会出现在打印的表格、记录编号和档号中。以后可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>GroupProfileForm</name>
    <message>
        <source>Liaison group name</source>
        <translation>联络组名称</translation>
    </message>
    <message>
        <source>Town or subdistrict</source>
        <translation>所在镇（街道）</translation>
    </message>
    <message>
        <source>Short name (in record numbers)</source>
        <translation>简称（用于编号）</translation>
    </message>
    <message>
        <source>Group leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Secretary&apos;s phone</source>
        <translation>联络员电话</translation>
    </message>
    <message>
        <source>Fonds code (archive)</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <source>Organisation code (archive)</source>
        <translation>机构（问题）代码</translation>
    </message>
    <message>
        <source>e.g. 织里镇政协委员联络组</source>
        <translation>例如：织里镇政协委员联络组</translation>
    </message>
    <message>
        <source>e.g. 织里镇</source>
        <translation>例如：织里镇</translation>
    </message>
    <message>
        <source>Optional; derived from the town when empty, e.g. 织里</source>
        <translation>选填；不填时按所在镇（街道）生成，例如：织里</translation>
    </message>
    <message>
        <source>e.g. J012, from the archive office</source>
        <translation>例如：J012，由档案部门提供</translation>
    </message>
    <message>
        <source>e.g. ZL</source>
        <translation>例如：ZL</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>on this computer (process {pid})</source>
        <translation>本机（进程 {pid}）</translation>
    </message>
    <message>
        <source>on the computer “{host}”</source>
        <translation>计算机“{host}”</translation>
    </message>
    <message>
        <source>The database “{file}” is already open in Liaison Desk {who}.

Switch to that window, or close it first. Two windows on one database could overwrite each other&apos;s work, so a second one is not opened.</source>
        <translation>数据库“{file}”已在{who}的联络组履职档案台中打开。

请切换到那个窗口，或先将其关闭。两个窗口同时使用一个数据库可能会互相覆盖修改，因此不再打开第二个窗口。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Liaison Desk</source>
        <translation>联络组履职档案台</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Deliberation hall</source>
        <translation>民生议事堂</translation>
    </message>
    <message>
        <source>Micro-consultations</source>
        <translation>微协商</translation>
    </message>
    <message>
        <source>Problem tracking</source>
        <translation>问题跟踪</translation>
    </message>
    <message>
        <source>Consultation cases</source>
        <translation>协商案例</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员名册</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>新增记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>设置(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>This page has no new record.</source>
        <translation>本页不能新增记录。</translation>
    </message>
    <message>
        <source>This page has no search box.</source>
        <translation>本页没有搜索框。</translation>
    </message>
    <message>
        <source>About Liaison Desk</source>
        <translation>关于联络组履职档案台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Liaison Desk {version}&lt;/h3&gt;&lt;p&gt;Records of the CPPCC members&apos; liaison groups: deliberation-hall sessions, micro-consultations, problem follow-up, consultation cases and submissions.&lt;/p&gt;&lt;p&gt;Database: {where}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;联络组履职档案台 {version}&lt;/h3&gt;&lt;p&gt;政协委员联络组履职档案：民生议事堂协商、微协商、问题跟踪、协商案例和报送记录。&lt;/p&gt;&lt;p&gt;数据库：{where}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>{pages} has changes that are not saved yet. Save them before closing?</source>
        <translation>{pages}有尚未保存的更改。是否在关闭前保存？</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please check the entries</source>
        <translation>请检查填写的内容</translation>
    </message>
    <message>
        <source>The record is locked</source>
        <translation>记录已锁定</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>记录已在别处修改</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <source>The database is in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>仍被其他记录使用</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Backup problem</source>
        <translation>备份问题</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>文件问题</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用中</translation>
    </message>
    <message>
        <source>Close the program that has the file open (for example Excel or WPS), then try again.</source>
        <translation>请关闭打开了该文件的程序（例如 Excel 或 WPS），然后重试。</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Check that the file is not marked read-only and that you may write to its folder, or choose another folder. If the folder must be used, ask your computer administrator for write permission.</source>
        <translation>请检查文件是否设为只读、您是否有权写入其所在文件夹，或者选择其他文件夹。如果必须使用该文件夹，请向计算机管理员申请写入权限。</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Free some space on the disk, or choose another disk, then try again.</source>
        <translation>请清理磁盘空间或选择其他磁盘，然后重试。</translation>
    </message>
    <message>
        <source>Read-only disk</source>
        <translation>磁盘只读</translation>
    </message>
    <message>
        <source>Choose a folder on another disk, then try again.</source>
        <translation>请选择其他磁盘上的文件夹，然后重试。</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>Check that the file still exists and that the USB stick or network folder it is on is connected, then try again.</source>
        <translation>请检查文件是否仍然存在，以及文件所在的U盘或网络文件夹是否已连接，然后重试。</translation>
    </message>
    <message>
        <source>Close the program that uses the file, then try again.</source>
        <translation>请关闭正在使用该文件的程序，然后重试。</translation>
    </message>
    <message>
        <source>Disk error</source>
        <translation>磁盘错误</translation>
    </message>
    <message>
        <source>The disk or USB stick may be faulty or was removed. Reconnect it and try again; if this keeps happening, copy your data elsewhere soon.</source>
        <translation>磁盘或U盘可能有故障或已被拔出。请重新连接后重试；如果反复出现此问题，请尽快把数据复制到其他地方。</translation>
    </message>
    <message>
        <source>Check the file and its folder, then try again.</source>
        <translation>请检查文件及其所在文件夹，然后重试。</translation>
    </message>
    <message>
        <source>Could not use “{path}”: {reason}.</source>
        <translation>无法使用“{path}”：{reason}。</translation>
    </message>
    <message>
        <source>A file could not be used: {reason}.</source>
        <translation>有一个文件无法使用：{reason}。</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>access is not permitted</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>the operation is not permitted (the file may be read-only)</source>
        <translation>不允许此操作（文件可能是只读的）</translation>
    </message>
    <message>
        <source>there is no space left on the disk</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <source>it is on a read-only disk</source>
        <translation>它位于只读磁盘上</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>已存在同名文件或文件夹</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>it is in use by another program</source>
        <translation>正被其他程序使用</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>无法读写磁盘</translation>
    </message>
    <message>
        <source>it is open in another program</source>
        <translation>已在其他程序中打开</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>协商日期</translation>
    </message>
    <message>
        <source>Problem / suggestion</source>
        <translation>问题/意见建议</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Revisited on</source>
        <translation>回头看日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Overdue by 1 day</source>
        <translation>超期 1 天</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>超期 {days} 天</translation>
    </message>
    <message>
        <source>Search content, body, person, number</source>
        <translation>搜索内容、责任单位、责任人、编号……</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open (not solved)</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Any body</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>7 天内到期</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>联络组：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>Due within {days} days</source>
        <translation>{days} 天内到期</translation>
    </message>
    <message>
        <source>{count} items, {overdue} overdue</source>
        <translation>{count} 条，已超期 {overdue} 条</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Why unsolved / not adopted</source>
        <translation>未解决或不予采纳的原因</translation>
    </message>
    <message>
        <source>Revisit note</source>
        <translation>回头看情况</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Raised at</source>
        <translation>所属协商</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Search name, unit, position, phone, sector</source>
        <translation>搜索姓名、单位、职务、电话、界别……</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>CPPCC level</source>
        <translation>政协层级</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>界别</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意公开</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>联络组(&amp;G)：</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>类别(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>Add a person to the roster (Ctrl+N)</source>
        <translation>在人员名册中新增人员（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected person (Enter, double-click)</source>
        <translation>修改选中人员的信息（Enter 或双击）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected people to the recycle bin (Delete)</source>
        <translation>将选中的人员移到回收站（Delete）</translation>
    </message>
    <message>
        <source>The roster is empty. Press Ctrl+N to add the first person.</source>
        <translation>人员名册还是空的。按 Ctrl+N 新增第一位人员。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Consent to publish</source>
        <translation>本人同意公开</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Consent note</source>
        <translation>同意情况说明</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>不在人员名册中</translation>
    </message>
    <message>
        <source>{name} is no longer on the roster (perhaps deleted elsewhere).</source>
        <translation>{name}已不在人员名册中（可能已在别处删除）。</translation>
    </message>
    <message>
        <source>Move {name} to the recycle bin?

The person can be restored from the recycle bin within 30 days.</source>
        <translation>将{name}移到回收站吗？

30 天内可以从回收站恢复。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}，另有 {count} 人</translation>
    </message>
    <message>
        <source>Move these {count} people to the recycle bin?
{names}

They can be restored from the recycle bin within 30 days.</source>
        <translation>将这 {count} 人移到回收站吗？
{names}

30 天内可以从回收站恢复。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move to recycle bin</source>
        <translation>移到回收站</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无联络组）</translation>
    </message>
    <message>
        <source>Workplace or village, e.g. 织里镇秧宝村</source>
        <translation>工作单位或所在村（社区），例如：织里镇秧宝村</translation>
    </message>
    <message>
        <source>11-digit mobile, or landline with area code</source>
        <translation>11 位手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Optional; only when a resident&apos;s case needs it</source>
        <translation>选填；仅在群众事项确实需要时填写</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Members only, e.g. 经济界</source>
        <translation>仅限政协委员，例如：经济界</translation>
    </message>
    <message>
        <source>Agreed separately to publication of name and contact</source>
        <translation>本人已单独同意公开姓名和联系方式</translation>
    </message>
    <message>
        <source>How and when, e.g. written consent 2024-03</source>
        <translation>同意的方式和时间，例如：2024-03 书面同意</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>Liaison &amp;group</source>
        <translation>联络组(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>Posi&amp;tion</source>
        <translation>职务(&amp;T)</translation>
    </message>
    <message>
        <source>Consent n&amp;ote</source>
        <translation>同意情况说明(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>CPPCC &amp;level</source>
        <translation>政协层级(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Sector</source>
        <translation>界别(&amp;S)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意公开</translation>
    </message>
    <message>
        <source>Group {id} (deleted)</source>
        <translation>联络组 {id}（已删除）</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 人</translation>
    </message>
    <message>
        <source>A person named {name} with the same phone is already on the roster:</source>
        <translation>人员名册中已有同名且电话相同的人员“{name}”：</translation>
    </message>
    <message>
        <source>A person named {name} is already on the roster:</source>
        <translation>人员名册中已有同名人员“{name}”：</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>• {name} ({details})</source>
        <translation>• {name}（{details}）</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Preparing the printout…</source>
        <translation>正在准备打印内容…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>第一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>最后一页</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合整页</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>&amp;Mask residents&apos; phone numbers and ID numbers</source>
        <translation>对群众的电话号码和身份证号脱敏(&amp;M)</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>打印预览 — {title}</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>The printout could not be prepared.</source>
        <translation>无法准备打印内容。</translation>
    </message>
    <message>
        <source>The printout could not be drawn.</source>
        <translation>无法生成打印页面。</translation>
    </message>
    <message>
        <source>This printout leaves the office, so the numbers are always masked.</source>
        <translation>这份材料要送出办公室，号码一律脱敏。</translation>
    </message>
    <message>
        <source>Nothing is masked: keep this printout in the office, do not send it out.</source>
        <translation>未脱敏：这份材料请留在办公室内部使用，不要外送。</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>没有可打印的内容。</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} 页</translation>
    </message>
    <message>
        <source>phone and ID numbers masked</source>
        <translation>电话和身份证号已脱敏</translation>
    </message>
    <message>
        <source>nothing masked</source>
        <translation>未脱敏</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>打印失败。</translation>
    </message>
    <message>
        <source>{count} pages sent to {printer}.</source>
        <translation>已将 {count} 页发送到打印机“{printer}”。</translation>
    </message>
    <message>
        <source>{count} pages sent to the printer.</source>
        <translation>已将 {count} 页发送到打印机。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>正在保存 PDF…</translation>
    </message>
    <message>
        <source>Saved as “{name}” in {folder}.</source>
        <translation>已保存为“{name}”，位于 {folder}。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>&amp;Sign-in sheet…</source>
        <translation>签到表(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Record sheet…</source>
        <translation>议事记录表(&amp;R)…</translation>
    </message>
    <message>
        <source>Micro-consultation &amp;card…</source>
        <translation>微协商记录卡(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Assignment slips…</source>
        <translation>交办单(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Print sign-in sheet…</source>
        <translation>打印签到表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print record sheet…</source>
        <translation>打印议事记录表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print card…</source>
        <translation>打印记录卡(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print assignment slips…</source>
        <translation>打印交办单(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Record sheet</source>
        <translation>议事记录表</translation>
    </message>
    <message>
        <source>Micro-consultation card</source>
        <translation>微协商记录卡</translation>
    </message>
    <message>
        <source>Assignment slips</source>
        <translation>交办单</translation>
    </message>
    <message>
        <source>Assignment slips go to the departments, so the numbers are always masked.</source>
        <translation>交办单要送到各部门，号码一律脱敏。</translation>
    </message>
    <message>
        <source>This printout leaves the office, so the numbers are always masked.</source>
        <translation>这份材料要送出办公室，号码一律脱敏。</translation>
    </message>
    <message>
        <source>Select one or more consultations to print.</source>
        <translation>请先选择要打印的一场或多场协商活动。</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Print sheets of the selected consultations ({shortcut}: {sheet})</source>
        <translation>打印所选协商活动的表格（{shortcut}：{sheet}）</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Search</source>
        <translation>搜索……</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <source>No records match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>Could not load the list.</source>
        <translation>无法加载列表。</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>Consultation</source>
        <translation>协商活动</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Case write-up</source>
        <translation>协商案例</translation>
    </message>
    <message>
        <source>Suggestion / problem</source>
        <translation>意见建议/问题</translation>
    </message>
    <message>
        <source>Photo / attachment</source>
        <translation>照片/附件</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <source>Shortcut: {keys}</source>
        <translation>快捷键：{keys}</translation>
    </message>
    <message>
        <source>Search names</source>
        <translation>搜索名称……</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>彻底删除(&amp;D)…</translation>
    </message>
    <message>
        <source>{date} (in {days} days)</source>
        <translation>{date}（还有 {days} 天）</translation>
    </message>
    <message>
        <source>The next time the app starts</source>
        <translation>下次启动程序时</translation>
    </message>
    <message>
        <source>Deleted for good automatically</source>
        <translation>自动彻底删除</translation>
    </message>
    <message>
        <source>Records stay in the recycle bin for {days} days. Restore puts this record back where it was; Delete for good removes it now and cannot be undone.</source>
        <translation>记录在回收站中保留 {days} 天。“恢复”把记录放回原处；“彻底删除”立即删除，且无法撤销。</translation>
    </message>
    <message>
        <source>About the recycle bin</source>
        <translation>关于回收站</translation>
    </message>
    <message>
        <source>{count} records in the recycle bin</source>
        <translation>回收站中有 {count} 条记录</translation>
    </message>
    <message>
        <source>Delete “{name}” for good?</source>
        <translation>彻底删除“{name}”吗？</translation>
    </message>
    <message>
        <source>Delete these {count} records for good?</source>
        <translation>彻底删除这 {count} 条记录吗？</translation>
    </message>
    <message>
        <source>They are removed from the database, with their photos and files that no other record uses. This cannot be undone.</source>
        <translation>记录将从数据库中删除，没有其他记录使用的照片和文件也一并删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Could not delete for good</source>
        <translation>无法彻底删除</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例数</translation>
    </message>
    <message>
        <source>Town / sub-district</source>
        <translation>所在镇（街道）</translation>
    </message>
</context>
<context>
    <name>ScanReportDialog</name>
    <message>
        <source>Signed sheets</source>
        <translation>签到表扫描件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>已附加</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>未附加</translation>
    </message>
    <message>
        <source>Attached ({count})</source>
        <translation>已附加（{count}）</translation>
    </message>
    <message>
        <source>Not attached ({count})</source>
        <translation>未附加（{count}）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Copy both lists as text, e.g. to paste into notes.</source>
        <translation>把两份清单复制为文本，便于粘贴到记录中。</translation>
    </message>
    <message>
        <source>There were no files to look at.</source>
        <translation>没有可识别的文件。</translation>
    </message>
    <message>
        <source>{attached} signed sheets attached to {records} consultations; {unmatched} files not attached.</source>
        <translation>已将 {attached} 份扫描件附加到 {records} 场协商活动；{unmatched} 个文件未附加。</translation>
    </message>
    <message>
        <source>Stopped before all files were looked at; the sheets attached so far stay attached.</source>
        <translation>已中途停止，未识别全部文件；已附加的扫描件保留。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>From {low} to {high}</source>
        <translation>可设为 {low} 到 {high}</translation>
    </message>
    <message>
        <source>Not installed on this computer</source>
        <translation>本机未安装</translation>
    </message>
    <message>
        <source>Not installed on this computer: the bundled font {font} will be used.</source>
        <translation>本机未安装，将使用程序自带的字体 {font}。</translation>
    </message>
    <message>
        <source>Not installed on this computer: {font} will be used.</source>
        <translation>本机未安装，将使用 {font}。</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <source>What leaves the app for a higher level — submission packages, case documents, statistics — is masked as chosen here. Inside the app and on internal printouts everything shows in full.</source>
        <translation>报送给上级的内容（报送包、案例文档、统计数据）按这里的设置脱敏。在程序内和内部打印件上，所有信息完整显示。</translation>
    </message>
    <message>
        <source>Case writing</source>
        <translation>案例撰写</translation>
    </message>
    <message>
        <source>Document fonts</source>
        <translation>文档字体</translation>
    </message>
    <message>
        <source>The faces of printed sheets and exported documents, as the official document format (GB/T 9704) asks for. Choose from the list or type a font&apos;s name.</source>
        <translation>打印表格和导出文档使用的字体，按党政机关公文格式（GB/T 9704）的要求设置。可以从列表中选择，也可以输入字体名称。</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>放弃更改(&amp;D)</translation>
    </message>
    <message>
        <source>Show the saved settings again</source>
        <translation>恢复为已保存的设置</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the changes on every tab (Ctrl+S)</source>
        <translation>保存所有选项卡上的更改（Ctrl+S）</translation>
    </message>
    <message>
        <source>Profile of the liaison group</source>
        <translation>联络组基本信息</translation>
    </message>
    <message>
        <source>The name and codes appear on printed sheets, in record numbers and in archive numbers.</source>
        <translation>联络组名称和代码会出现在打印的表格、记录编号和档号中。</translation>
    </message>
    <message>
        <source>Choose the liaison group whose records this database keeps, or “New liaison group…”, to see and edit its profile.</source>
        <translation>请选择本数据库所记录的联络组，或选择“新建联络组…”，以查看和编辑其基本信息。</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>The steps each new consultation&apos;s checklist starts with. Rename, reorder, add or remove steps to match your district&apos;s procedure. Records already kept keep their own checklist; new records copy the current list.</source>
        <translation>新建协商时流程清单的初始步骤。可以重命名、调整顺序、添加或删除步骤，使之符合本区的议事流程。已有记录保留各自的流程清单，新记录复制当前清单。</translation>
    </message>
    <message>
        <source>Keys in a list: F2 renames, Insert adds, Delete removes, Ctrl+Up and Ctrl+Down move a step; steps can also be dragged.</source>
        <translation>列表中的快捷键：F2 重命名，Insert 添加，Delete 删除，Ctrl+Up 和 Ctrl+Down 移动步骤；也可以拖动步骤调整顺序。</translation>
    </message>
    <message>
        <source>Procedure checklists</source>
        <translation>议事流程</translation>
    </message>
    <message>
        <source>A setting of this computer, not of the database. It is saved and applied at once: the window is shown again in the chosen language.</source>
        <translation>这是本机的设置，不保存在数据库中。选择后立即保存并生效，窗口将以所选语言重新显示。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Undo the changes not saved yet on every tab of the settings?</source>
        <translation>放弃设置中所有选项卡上尚未保存的更改吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Loading the settings…</source>
        <translation>正在加载设置…</translation>
    </message>
    <message>
        <source>Could not load the settings.</source>
        <translation>无法加载设置。</translation>
    </message>
    <message>
        <source>Settings of this database and of this computer.</source>
        <translation>本数据库和本机的设置。</translation>
    </message>
    <message>
        <source>(Not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>New liaison group…</source>
        <translation>新建联络组…</translation>
    </message>
    <message>
        <source>Discard the changes to the profile of “{group}”?</source>
        <translation>放弃对“{group}”基本信息的更改吗？</translation>
    </message>
    <message>
        <source>the new liaison group</source>
        <translation>新联络组</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are as saved.</source>
        <translation>没有需要保存的更改。</translation>
    </message>
    <message>
        <source>Not saved: please check the entries marked in red on “{tab}”.</source>
        <translation>未保存：请检查“{tab}”中标红的内容。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Unsaved changes on the tabs marked *. Save them with Ctrl+S.</source>
        <translation>标有 * 的选项卡中有未保存的更改，请按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The window is shown again in the new language. Save the changes on the other tabs first?</source>
        <translation>窗口将以新语言重新显示。是否先保存其他选项卡上的更改？</translation>
    </message>
    <message>
        <source>Save and switch</source>
        <translation>保存并切换</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Search targets and file names</source>
        <translation>搜索报送对象或文件名……</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例数</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验值</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>联络组(&amp;G)：</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>File checksum (SHA-256)</source>
        <translation>文件校验值（SHA-256）</translation>
    </message>
    <message>
        <source>No package file was recorded for this submission.</source>
        <translation>本次报送未登记报送包文件。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{count} submissions</source>
        <translation>{count} 次报送</translation>
    </message>
    <message>
        <source>Cases and results</source>
        <translation>报送案例及结果</translation>
    </message>
    <message>
        <source>No cases recorded.</source>
        <translation>没有记录报送的案例。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Case {id} (deleted for good)</source>
        <translation>案例 {id}（已彻底删除）</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
</TS>
