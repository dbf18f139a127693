<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaSection</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议程内容</translation>
    </message>
    <message>
        <source>Add agenda &amp;item</source>
        <translation>添加议程(&amp;Q)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
</context>
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
    <name>AttachmentListModel</name>
    <message>
        <source>Cover</source>
        <extracomment>What a tile being dragged inside the grid carries: its row number.</extracomment>
        <translation>封面</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>Cannot show</source>
        <translation>无法显示</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>taken {when}</source>
        <translation>拍摄于 {when}</translation>
    </message>
    <message>
        <source>The stored file is missing.</source>
        <translation>附件文件缺失。</translation>
    </message>
    <message>
        <source>The stored file is missing: keep the folder “{folder}” beside the database file.</source>
        <translation>附件文件缺失：请把文件夹“{folder}”放在数据库文件旁边。</translation>
    </message>
    <message>
        <source>New: joins the record when it is saved.</source>
        <translation>新添加：保存记录时一并保存。</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Photos and attachments</source>
        <translation>照片与附件</translation>
    </message>
    <message>
        <source>Drag files here, or paste with Ctrl+V.</source>
        <translation>可把文件拖到这里，或按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <source>Ca&amp;ption:</source>
        <translation>说明(&amp;C)：</translation>
    </message>
    <message>
        <source>What the photo shows, e.g. who speaks</source>
        <translation>照片内容，如：谁在发言</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add photos or files</source>
        <translation>添加照片或文件</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Add the image or files on the clipboard</source>
        <translation>添加剪贴板中的图片或文件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the photo large, or the file in its program</source>
        <translation>查看大图，或用相应程序打开文件</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>前移</translation>
    </message>
    <message>
        <source>Move the selected one earlier</source>
        <translation>把选中的往前移</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>后移</translation>
    </message>
    <message>
        <source>Move the selected one later</source>
        <translation>把选中的往后移</translation>
    </message>
    <message>
        <source>Set as cover</source>
        <translation>设为封面</translation>
    </message>
    <message>
        <source>Show this photo first wherever the record has one picture</source>
        <translation>在只显示一张照片的地方显示这张</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove from the record (to the recycle bin when the record is saved)</source>
        <translation>从记录中删除（保存记录后移入回收站）</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>编辑说明</translation>
    </message>
    <message>
        <source>Mark as</source>
        <translation>标记为</translation>
    </message>
    <message>
        <source>Mark as a photo, the signed sign-in sheet, a reply letter or another file</source>
        <translation>标记为照片、签到表扫描件、反馈函或其他文件</translation>
    </message>
    <message>
        <source>No photos or files yet.</source>
        <translation>还没有照片或文件。</translation>
    </message>
    <message>
        <source>{count} removed: they go to the recycle bin when the record is saved, and can be restored from there.</source>
        <translation>已删除 {count} 个：保存记录后移入回收站，可在回收站恢复。</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.wps *.ofd)</source>
        <translation>照片和文档 (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.wps *.ofd)</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Pasted image {stamp}</source>
        <translation>粘贴的图片 {stamp}</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>没有可粘贴的内容</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no files. Copy a photo or a file first.</source>
        <translation>剪贴板中没有图片或文件。请先复制照片或文件。</translation>
    </message>
    <message>
        <source>Adding “{name}” ({done} of {total})…</source>
        <translation>正在添加“{name}”（第 {done} 个，共 {total} 个）…</translation>
    </message>
    <message>
        <source>Adding photos and files</source>
        <translation>正在添加照片和文件</translation>
    </message>
    <message>
        <source>{count} files were not added:</source>
        <translation>有 {count} 个文件没有添加：</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>No program on this computer opens “{name}”. A copy is at: {path}</source>
        <translation>这台电脑上没有能打开“{name}”的程序。文件副本在：{path}</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backed up automatically: {file}</source>
        <extracomment>How often the timer asks; the service itself keeps 30 minutes between backups.</extracomment>
        <translation>已自动备份：{file}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>自动备份没有成功：{reason}</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backing up the data before closing…</source>
        <translation>关闭前正在备份数据…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>BackupCounts</name>
    <message>
        <source>consultations {n}</source>
        <translation>协商活动 {n}</translation>
    </message>
    <message>
        <source>suggestions {n}</source>
        <translation>意见建议 {n}</translation>
    </message>
    <message>
        <source>cases {n}</source>
        <translation>案例 {n}</translation>
    </message>
    <message>
        <source>people {n}</source>
        <translation>人员 {n}</translation>
    </message>
    <message>
        <source>attachments {n}</source>
        <translation>附件 {n}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Cannot be read</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>BackupKind</name>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>Before import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>BackupSettingsTab</name>
    <message>
        <source>While the window is open the data is backed up every 30 minutes when something changed, again when the window closes, and before every import and restore. Old automatic backups are thinned to the numbers below. These are settings of this computer.</source>
        <translation>窗口打开期间，数据有改动时每 30 分钟自动备份一次；关闭窗口时、每次导入和恢复之前也会备份。旧的自动备份按下面的份数精简。这些是本机的设置。</translation>
    </message>
    <message>
        <source>This database is on a server: the app cannot back it up as a file. Back it up with the server&apos;s own tools (for example pg_dump).</source>
        <translation>这个数据库在服务器上，本程序不能把它备份成文件。请用服务器自己的备份工具（例如 pg_dump）备份。</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the folder for automatic backups</source>
        <translation>选择保存自动备份的文件夹</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Export the chart as an image</source>
        <translation>将图表导出为图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>导出图片…</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>Export &amp;Word…</source>
        <translation>导出 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Pre&amp;view PDF</source>
        <translation>预览 PDF(&amp;V)</translation>
    </message>
    <message>
        <source>Case &amp;collection…</source>
        <translation>案例汇编(&amp;C)…</translation>
    </message>
    <message>
        <source>The selected cases as one PDF with a cover and contents</source>
        <translation>将所选案例汇编成一个 PDF，含封面和目录</translation>
    </message>
    <message>
        <source>Export the case as Word</source>
        <translation>导出案例为 Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Export the case as PDF</source>
        <translation>导出案例为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Preparing the PDF</source>
        <translation>正在生成 PDF</translation>
    </message>
    <message>
        <source>Case collection</source>
        <translation>案例汇编</translation>
    </message>
    <message>
        <source>The collection of {count} cases is saved to {path}</source>
        <translation>{count} 篇案例的汇编已保存到 {path}</translation>
    </message>
    <message>
        <source>The collection was cancelled; no file written.</source>
        <translation>已取消案例汇编，没有写入文件。</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} 字</translation>
    </message>
    <message>
        <source>Consultations it is written from</source>
        <translation>关联的协商活动</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <source>Back to the list of cases (Esc)</source>
        <translation>返回案例列表（Esc）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+S)</source>
        <translation>保存案例（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation>定稿(&amp;F)</translation>
    </message>
    <message>
        <source>Mark the case final: it gets its archive number.</source>
        <translation>将案例定稿，定稿时生成档号。</translation>
    </message>
    <message>
        <source>Back to &amp;draft</source>
        <translation>改回草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Earlier &amp;versions…</source>
        <translation>历史版本(&amp;V)…</translation>
    </message>
    <message>
        <source>Change (new version)…</source>
        <translation>修改（新版本）…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>The case&apos;s main title</source>
        <translation>案例主标题</translation>
    </message>
    <message>
        <source>Optional: what the group did, starting with a dash</source>
        <translation>可选：以破折号开头，概括联络组的做法</translation>
    </message>
    <message>
        <source>Assigned when final</source>
        <translation>定稿时生成</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>主标题(&amp;T)：</translation>
    </message>
    <message>
        <source>S&amp;ubtitle:</source>
        <translation>副标题(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>联络组(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>保管期限(&amp;Q)：</translation>
    </message>
    <message>
        <source>Archive no.:</source>
        <translation>档号：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>添加关联(&amp;L)…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Make this line a heading of level {level} ({key})</source>
        <translation>将本行设为第 {level} 级标题（{key}）</translation>
    </message>
    <message>
        <source>B</source>
        <translation>粗</translation>
    </message>
    <message>
        <source>Bold: **text** (Ctrl+B)</source>
        <translation>加粗：**文字**（Ctrl+B）</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>From the &amp;linked consultations</source>
        <translation>从关联活动生成(&amp;K)</translation>
    </message>
    <message>
        <source>Write the basic information from the linked consultations (you can edit it afterwards)</source>
        <translation>根据关联的协商活动生成基本信息（生成后可以修改）</translation>
    </message>
    <message>
        <source>One paragraph per line. Headings start with 一、 (一) 1. (1); **bold**.</source>
        <translation>每行一段。标题以 一、 （一） 1. （1） 开头；**加粗**。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Consultation {id} (deleted for good)</source>
        <translation>协商活动 {id}（已彻底删除）</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>Changing the submitted case: saving starts version {n}. Reason: {reason}</source>
        <translation>正在修改已报送的案例：保存后生成第 {n} 版。修改原因：{reason}</translation>
    </message>
    <message>
        <source>{status}, read-only. A change needs a reason and starts a new version; the submitted version stays readable.</source>
        <translation>{status}，只读。修改需要填写原因，并将生成新版本；已报送的版本仍可查看。</translation>
    </message>
    <message>
        <source>(version {n})</source>
        <translation>（第 {n} 版）</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <source>New case: {title}</source>
        <translation>新建案例：{title}</translation>
    </message>
    <message>
        <source>(untitled case)</source>
        <translation>（未命名案例）</translation>
    </message>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>字数 {count} / {limit}</translation>
    </message>
    <message>
        <source>{over} over the limit</source>
        <translation>超出 {over} 字</translation>
    </message>
    <message>
        <source>Not saved: {count} entry needs attention (marked in red).</source>
        <translation>未保存：有 {count} 处需要修改（已用红色标出）。</translation>
    </message>
    <message>
        <source>Not saved: {count} entries need attention (marked in red).</source>
        <translation>未保存：有 {count} 处需要修改（已用红色标出）。</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Link the consultations the case is written from first.</source>
        <translation>请先关联案例所依据的协商活动。</translation>
    </message>
    <message>
        <source>Replace the basic information with a text drawn from the linked consultations?</source>
        <translation>用根据关联活动生成的文字替换现有的基本信息吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Finalise the case</source>
        <translation>案例定稿</translation>
    </message>
    <message>
        <source>Mark the case final? It gets its archive number, which is never reused.</source>
        <translation>将案例定稿吗？定稿时生成档号，档号不会重复使用。</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>Change a submitted case</source>
        <translation>修改已报送的案例</translation>
    </message>
    <message>
        <source>The case has been submitted. Why does it change? The reason is kept with the new version.</source>
        <translation>该案例已报送。请填写修改原因，原因将随新版本一起保存。</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>No earlier version of this case was kept.</source>
        <translation>该案例没有保存的历史版本。</translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation>保存案例</translation>
    </message>
    <message>
        <source>Documents are made from the saved case. Save the changes first?</source>
        <translation>文档根据已保存的案例生成。先保存修改吗？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CasePhotos</name>
    <message>
        <source>Photos (2 to 4, with captions)</source>
        <translation>照片（2～4 张，附说明）</translation>
    </message>
    <message>
        <source>Double-click or F2 to edit a caption</source>
        <translation>双击或按 F2 修改照片说明</translation>
    </message>
    <message>
        <source>C&amp;hoose from the consultations…</source>
        <translation>从活动照片中选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Add from &amp;files…</source>
        <translation>从文件添加(&amp;W)…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>左移</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>右移</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.bmp)</translation>
    </message>
    <message>
        <source>{count} photo.</source>
        <translation>共 {count} 张照片。</translation>
    </message>
    <message>
        <source>{count} photos, in this order.</source>
        <translation>共 {count} 张照片，按此顺序排列。</translation>
    </message>
    <message>
        <source>{count} photos chosen: a case usually shows 2 to 4.</source>
        <translation>已选 {count} 张照片：案例一般配 2～4 张。</translation>
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
        <source>&amp;New case</source>
        <translation>新建案例(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new case (Ctrl+N)</source>
        <translation>撰写新案例（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Open the selected case (Enter)</source>
        <translation>打开所选案例（Enter）</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>Submission &amp;package…</source>
        <translation>生成报送包(&amp;P)…</translation>
    </message>
    <message>
        <source>Export the selected cases as a submission package</source>
        <translation>将所选案例生成报送包</translation>
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
        <translation>联络组(&amp;Z)：</translation>
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
    <message>
        <source>{count} case</source>
        <translation>{count} 篇案例</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The case has changes that are not saved yet. Save them?</source>
        <translation>案例有尚未保存的修改，要保存吗？</translation>
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
    <name>ChecklistSection</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Procedure checklist</source>
        <translation>协商程序清单</translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation>已完成 {done}/{total} 步</translation>
    </message>
    <message>
        <source>Step “{step}”: the date cannot be read, type it as 2024-03-05.</source>
        <translation>步骤“{step}”：日期无法识别，请按 2024-03-05 的格式填写。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>标题/议题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束时间</translation>
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
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>协商共识</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Head counts</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Source of the topic</source>
        <translation>议题来源</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Import package</source>
        <translation>导入报送包</translation>
    </message>
    <message>
        <source>Nothing has been written yet. For each record changed on both sides, choose which version to keep, then click Import (the database is backed up first); Cancel imports nothing.</source>
        <translation>这只是试导入，还没有写入任何数据。两边都改过的记录，请在下表逐条选择保留哪个版本，再点“导入”（导入前自动备份）；点“取消”则不导入。</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Click Import to write these changes (the database is backed up first); Cancel imports nothing.</source>
        <translation>这只是试导入，还没有写入任何数据。点“导入”写入上述改动（导入前自动备份）；点“取消”则不导入。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>本库的版本</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>报送方的版本</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>保留本库的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>用报送方的</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ConsultationField</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Topic source</source>
        <translation>议题来源</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>协商日期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
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
        <source>Recorder</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Head counts</source>
        <translation>群众人数</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>发言摘要</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Consensus and outcomes</source>
        <translation>协商成果</translation>
    </message>
    <message>
        <source>Procedure checklist</source>
        <translation>流程清单</translation>
    </message>
    <message>
        <source>Outcome items</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Photos and attachments</source>
        <translation>照片和附件</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>填报人</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>Back to the list (Esc); asks about unsaved changes</source>
        <translation>返回列表（Esc）；有未保存的修改时会先询问</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>保存记录（Ctrl+S）</translation>
    </message>
    <message>
        <source>Copy as &amp;new</source>
        <translation>复制为新活动(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new record from this one: same venue, people and agenda</source>
        <translation>以本条记录为底新建一条：地点、参加人员和议程相同</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>归档(&amp;A)</translation>
    </message>
    <message>
        <source>Archive the record: it becomes read-only</source>
        <translation>归档本记录：归档后只读</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>Unlock the archived record to change it (asks a reason)</source>
        <translation>解锁已归档的记录以便修改（需填写原因）</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Print preview of this record&apos;s sheets</source>
        <translation>本记录各类表单的打印预览</translation>
    </message>
    <message>
        <source>Attach signed sheet…</source>
        <translation>附加签字签到表…</translation>
    </message>
    <message>
        <source>Attach a scan or photo of the signed sign-in sheet to this record</source>
        <translation>把签字后的签到表扫描件或照片附加到本记录</translation>
    </message>
    <message>
        <source>This record is archived and read-only. To change it, unlock it and give the reason; the reason is kept in its history.</source>
        <translation>本记录已归档，只读。如需修改，请解锁并填写原因；原因会记入修改记录。</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Restore the version and drop them?</source>
        <translation>表单中有尚未保存的修改。恢复该版本并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Basic facts</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>协商程序</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Agenda and speeches</source>
        <translation>议程与发言</translation>
    </message>
    <message>
        <source>Minutes and consensus</source>
        <translation>纪要与成果</translation>
    </message>
    <message>
        <source>Suggestions and problems</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>照片与附件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
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
        <source>This record no longer exists.</source>
        <translation>这条记录已不存在。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>New: {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <source>Not saved: {count} entry needs attention (marked in red).</source>
        <translation>未保存：有 {count} 处需要修改（已用红色标出）。</translation>
    </message>
    <message>
        <source>Not saved: {count} entries need attention (marked in red).</source>
        <translation>未保存：有 {count} 处需要修改（已用红色标出）。</translation>
    </message>
    <message>
        <source>The record is archived: unlock it to change it.</source>
        <translation>本记录已归档：请先解锁再修改。</translation>
    </message>
    <message>
        <source>Photos are still being added; save again in a moment.</source>
        <translation>照片仍在添加中，请稍后再保存。</translation>
    </message>
    <message>
        <source>Saved {number}.</source>
        <translation>已保存 {number}。</translation>
    </message>
    <message>
        <source>“{title}” has changes that are not saved yet. Save them?</source>
        <translation>“{title}”有尚未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation>（尚未填写议题）</translation>
    </message>
    <message>
        <source>Save first</source>
        <translation>请先保存</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The record has unsaved changes. Save them before archiving?</source>
        <translation>本记录有未保存的修改。归档前先保存吗？</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Archive this record? It becomes read-only; changing it later needs unlocking with a reason.</source>
        <translation>归档这条记录吗？归档后只读；以后修改需要填写原因解锁。</translation>
    </message>
    <message>
        <source>{number} archived.</source>
        <translation>{number} 已归档。</translation>
    </message>
    <message>
        <source>{number} unlocked.</source>
        <translation>{number} 已解锁。</translation>
    </message>
    <message>
        <source>A new record copied from {number}: change what differs, then save.</source>
        <translation>已从 {number} 复制出一条新记录：修改不同之处后保存。</translation>
    </message>
    <message>
        <source>Printouts show the record as saved. Save the changes first?</source>
        <translation>打印内容以已保存的记录为准。先保存这些修改吗？</translation>
    </message>
    <message>
        <source>The signed sheet is attached to the saved record. Save the changes first?</source>
        <translation>签到表会附加到已保存的记录上。先保存这些修改吗？</translation>
    </message>
</context>
<context>
    <name>ConsultationPicker</name>
    <message>
        <source>Link consultations</source>
        <translation>关联协商活动</translation>
    </message>
    <message>
        <source>Search number, topic, venue, people…</source>
        <translation>搜索编号、议题、地点、人员…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Only this group</source>
        <translation>仅本联络组</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
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
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{count} consultations</source>
        <translation>共 {count} 场活动</translation>
    </message>
    <message>
        <source>{count} consultation</source>
        <translation>共 {count} 场活动</translation>
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
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>全部月份</translation>
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
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Record a new hall session (Ctrl+N)</source>
        <translation>新建一场民生议事堂活动（Ctrl+N）</translation>
    </message>
    <message>
        <source>Record a new micro-consultation (Ctrl+N)</source>
        <translation>新建一次微协商（Ctrl+N）</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>{count} deliberation-hall session</source>
        <translation>{count} 场民生议事堂协商</translation>
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
        <source>{count} micro-consultation</source>
        <translation>{count} 场微协商</translation>
    </message>
    <message>
        <source>attendance {attendance} ({members} by members), suggestions {suggestions}, solved {solved}</source>
        <translation>参与 {attendance} 人次（委员 {members} 人次），意见建议 {suggestions} 条，已解决 {solved} 条</translation>
    </message>
    <message>
        <source>Copy as new record</source>
        <translation>复制为新活动</translation>
    </message>
    <message>
        <source>Start a new record from the selected one: same venue, people and agenda</source>
        <translation>以所选记录为底新建一条：地点、参加人员和议程相同</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>{year} 年度</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <source>Select the record to copy.</source>
        <translation>请选择要复制的记录。</translation>
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
    <name>DashboardCharts</name>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Click a bar (or reach it with Tab and the arrow keys, then press Enter) to open its list; right-click a chart to export it as an image.</source>
        <translation>点击柱条（或用 Tab 键和方向键选中后按 Enter）打开相应的筛选列表；在图表上点右键可导出图片。</translation>
    </message>
    <message>
        <source>Consultations by month</source>
        <translation>各月协商场次</translation>
    </message>
    <message>
        <source>Solved rate by group</source>
        <translation>各联络组问题解决率</translation>
    </message>
    <message>
        <source>Suggestions by status</source>
        <translation>意见建议办理状态</translation>
    </message>
    <message>
        <source>{year}, {scope}</source>
        <translation>{year} 年，{scope}</translation>
    </message>
    <message>
        <source>No records in this year.</source>
        <translation>本年度没有记录。</translation>
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
        <source>{month} {year}: {count} {what}</source>
        <translation>{year} 年{month}：{what} {count} 场</translation>
    </message>
    <message>
        <source>{group}: solved rate {rate} ({solved} of {suggestions})</source>
        <translation>{group}：解决率 {rate}（{suggestions} 条中解决 {solved} 条）</translation>
    </message>
    <message>
        <source>{group}: no suggestions in {year}</source>
        <translation>{group}：{year} 年没有意见建议</translation>
    </message>
    <message>
        <source>Solved rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>{status}: {count} of {total} suggestions ({share})</source>
        <translation>{status}：{count} 条，占全部 {total} 条意见建议的 {share}</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>意见建议</translation>
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
        <source>{year}, {group}: {count} needs follow-up</source>
        <translation>{year} 年，{group}：{count} 项待跟踪</translation>
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
    <name>DateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Pick a date in the calendar</source>
        <translation>在日历中选择日期</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
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
    <name>DraftsDialog</name>
    <message>
        <source>Unsaved drafts</source>
        <translation>未保存的草稿</translation>
    </message>
    <message>
        <source>The app was closed while these records had changes that were not saved. Restore one to go on where you stopped, or discard it.</source>
        <translation>上次关闭程序时，这些记录还有未保存的修改。恢复后可以接着编辑，也可以丢弃。</translation>
    </message>
    <message>
        <source>{title} — kept {when}</source>
        <translation>{title} — 保存于 {when}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>以后再说(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the drafts; they are offered again next time</source>
        <translation>保留草稿，下次启动时再提示</translation>
    </message>
    <message>
        <source>Draft damaged</source>
        <translation>草稿已损坏</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>No page of this window can open this draft.</source>
        <translation>没有哪个页面能打开这份草稿。</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>丢弃草稿</translation>
    </message>
    <message>
        <source>Discard the unsaved changes of “{title}”? They cannot be brought back.</source>
        <translation>丢弃“{title}”未保存的修改吗？丢弃后无法找回。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>EditableTable</name>
    <message>
        <source>&amp;Add row</source>
        <translation>添加一行(&amp;A)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected rows (Delete)</source>
        <translation>删除所选行（Delete）</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the row up (Ctrl+Up)</source>
        <translation>上移一行（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the row down (Ctrl+Down)</source>
        <translation>下移一行（Ctrl+↓）</translation>
    </message>
</context>
<context>
    <name>FactsSection</name>
    <message>
        <source>Assigned when first saved</source>
        <translation>首次保存时自动编号</translation>
    </message>
    <message>
        <source>The number is assigned on the first save and never reused.</source>
        <translation>编号在首次保存时分配，永不重复使用。</translation>
    </message>
    <message>
        <source>Required, e.g. 童装产业园区停车难协商</source>
        <translation>必填，如：童装产业园区停车难协商</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Required; earlier venues are offered as you type</source>
        <translation>必填；输入时会提示以前用过的地点</translation>
    </message>
    <message>
        <source>Choose the liaison group</source>
        <translation>请选择联络组</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>议题(&amp;T)</translation>
    </message>
    <message>
        <source>Topic s&amp;ource</source>
        <translation>议题来源(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>时间(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>地点(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>联络组(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主持人(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Recorder</source>
        <translation>记录人(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;E)</translation>
    </message>
    <message>
        <source>Group {id}</source>
        <translation>联络组 {id}</translation>
    </message>
    <message>
        <source>The date cannot be read: type it as 2024-03-05.</source>
        <translation>日期无法识别：请按 2024-03-05 的格式填写。</translation>
    </message>
    <message>
        <source>The time cannot be read: type it as 09:30.</source>
        <translation>时间无法识别：请按 09:30 的格式填写。</translation>
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
    <name>GlobalSearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation>全局搜索</translation>
    </message>
    <message>
        <source>Search consultations, outcome items, cases and people…</source>
        <translation>搜索协商活动、意见建议、协商案例和人员……</translation>
    </message>
    <message>
        <source>Type a word, a name or a number (e.g. 织里-2024-议-012).</source>
        <translation>输入文字、姓名或编号（例如 织里-2024-议-012）。</translation>
    </message>
    <message>
        <source>No records contain “{text}”.</source>
        <translation>没有包含“{text}”的记录。</translation>
    </message>
    <message>
        <source>{count} records found. ↑↓ to choose, Enter to open, Esc to close.</source>
        <translation>找到 {count} 条记录。↑↓ 选择，回车打开，Esc 关闭。</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>协商活动</translation>
    </message>
    <message>
        <source>Outcome items</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Consultation cases</source>
        <translation>协商案例</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>({total}, first {shown} shown)</source>
        <translation>（{total} 条，显示前 {shown} 条）</translation>
    </message>
</context>
<context>
    <name>GroupComparisonPage</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>&amp;Export return…</source>
        <translation>导出报表(&amp;E)…</translation>
    </message>
    <message>
        <source>Save this table as the district&apos;s monthly or quarterly return (Excel)</source>
        <translation>把这张表导出为区政协联络组工作情况月报或季报（Excel）</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Group comparison</source>
        <translation>各组对比</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>联络组</translation>
    </message>
    <message>
        <source>Hall sessions</source>
        <translation>民生议事堂</translation>
    </message>
    <message>
        <source>Micro</source>
        <translation>微协商</translation>
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
        <source>Solved rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Could not load the group comparison.</source>
        <translation>无法加载各组对比。</translation>
    </message>
    <message>
        <source>Consultations held {start} – {end}; overdue as of {as_of}; cases of {year}. Click a figure to open the records it counts.</source>
        <translation>统计 {start} 至 {end} 举行的协商活动；超期按 {as_of} 计；案例按所属年度 {year} 年计。点击数字可打开它统计的记录。</translation>
    </message>
    <message>
        <source>{period}: {groups} groups, {hall} hall sessions, {micro} micro, {solved} solved</source>
        <translation>{period}：{groups} 个联络组，民生议事堂 {hall} 场，微协商 {micro} 次，已解决 {solved} 个</translation>
    </message>
    <message>
        <source>Save the district&apos;s return</source>
        <translation>保存联络组工作情况报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Return saved</source>
        <translation>报表已保存</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Export return</source>
        <translation>导出报表</translation>
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
    <name>HistoryView</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
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
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <source>, {absent} absent</source>
        <translation>，缺席 {absent} 人</translation>
    </message>
    <message>
        <source>{count} speeches</source>
        <translation>{count} 条发言</translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation>完成 {done}/{total} 步</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} 项</translation>
    </message>
    <message>
        <source>details changed</source>
        <translation>内容有修改</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有修改</translation>
    </message>
    <message>
        <source>Every change to this record, newest first. Restoring a version puts back the record&apos;s own fields (basic facts, participants, head counts, agenda, speeches, minutes, consensus and checklist) and saves them as a new version, which can be undone the same way. Outcome items and photos/attachments keep their own history and are not restored.</source>
        <translation>本记录的每一次变动，最新的在前。恢复到某一版本，会把本记录自身的内容（基本信息、参会人员、人数、议程、发言、纪要、协商成果和流程清单）改回该版本，并保存为新的一版，可以同样撤销。意见建议和照片/附件各有自己的记录，不随之恢复。</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>恢复到此版本(&amp;E)…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{revision} (current)</source>
        <translation>{revision}（当前）</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <source>Could not load the history.</source>
        <translation>无法读取历史记录。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>这条记录已不存在。</translation>
    </message>
    <message>
        <source>Archived records are read-only: unlock the record to restore a version.</source>
        <translation>已归档的记录是只读的：请先解锁，再恢复历史版本。</translation>
    </message>
    <message>
        <source>{count} versions</source>
        <translation>共 {count} 个版本</translation>
    </message>
    <message>
        <source>{count} version</source>
        <translation>共 {count} 个版本</translation>
    </message>
    <message>
        <source>The record is archived and read-only: unlock it first, then restore.</source>
        <translation>记录已归档，是只读的：请先解锁，再恢复。</translation>
    </message>
    <message>
        <source>Choose the version to go back to.</source>
        <translation>请选择要恢复到的版本。</translation>
    </message>
    <message>
        <source>Choose a version: the creation, a saved change or an earlier restore.</source>
        <translation>请选择一个版本：新建、保存的修改或之前的恢复。</translation>
    </message>
    <message>
        <source>This is the record&apos;s current version.</source>
        <translation>这是记录的当前版本。</translation>
    </message>
    <message>
        <source>Put the record&apos;s own fields back as they were in version {revision}.</source>
        <translation>把本记录自身的内容改回第 {revision} 版。</translation>
    </message>
    <message>
        <source>{action} by {actor} on {at}</source>
        <translation>{at} {actor} {action}</translation>
    </message>
    <message>
        <source>Restore version {revision}</source>
        <translation>恢复到第 {revision} 版</translation>
    </message>
    <message>
        <source>The record&apos;s own fields go back to version {revision}; outcome items and photos/attachments stay as they are. The restore is saved as a new version and can be undone. Why restore this version?</source>
        <translation>本记录自身的内容将改回第 {revision} 版；意见建议和照片/附件保持不变。恢复会保存为新的一版，可以撤销。为什么要恢复到这一版？</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Unlock the archived record</source>
        <translation>解锁已归档的记录</translation>
    </message>
    <message>
        <source>An archived record is read-only. Unlocking lets it be changed again; the reason is kept in the record&apos;s history. Why unlock it?</source>
        <translation>已归档的记录是只读的。解锁后可以再次修改，解锁原因会记入历史记录。为什么要解锁？</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ImportLogDialog</name>
    <message>
        <source>Import log</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>报送方（导入人）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>&amp;Undo the last import</source>
        <translation>撤销最近一次导入(&amp;U)</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation>（已撤销）</translation>
    </message>
    <message>
        <source>Case package</source>
        <translation>协商案例报送包</translation>
    </message>
    <message>
        <source>Records package</source>
        <translation>报送数据包</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>Not masked</source>
        <translation>未隐藏</translation>
    </message>
    <message>
        <source>Undo the last import</source>
        <translation>撤销最近一次导入</translation>
    </message>
    <message>
        <source>Undo the import of “{file}” ({sender}, {when})? The records go back exactly as they were before it; a backup is made first.</source>
        <translation>撤销“{file}”（{sender}，{when}）的导入吗？记录会恢复到这次导入之前的样子；撤销前会先自动备份。</translation>
    </message>
    <message>
        <source>&amp;Undo the import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
    <message>
        <source>The import of “{file}” ({sender}) is undone: the records are as they were before it. It stays in the log, marked “undone”.</source>
        <translation>已撤销“{file}”（{sender}）的导入，记录已恢复到导入之前的样子。这次导入仍留在导入记录中，标为“已撤销”。</translation>
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
    <name>LedgerDialogs</name>
    <message>
        <source>&amp;Ledger</source>
        <translation>台账(&amp;L)</translation>
    </message>
    <message>
        <source>Export the list to an Excel ledger, or import a ledger</source>
        <translation>把列表导出为 Excel 台账，或导入台账</translation>
    </message>
    <message>
        <source>&amp;Export ledger…</source>
        <translation>导出台账(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import ledger…</source>
        <translation>导入台账(&amp;I)…</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Writing the ledger… ({done} of {total})</source>
        <translation>正在写入台账……（{done}/{total}）</translation>
    </message>
    <message>
        <source>Masked: it cannot be imported back.</source>
        <translation>已隐藏个人信息，不能导入回来。</translation>
    </message>
    <message>
        <source>Working copy, not masked: keep it in the group.</source>
        <translation>这是没有隐藏个人信息的工作底稿，只在本组内部使用。</translation>
    </message>
    <message>
        <source>Exported {consultations} consultations and {items} outcome items to {path}.</source>
        <translation>已导出 {consultations} 场协商活动、{items} 条意见建议到 {path}。</translation>
    </message>
    <message>
        <source>Exporting the ledger</source>
        <translation>正在导出台账</translation>
    </message>
</context>
<context>
    <name>LedgerExportChoice</name>
    <message>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Which ledger do you want to export?</source>
        <translation>要导出哪一种台账？</translation>
    </message>
    <message>
        <source>&amp;Masked ledger, to send out</source>
        <translation>隐藏个人信息的台账，用于外发(&amp;M)</translation>
    </message>
    <message>
        <source>It cannot be imported back: the import would overwrite what is hidden.</source>
        <translation>这样的台账不能导入回来：导入会用遮盖后的内容覆盖被隐藏的真实内容。</translation>
    </message>
    <message>
        <source>&amp;Working copy for the group (not masked)</source>
        <translation>本组的工作底稿，不隐藏个人信息(&amp;W)</translation>
    </message>
    <message>
        <source>Everything as recorded, to edit in Excel or WPS and import back. Keep it in the group; do not send it out.</source>
        <translation>按记录原样导出，可以在 Excel 或 WPS 中修改后导入回来。只在本组内部使用，不要外发。</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>Import ledger — {name}</source>
        <translation>导入台账 — {name}</translation>
    </message>
    <message>
        <source>Check which standard column each heading of the workbook goes to. Headings the app recognised are filled in; choose “(not imported)” for columns to leave out. Nothing is written until you press Import.</source>
        <translation>请核对工作簿中每个表头对应的标准列。能识别的表头已经填好；不需要导入的列请选“（不导入）”。按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>New records from rows that name no liaison group go to this group; a row that names its own group keeps it.</source>
        <translation>没有填写联络组的行，新建的记录归入这个联络组；填写了联络组的行仍按该行所写。</translation>
    </message>
    <message>
        <source>Liaison &amp;group for rows without one:</source>
        <translation>没有填写联络组的行归入(&amp;G)：</translation>
    </message>
    <message>
        <source>Show only rows with changes, notes or errors</source>
        <translation>只显示有变化、有说明或有错误的行</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Topic or content</source>
        <translation>议题或内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Row-by-row report</source>
        <translation>逐行检查结果</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Check every row; nothing is written yet</source>
        <translation>逐行检查，此时不写入任何内容</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Write every change of the workbook at once</source>
        <translation>一次性写入工作簿中的全部修改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{created} to create, {updated} to update, {unchanged} unchanged, {skipped} skipped, {duplicates} duplicates skipped, {errors} with errors.</source>
        <translation>新建 {created} 行，更新 {updated} 行，无变化 {unchanged} 行，跳过 {skipped} 行，重复（已跳过）{duplicates} 行，错误 {errors} 行。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>Nothing can be imported until every error is corrected in the workbook.</source>
        <translation>请先在工作簿中改正全部错误，否则不能导入任何内容。</translation>
    </message>
    <message>
        <source>The workbook matches the records: nothing to import.</source>
        <translation>工作簿与数据库中的记录一致，没有需要导入的内容。</translation>
    </message>
    <message>
        <source>Press Import to write these changes.</source>
        <translation>按“导入”写入这些修改。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Duplicate, skipped</source>
        <translation>重复，已跳过</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, row {row}:</source>
        <translation>工作表“{sheet}”第 {row} 行：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <source>Members&apos; records</source>
        <translation>委员履职</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>报送记录</translation>
    </message>
    <message>
        <source>Group comparison</source>
        <translation>各组对比</translation>
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
        <source>Upgrading the database to this version: {step}{percent}…</source>
        <translation>正在把数据库升级到本版本：{step}{percent}……</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>{where} (read-only: can be viewed, printed and exported, not changed)</source>
        <translation>{where}（只读：可以查看、打印和导出，不能修改）</translation>
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
        <source>Search &amp;everything…</source>
        <translation>全局搜索(&amp;E)…</translation>
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
        <source>&amp;Check a package…</source>
        <translation>校验报送包(&amp;C)…</translation>
    </message>
    <message>
        <source>E&amp;xport records package…</source>
        <translation>导出报送数据包(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>导入报送包(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;log</source>
        <translation>导入记录(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;tatistics workbook…</source>
        <translation>统计报表(&amp;T)…</translation>
    </message>
    <message>
        <source>Year&apos;s su&amp;mmary draft…</source>
        <translation>工作综述初稿(&amp;M)…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
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
    <message>
        <source>Backup on closing failed</source>
        <translation>关闭时的备份没有成功</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search name</source>
        <translation>查找姓名</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>议事堂</translation>
    </message>
    <message>
        <source>Micro</source>
        <translation>微协商</translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation>主持</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>入选</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>&amp;Record PDF…</source>
        <translation>导出档案(&amp;R)…</translation>
    </message>
    <message>
        <source>Save the selected member&apos;s record of the year as a PDF</source>
        <translation>把选中委员本年度的履职档案保存为 PDF</translation>
    </message>
    <message>
        <source>Ran&amp;king…</source>
        <translation>导出排名(&amp;K)…</translation>
    </message>
    <message>
        <source>Save the ranking shown as an Excel workbook</source>
        <translation>把列出的积分排名保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>{count} member</source>
        <translation>{count} 位委员</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} 位委员</translation>
    </message>
    <message>
        <source>No CPPCC members on the roster of this group.</source>
        <translation>人员名册中没有这个联络组的政协委员。</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>查找“{text}”</translation>
    </message>
    <message>
        <source>{year}: {points} points, rank {rank}</source>
        <translation>{year}年度：履职积分 {points} 分，第 {rank} 名</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>参加的协商活动</translation>
    </message>
    <message>
        <source>hosted</source>
        <translation>主持</translation>
    </message>
    <message>
        <source>{n} speeches</source>
        <translation>发言 {n} 次</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Suggestions raised</source>
        <translation>提出的意见建议</translation>
    </message>
    <message>
        <source>, adopted</source>
        <translation>，已采纳</translation>
    </message>
    <message>
        <source>Cases taken part in</source>
        <translation>参与的协商案例</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>未入选</translation>
    </message>
    <message>
        <source>Points by year</source>
        <translation>历年积分</translation>
    </message>
    <message>
        <source>{year}: {points}</source>
        <translation>{year}年 {points} 分</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source> ({text})</source>
        <translation>（{text}）</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Save the member&apos;s record</source>
        <translation>保存委员履职档案</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Member&apos;s record</source>
        <translation>委员履职档案</translation>
    </message>
    <message>
        <source>Save the ranking</source>
        <translation>保存履职积分排名</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>履职积分排名</translation>
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
        <source>Cannot continue</source>
        <translation>无法继续</translation>
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
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>不保存(&amp;D)</translation>
    </message>
</context>
<context>
    <name>Month</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>Change s&amp;tatus</source>
        <translation>更改状态(&amp;T)</translation>
    </message>
    <message>
        <source>Set the status of the selected items at once</source>
        <translation>一次更改所选各条的状态</translation>
    </message>
    <message>
        <source>Record a re&amp;visit…</source>
        <translation>记录回头看(&amp;V)…</translation>
    </message>
    <message>
        <source>Re&amp;visit…</source>
        <translation>回头看(&amp;V)…</translation>
    </message>
    <message>
        <source>Record a revisit (date, what was found, satisfaction) of the selected items</source>
        <translation>为所选各条记录回头看（日期、情况、满意度）</translation>
    </message>
    <message>
        <source>{count} items selected</source>
        <translation>已选 {count} 条</translation>
    </message>
    <message>
        <source>Select several items with Ctrl or Shift to change them together.</source>
        <translation>按住 Ctrl 或 Shift 可选择多条，一起更改。</translation>
    </message>
    <message>
        <source>&amp;Open the consultation</source>
        <translation>打开所属协商活动(&amp;O)</translation>
    </message>
    <message>
        <source>Status of {count} item set to “{status}”.</source>
        <translation>已将 {count} 条的状态改为“{status}”。</translation>
    </message>
    <message>
        <source>Status of {count} items set to “{status}”.</source>
        <translation>已将 {count} 条的状态改为“{status}”。</translation>
    </message>
    <message>
        <source>Revisit of {count} item recorded.</source>
        <translation>已为 {count} 条记录回头看。</translation>
    </message>
    <message>
        <source>Revisit of {count} items recorded.</source>
        <translation>已为 {count} 条记录回头看。</translation>
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
        <source>{date} ({days} d late)</source>
        <translation>{date} 超期{days}天</translation>
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
        <source>{count} item, {overdue} overdue</source>
        <translation>{count} 条，已超期 {overdue} 条</translation>
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
        <source>{count} item</source>
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
    <name>OutcomesSection</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Suggestion or problem</source>
        <translation>意见建议或问题</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>回头看</translation>
    </message>
    <message>
        <source>Suggestions and problems</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Add s&amp;uggestion</source>
        <translation>添加意见建议(&amp;X)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected items (they go to the recycle bin when saved)</source>
        <translation>删除所选条目（保存时移入回收站）</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Change s&amp;tatus…</source>
        <translation>更改状态(&amp;T)…</translation>
    </message>
    <message>
        <source>Give the selected items one status</source>
        <translation>把所选条目设为同一状态</translation>
    </message>
    <message>
        <source>Re&amp;visit…</source>
        <translation>回头看(&amp;V)…</translation>
    </message>
    <message>
        <source>Record a revisit (回头看) of the selected items</source>
        <translation>为所选条目记录回头看</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>所选条目</translation>
    </message>
    <message>
        <source>Required: the suggestion or problem</source>
        <translation>必填：意见建议或问题</translation>
    </message>
    <message>
        <source>e.g. 区住建局</source>
        <translation>如：区住建局</translation>
    </message>
    <message>
        <source>Solved on the s&amp;pot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>&amp;Adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Why it stays unsolved or was not adopted</source>
        <translation>未解决或不予采纳的原因</translation>
    </message>
    <message>
        <source>What the revisit found</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>C&amp;ontent</source>
        <translation>内容(&amp;O)</translation>
    </message>
    <message>
        <source>Responsible &amp;body</source>
        <translation>责任单位(&amp;B)</translation>
    </message>
    <message>
        <source>Responsible pe&amp;rson</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>完成时限(&amp;L)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>Revisited on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Revisit note</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>resolved date</source>
        <translation>解决日期</translation>
    </message>
    <message>
        <source>revisit date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Item {n}: the {what} cannot be read, type it as 2024-03-05.</source>
        <translation>第{n}条：{what}无法识别，请按 2024-03-05 的格式填写。</translation>
    </message>
    <message>
        <source>Past its deadline and not solved</source>
        <translation>已超过完成时限，尚未解决</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Submission package</source>
        <translation>生成报送包</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Mask personal information (recommended)</source>
        <translation>隐藏个人信息（推荐）(&amp;M)</translation>
    </message>
    <message>
        <source>Phone and ID numbers of everyone whose consent is not recorded (members and officials too) are partly hidden, and residents&apos; names keep only the surname (as the masking settings say).</source>
        <translation>所有未登记同意公开的人（政协委员、干部也一样）的手机号和身份证号只显示部分数字，群众的姓名只保留姓（以设置中的“隐私保护”为准）。</translation>
    </message>
    <message>
        <source>Sent &amp;to:</source>
        <translation>报送对象(&amp;T)：</translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>保存到文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>个人信息：</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <source>Cases (final or submitted before)</source>
        <translation>案例（已定稿或曾报送）</translation>
    </message>
    <message>
        <source>What will be masked</source>
        <translation>将隐藏的个人信息</translation>
    </message>
    <message>
        <source>Reading the cases…</source>
        <translation>正在读取案例…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>In the records</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>报送文</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>出现在</translation>
    </message>
    <message>
        <source>&amp;Export package</source>
        <translation>生成报送包(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>打开所在文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{value} (consent recorded)</source>
        <translation>{value}（本人已同意公开）</translation>
    </message>
    <message>
        <source>Tick the cases to send.</source>
        <translation>请勾选要报送的案例。</translation>
    </message>
    <message>
        <source>Nothing is masked: residents&apos; names, phone and ID numbers go into the package as they are. Use such a package only inside the office.</source>
        <translation>不隐藏个人信息：群众的姓名、电话号码和身份证号将原样写入报送包。这样的报送包只能在内部使用。</translation>
    </message>
    <message>
        <source>The package holds no personal information that needs masking.</source>
        <translation>报送包中没有需要隐藏的个人信息。</translation>
    </message>
    <message>
        <source>{hidden} items will be masked; {kept} stay in full because consent is recorded.</source>
        <translation>将隐藏 {hidden} 项个人信息；{kept} 项因已登记本人同意而保留原样。</translation>
    </message>
    <message>
        <source>Save the package in</source>
        <translation>报送包保存到</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose another one.</source>
        <translation>文件夹 {folder} 不存在，请另选一个。</translation>
    </message>
    <message>
        <source>Replace the package?</source>
        <translation>替换报送包？</translation>
    </message>
    <message>
        <source>{name} is already in this folder. Replace it?</source>
        <translation>该文件夹中已有 {name}，要替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Writing the submission package…</source>
        <translation>正在生成报送包…</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>报送包</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>files</source>
        <translation>个文件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>报送对象</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>The submission package is ready</source>
        <translation>报送包已生成</translation>
    </message>
    <message>
        <source>The submission is recorded in Submissions; the cases in it are read-only from now on (a change needs a reason and starts a new version). Send the ZIP file as it is; the receiving office can check it with Check a package.</source>
        <translation>已登记到报送记录；包内的案例从现在起只读（修改需填写原因并生成新版本）。请原样发送该 ZIP 文件；接收单位可以用“校验报送包”检查。</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written or recorded.</source>
        <translation>已取消导出，没有写入文件，也没有登记报送记录。</translation>
    </message>
</context>
<context>
    <name>ParticipantsSection</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>缺席原因</translation>
    </message>
    <message>
        <source>Add &amp;person</source>
        <translation>添加人员(&amp;Y)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>&amp;Pick from roster…</source>
        <translation>从名册选择(&amp;K)…</translation>
    </message>
    <message>
        <source>Choose people from the roster (人员名册)</source>
        <translation>从人员名册中选择参加人员</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>按类别计数</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Add &amp;count</source>
        <translation>添加计数(&amp;C)</translation>
    </message>
    <message>
        <source>Head counts</source>
        <translation>按类别计数</translation>
    </message>
    <message>
        <source>Residents and others counted without their names</source>
        <translation>不具名、按人数统计的群众等</translation>
    </message>
    <message>
        <source>Expected {expected}, present {present} · attendances {total} · by CPPCC members {members}</source>
        <translation>应到 {expected} 人，实到 {present} 人 · 参与 {total} 人次 · 委员 {members} 人次</translation>
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
        <translation>联络组(&amp;Z)：</translation>
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
        <source>{count} person</source>
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
    <name>PeriodBar</name>
    <message>
        <source>Show the whole year</source>
        <translation>显示全年</translation>
    </message>
    <message>
        <source>held {start} – {end}</source>
        <translation>{start} 至 {end} 举行</translation>
    </message>
    <message>
        <source>Only consultations {period}</source>
        <translation>只列{period}的协商活动</translation>
    </message>
    <message>
        <source>overdue as of {day}</source>
        <translation>超期按 {day} 计</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
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
    <name>PersonPickerDialog</name>
    <message>
        <source>Pick participants from the roster</source>
        <translation>从名册选择参加人员</translation>
    </message>
    <message>
        <source>Search name, unit, position, phone…</source>
        <translation>搜索姓名、单位、职务、电话…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Only this group</source>
        <translation>仅本联络组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
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
        <source>Add selected</source>
        <translation>添加所选人员</translation>
    </message>
    <message>
        <source>Select the people in the list (Ctrl or Shift for several), then Enter.</source>
        <translation>请在列表中选择人员（按住 Ctrl 或 Shift 可多选），再按 Enter。</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} 人</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} 人</translation>
    </message>
</context>
<context>
    <name>PhotoChooser</name>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Loading photos…</source>
        <translation>正在读取照片…</translation>
    </message>
    <message>
        <source>Use these</source>
        <translation>使用所选照片</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Tick 2 to 4 photos: the photos of the linked consultations and those added to the case. Space ticks the selected photo.</source>
        <translation>勾选 2～4 张照片：可从关联活动的照片和已添加到本案例的照片中选择。按空格键勾选当前照片。</translation>
    </message>
    <message>
        <source>added to the case</source>
        <translation>本案例添加</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <source>The linked consultations have no photos. Add photos from files.</source>
        <translation>关联的活动没有照片，请从文件添加照片。</translation>
    </message>
    <message>
        <source>{count} photos ticked</source>
        <translation>已勾选 {count} 张照片</translation>
    </message>
    <message>
        <source>{count} photo ticked</source>
        <translation>已勾选 {count} 张照片</translation>
    </message>
    <message>
        <source>a case usually shows 2 to 4</source>
        <translation>案例一般配 2～4 张照片</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo viewer</source>
        <extracomment>Photos whose long side is above this are read scaled down (a 100-megapixel scan would need more memory than Qt allows one image); 6000 px still shows a phone photo at full size.</extracomment>
        <translation>查看大图</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一张</translation>
    </message>
    <message>
        <source>Previous photo (←)</source>
        <translation>上一张（←）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Next photo (→)</source>
        <translation>下一张（→）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>缩小（−）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>原始大小（1）</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation>适合窗口（0）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation>第 {index} 张，共 {count} 张</translation>
    </message>
    <message>
        <source>taken {when}</source>
        <translation>拍摄于 {when}</translation>
    </message>
    <message>
        <source>This photo cannot be shown: {reason}</source>
        <translation>无法显示这张照片：{reason}</translation>
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
        <source>&amp;Mask personal information</source>
        <translation>隐藏个人信息(&amp;M)</translation>
    </message>
    <message>
        <source>This printout leaves the office, so it is always masked.</source>
        <translation>这份材料要送出办公室，所以总是隐藏个人信息。</translation>
    </message>
    <message>
        <source>personal information masked</source>
        <translation>已隐藏个人信息</translation>
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
        <source>{count} page</source>
        <translation>{count} 页</translation>
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
        <source>{count} page sent to {printer}.</source>
        <translation>已将 {count} 页发送到打印机“{printer}”。</translation>
    </message>
    <message>
        <source>{count} pages sent to {printer}.</source>
        <translation>已将 {count} 页发送到打印机“{printer}”。</translation>
    </message>
    <message>
        <source>{count} page sent to the printer.</source>
        <translation>已将 {count} 页发送到打印机。</translation>
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
        <source>Masked: phone and ID numbers of everyone whose consent is not recorded (members and officials too), and residents&apos; names (as 张某).</source>
        <translation>隐藏：所有未登记同意公开的人（政协委员、干部也一样）的手机号和身份证号，以及群众的姓名（显示为“张某”）。</translation>
    </message>
    <message>
        <source>Masked: phone and ID numbers of everyone whose consent is not recorded (members and officials too).</source>
        <translation>隐藏：所有未登记同意公开的人（政协委员、干部也一样）的手机号和身份证号。</translation>
    </message>
    <message>
        <source>Masked: residents&apos; names (as 张某); the settings keep numbers as they are.</source>
        <translation>隐藏：群众的姓名（显示为“张某”）；按设置，号码不隐藏。</translation>
    </message>
    <message>
        <source>The masking settings hide nothing.</source>
        <translation>按设置，不隐藏任何个人信息。</translation>
    </message>
    <message>
        <source>Names stay on the sign-in sheet: people sign next to them.</source>
        <translation>签到表上的姓名照常显示，以便在旁边签名。</translation>
    </message>
    <message>
        <source>Assignment slips go to the departments, so they are always masked.</source>
        <translation>交办单要送到各责任单位，所以总是隐藏个人信息。</translation>
    </message>
    <message>
        <source>This printout leaves the office, so it is always masked.</source>
        <translation>这份材料要送出办公室，所以总是隐藏个人信息。</translation>
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
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Don&apos;t Save</source>
        <translation>不保存</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Please give the reason.</source>
        <translation>请填写原因。</translation>
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
        <source>{count} record</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <source>No records match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>No records match. The list shows only: {filters}.</source>
        <translation>没有符合条件的记录。列表只显示：{filters}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Clear the filters and show all records</source>
        <translation>清除筛选，显示全部记录</translation>
    </message>
    <message>
        <source>Could not load the list.</source>
        <translation>无法加载列表。</translation>
    </message>
</context>
<context>
    <name>RecordsExportDialog</name>
    <message>
        <source>Export records package</source>
        <translation>导出报送数据包</translation>
    </message>
    <message>
        <source>A package of the group&apos;s consultations, people, cases, submission results, photos and deletions, for the district office to import. Each record keeps its identity, so the office can import again after changes.</source>
        <translation>把联络组的协商活动、人员、协商案例、报送结果、照片和已删除记录打成一个报送数据包，供区政协办公室导入。每条记录保留自己的身份（UUID 和版本号），有改动后可以再导出、再导入。</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>联络组(&amp;G)：</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Include &amp;photos</source>
        <translation>包含照片(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Mask phone and ID numbers of people without recorded consent</source>
        <translation>隐藏未同意公开人员的手机号和身份证号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the records package</source>
        <translation>保存报送数据包</translation>
    </message>
    <message>
        <source>ZIP packages (*.zip)</source>
        <translation>ZIP 报送包 (*.zip)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>RecordsImporter</name>
    <message>
        <source>Import package</source>
        <translation>导入报送包</translation>
    </message>
    <message>
        <source>Records or case packages (*.zip)</source>
        <translation>报送数据包或协商案例报送包 (*.zip)</translation>
    </message>
    <message>
        <source>The package was not imported</source>
        <translation>报送包未导入</translation>
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
        <source>{count} record in the recycle bin</source>
        <translation>回收站中有 {count} 条记录</translation>
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
    <name>ReportDialog</name>
    <message>
        <source>Statistics workbook</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Year&apos;s summary draft</source>
        <translation>工作综述初稿</translation>
    </message>
    <message>
        <source>An Excel workbook with the figures of the period (总表), per group, per month, per responsible body and per topic source, with charts. The figures are counted as on the dashboard.</source>
        <translation>Excel 工作簿：所选期间的总表（各项数字及统计口径）、分组、按月、办理情况（按责任单位）和议题来源，含图表。数字的统计口径与“工作台”相同。</translation>
    </message>
    <message>
        <source>A Word draft of the figures section of the year&apos;s work summary, each figure marked with its row in the statistics workbook, and the selected cases by level.</source>
        <translation>年度工作综述数据部分的 Word 初稿：每个数字注明在统计报表中的位置，并按入选层级列出入选案例。</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>全部联络组</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>联络组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>保存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the statistics workbook</source>
        <translation>保存统计报表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the summary draft</source>
        <translation>保存工作综述初稿</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The backups of this database, newest first. Restoring one puts the data back as it was then; the current data is backed up first, so a restore can itself be undone from this list.</source>
        <translation>这个数据库的备份，新的在前。恢复一个备份会把数据放回到当时的样子；恢复前会先备份当前的数据，所以恢复之后也可以从这个列表里再恢复回来。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Open the backup &amp;folder</source>
        <translation>打开备份文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This database is on a server: it has no automatic backups here. Back it up and restore it with the server&apos;s own tools (for example pg_dump).</source>
        <translation>这个数据库在服务器上，这里没有它的自动备份。请用服务器自己的工具（例如 pg_dump）备份和恢复。</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>No backups yet. They are made automatically while you work, when the window closes and before each import.</source>
        <translation>还没有备份。工作时、关闭窗口时和每次导入之前都会自动备份。</translation>
    </message>
    <message>
        <source>Choose a backup to restore.</source>
        <translation>请选择要恢复的备份。</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Restore the backup of {when} ({kind})?

The data now in the database is replaced by the data of that backup ({counts}). What was entered after {when} will no longer be shown.

Nothing is lost: the current data is backed up first (kind “{before}”) and can be restored from this list in turn. The database is closed and opened again; forms left open lose what was not saved.</source>
        <translation>要恢复 {when} 的备份（{kind}）吗？

数据库中现在的数据将被这个备份中的数据替换（{counts}）。{when} 以后录入的内容将不再显示。

不会丢失任何数据：恢复前会先备份当前的数据（类型为“{before}”），需要时可以从这个列表再恢复回来。恢复时数据库会关闭并重新打开；还开着的表单中没有保存的内容会丢失。</translation>
    </message>
    <message>
        <source>record counts unknown</source>
        <translation>记录数未知</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>The data is as it was on {when}. The data before the restore is in the list as “{before}”.</source>
        <translation>数据已恢复到 {when} 的样子。恢复前的数据在备份列表中，类型为“{before}”。</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Results of the submission</source>
        <translation>报送结果</translation>
    </message>
    <message>
        <source>{target}, sent on {date}</source>
        <translation>{target}，报送于 {date}</translation>
    </message>
    <message>
        <source>Record what the receiving office decided for each case. A selected or not selected case stays locked; a returned case can be changed and sent again.</source>
        <translation>逐篇登记接收单位的结果。入选或未入选的案例保持锁定；退回修改的案例可以修改后重新报送。</translation>
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
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案例 {id}</translation>
    </message>
    <message>
        <source>e.g. what to change</source>
        <translation>如：需要修改的内容</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RevisitDialog</name>
    <message>
        <source>Record a revisit</source>
        <translation>记录回头看</translation>
    </message>
    <message>
        <source>Record a revisit of the selected item.</source>
        <translation>为所选这一条记录回头看。</translation>
    </message>
    <message>
        <source>Record the same revisit for the {count} selected items.</source>
        <translation>为所选 {count} 条记录同一次回头看。</translation>
    </message>
    <message>
        <source>What was found on the revisit</source>
        <translation>回访时了解到的情况</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>Revisit &amp;date</source>
        <translation>回访日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>回访情况(&amp;N)</translation>
    </message>
    <message>
        <source>Residents&apos; &amp;satisfaction</source>
        <translation>群众满意度(&amp;S)</translation>
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
        <source>Duty points</source>
        <translation>履职积分</translation>
    </message>
    <message>
        <source>The points table of members&apos; duty records (委员履职): points for each session attended, hosted, speech, adopted suggestion and selected case. The defaults are 2 per hall session, 1 per micro-consultation, 2 per session hosted, 1 per speech, 2 per adopted suggestion, 3 / 5 / 10 per case selected by the district / city / province.</source>
        <translation>委员履职档案（“委员履职”页面）中的积分分值：出席、主持、发言、意见建议被采纳和案例入选各得几分。默认值：出席民生议事堂协商每场 2 分，出席微协商每次 1 分，主持每场 2 分，发言每次 1 分，意见建议被采纳每条 2 分，案例入选区级 3 分、市级 5 分、省级 10 分。</translation>
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
        <source>Backups</source>
        <translation>备份</translation>
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
    <name>SheetMapping</name>
    <message>
        <source>Sheet “{name}”</source>
        <translation>工作表“{name}”</translation>
    </message>
    <message>
        <source>Consultations (协商活动)</source>
        <translation>协商活动</translation>
    </message>
    <message>
        <source>Outcome items (意见建议)</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>This sheet holds:</source>
        <translation>这个工作表是：</translation>
    </message>
    <message>
        <source>headings in row {row}</source>
        <translation>表头在第 {row} 行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Heading in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Column {letter} imported as</source>
        <translation>{letter} 列导入为</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>SpeechesSection</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>What was said (Enter: new line, Tab: done)</source>
        <translation>发言内容（Enter 换行，Tab 完成）</translation>
    </message>
    <message>
        <source>Add &amp;speech</source>
        <translation>添加发言(&amp;F)</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>发言</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>Set the status of the selected item.</source>
        <translation>设置所选这一条的状态。</translation>
    </message>
    <message>
        <source>Set the status of the {count} selected items at once.</source>
        <translation>一次设置所选 {count} 条的状态。</translation>
    </message>
    <message>
        <source>Why the problem stays unsolved or was not adopted</source>
        <translation>未解决或不予采纳的原因</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resolved on</source>
        <translation>办结日期(&amp;R)</translation>
    </message>
    <message>
        <source>Reas&amp;on</source>
        <translation>原因(&amp;O)</translation>
    </message>
    <message>
        <source>Required: why the problem stays unsolved</source>
        <translation>必填：问题未能解决的原因</translation>
    </message>
    <message>
        <source>Optional: why it was not adopted</source>
        <translation>选填：不予采纳的原因</translation>
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
        <source>&amp;Record results…</source>
        <translation>登记结果(&amp;E)…</translation>
    </message>
    <message>
        <source>Selected, not selected or returned: each case of the submission (Enter)</source>
        <translation>逐篇登记入选、未入选或退回修改（Enter）</translation>
    </message>
    <message>
        <source>Submission &amp;package…</source>
        <translation>生成报送包(&amp;P)…</translation>
    </message>
    <message>
        <source>Export cases as a submission package</source>
        <translation>将案例生成报送包</translation>
    </message>
    <message>
        <source>&amp;Check a package…</source>
        <translation>校验报送包(&amp;C)…</translation>
    </message>
    <message>
        <source>Check a submission package (ZIP) received or sent</source>
        <translation>校验收到或发出的报送包（ZIP）</translation>
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
        <translation>联络组(&amp;Z)：</translation>
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
        <source>{count} submission</source>
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
    <message>
        <source>Several groups</source>
        <translation>多个联络组</translation>
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
<context>
    <name>TextsSection</name>
    <message>
        <source>The course of the consultation</source>
        <translation>协商经过</translation>
    </message>
    <message>
        <source>What was agreed (协商成果)</source>
        <translation>达成的共识（协商成果）</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>会议纪要(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Consensus and outcome</source>
        <translation>协商成果(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check a submission package</source>
        <translation>校验报送包</translation>
    </message>
    <message>
        <source>The package&apos;s ZIP file</source>
        <translation>报送包 ZIP 文件</translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation>报送包(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>校验(&amp;C)</translation>
    </message>
    <message>
        <source>Choose a package (ZIP) and press Check: every file&apos;s checksum, nothing missing or unexpected, and package.json against the files.</source>
        <translation>选择报送包（ZIP）后点“校验”：逐个核对文件校验值，检查有无缺少或多余的文件，并核对 package.json 与文件是否一致。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a submission package</source>
        <translation>选择报送包</translation>
    </message>
    <message>
        <source>Submission packages (*.zip);;All files (*)</source>
        <translation>报送包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在校验报送包…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>已取消校验。</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Version {n} — {status}</source>
        <translation>第 {n} 版 — {status}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Versions as they were submitted. They cannot be changed.</source>
        <translation>以下是报送时的版本，只能查看，不能修改。</translation>
    </message>
</context>
<context>
    <name>_Opening</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库……</translation>
    </message>
</context>
</TS>
