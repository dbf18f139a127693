<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AgendaSection</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>Add agenda &amp;item</source>
        <translation>Add agenda &amp;item</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Database already open</source>
        <translation>Database already open</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>There is no page “{page}”. Pages: {names}</source>
        <translation>There is no page “{page}”. Pages: {names}</translation>
    </message>
</context>
<context>
    <name>AttachmentListModel</name>
    <message>
        <source>Cover</source>
        <extracomment>What a tile being dragged inside the grid carries: its row number.</extracomment>
        <translation>Cover</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>File missing</translation>
    </message>
    <message>
        <source>Cannot show</source>
        <translation>Cannot show</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>cover</translation>
    </message>
    <message>
        <source>taken {when}</source>
        <translation>taken {when}</translation>
    </message>
    <message>
        <source>The stored file is missing.</source>
        <translation>The stored file is missing.</translation>
    </message>
    <message>
        <source>The stored file is missing: keep the folder “{folder}” beside the database file.</source>
        <translation>The stored file is missing: keep the folder “{folder}” beside the database file.</translation>
    </message>
    <message>
        <source>New: joins the record when it is saved.</source>
        <translation>New: joins the record when it is saved.</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Photos and attachments</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <source>Drag files here, or paste with Ctrl+V.</source>
        <translation>Drag files here, or paste with Ctrl+V.</translation>
    </message>
    <message>
        <source>Ca&amp;ption:</source>
        <translation>Ca&amp;ption:</translation>
    </message>
    <message>
        <source>What the photo shows, e.g. who speaks</source>
        <translation>What the photo shows, e.g. who speaks</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Add photos or files</source>
        <translation>Add photos or files</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Add the image or files on the clipboard</source>
        <translation>Add the image or files on the clipboard</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open the photo large, or the file in its program</source>
        <translation>Open the photo large, or the file in its program</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Move left</translation>
    </message>
    <message>
        <source>Move the selected one earlier</source>
        <translation>Move the selected one earlier</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Move right</translation>
    </message>
    <message>
        <source>Move the selected one later</source>
        <translation>Move the selected one later</translation>
    </message>
    <message>
        <source>Set as cover</source>
        <translation>Set as cover</translation>
    </message>
    <message>
        <source>Show this photo first wherever the record has one picture</source>
        <translation>Show this photo first wherever the record has one picture</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove from the record (to the recycle bin when the record is saved)</source>
        <translation>Remove from the record (to the recycle bin when the record is saved)</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>Edit caption</translation>
    </message>
    <message>
        <source>Mark as</source>
        <translation>Mark as</translation>
    </message>
    <message>
        <source>Mark as a photo, the signed sign-in sheet, a reply letter or another file</source>
        <translation>Mark as a photo, the signed sign-in sheet, a reply letter or another file</translation>
    </message>
    <message>
        <source>No photos or files yet.</source>
        <translation>No photos or files yet.</translation>
    </message>
    <message>
        <source>{count} removed: they go to the recycle bin when the record is saved, and can be restored from there.</source>
        <translation>{count} removed: they go to the recycle bin when the record is saved, and can be restored from there.</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.wps *.ofd)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.wps *.ofd)</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Pasted image {stamp}</source>
        <translation>Pasted image {stamp}</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>Nothing to paste</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no files. Copy a photo or a file first.</source>
        <translation>The clipboard holds no image and no files. Copy a photo or a file first.</translation>
    </message>
    <message>
        <source>Adding “{name}” ({done} of {total})…</source>
        <translation>Adding “{name}” ({done} of {total})…</translation>
    </message>
    <message>
        <source>Adding photos and files</source>
        <translation>Adding photos and files</translation>
    </message>
    <message>
        <source>{count} files were not added:</source>
        <translation>{count} files were not added:</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>No program on this computer opens “{name}”. A copy is at: {path}</source>
        <translation>No program on this computer opens “{name}”. A copy is at: {path}</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backed up automatically: {file}</source>
        <extracomment>How often the timer asks; the service itself keeps 30 minutes between backups.</extracomment>
        <translation>Backed up automatically: {file}</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <source>Backing up the data before closing…</source>
        <translation>Backing up the data before closing…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>BackupCounts</name>
    <message>
        <source>consultations {n}</source>
        <translation>consultations {n}</translation>
    </message>
    <message>
        <source>suggestions {n}</source>
        <translation>suggestions {n}</translation>
    </message>
    <message>
        <source>cases {n}</source>
        <translation>cases {n}</translation>
    </message>
    <message>
        <source>people {n}</source>
        <translation>people {n}</translation>
    </message>
    <message>
        <source>attachments {n}</source>
        <translation>attachments {n}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Cannot be read</source>
        <translation>Cannot be read</translation>
    </message>
</context>
<context>
    <name>BackupKind</name>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>On closing</translation>
    </message>
    <message>
        <source>Before import</source>
        <translation>Before import</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>Before upgrade</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>Before merge</source>
        <translation>Before merge</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
</context>
<context>
    <name>BackupSettingsTab</name>
    <message>
        <source>While the window is open the data is backed up every 30 minutes when something changed, again when the window closes, and before every import and restore. Old automatic backups are thinned to the numbers below. These are settings of this computer.</source>
        <translation>While the window is open the data is backed up every 30 minutes when something changed, again when the window closes, and before every import and restore. Old automatic backups are thinned to the numbers below. These are settings of this computer.</translation>
    </message>
    <message>
        <source>This database is on a server: the app cannot back it up as a file. Back it up with the server's own tools (for example pg_dump).</source>
        <translation>This database is on a server: the app cannot back it up as a file. Back it up with the server's own tools (for example pg_dump).</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Restore from a &amp;backup…</translation>
    </message>
    <message>
        <source>Choose the folder for automatic backups</source>
        <translation>Choose the folder for automatic backups</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Export the chart as an image</source>
        <translation>Export the chart as an image</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>Export image…</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>Export &amp;Word…</source>
        <translation>Export &amp;Word…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>Pre&amp;view PDF</source>
        <translation>Pre&amp;view PDF</translation>
    </message>
    <message>
        <source>Case &amp;collection…</source>
        <translation>Case &amp;collection…</translation>
    </message>
    <message>
        <source>The selected cases as one PDF with a cover and contents</source>
        <translation>The selected cases as one PDF with a cover and contents</translation>
    </message>
    <message>
        <source>Export the case as Word</source>
        <translation>Export the case as Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Export the case as PDF</source>
        <translation>Export the case as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>Preparing the PDF</source>
        <translation>Preparing the PDF</translation>
    </message>
    <message>
        <source>Case collection</source>
        <translation>Case collection</translation>
    </message>
    <message>
        <source>The collection of {count} cases is saved to {path}</source>
        <translation>The collection of {count} cases is saved to {path}</translation>
    </message>
    <message>
        <source>The collection was cancelled; no file written.</source>
        <translation>The collection was cancelled; no file written.</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Archive no.</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} characters</translation>
    </message>
    <message>
        <source>Consultations it is written from</source>
        <translation>Consultations it is written from</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>← Back to the list</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <source>Back to the list of cases (Esc)</source>
        <translation>Back to the list of cases (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+S)</source>
        <translation>Save the case (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation>&amp;Finalise</translation>
    </message>
    <message>
        <source>Mark the case final: it gets its archive number.</source>
        <translation>Mark the case final: it gets its archive number.</translation>
    </message>
    <message>
        <source>Back to &amp;draft</source>
        <translation>Back to &amp;draft</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Earlier &amp;versions…</source>
        <translation>Earlier &amp;versions…</translation>
    </message>
    <message>
        <source>Change (new version)…</source>
        <translation>Change (new version)…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>The case's main title</source>
        <translation>The case's main title</translation>
    </message>
    <message>
        <source>Optional: what the group did, starting with a dash</source>
        <translation>Optional: what the group did, starting with a dash</translation>
    </message>
    <message>
        <source>Assigned when final</source>
        <translation>Assigned when final</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>S&amp;ubtitle:</source>
        <translation>S&amp;ubtitle:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>&amp;Retention:</translation>
    </message>
    <message>
        <source>Archive no.:</source>
        <translation>Archive no.:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>&amp;Link…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Make this line a heading of level {level} ({key})</source>
        <translation>Make this line a heading of level {level} ({key})</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Bold: **text** (Ctrl+B)</source>
        <translation>Bold: **text** (Ctrl+B)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>From the &amp;linked consultations</source>
        <translation>From the &amp;linked consultations</translation>
    </message>
    <message>
        <source>Write the basic information from the linked consultations (you can edit it afterwards)</source>
        <translation>Write the basic information from the linked consultations (you can edit it afterwards)</translation>
    </message>
    <message>
        <source>One paragraph per line. Headings start with 一、 (一) 1. (1); **bold**.</source>
        <translation>One paragraph per line. Headings start with 一、 (一) 1. (1); **bold**.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Consultation {id} (deleted for good)</source>
        <translation>Consultation {id} (deleted for good)</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>in the recycle bin</translation>
    </message>
    <message>
        <source>Changing the submitted case: saving starts version {n}. Reason: {reason}</source>
        <translation>Changing the submitted case: saving starts version {n}. Reason: {reason}</translation>
    </message>
    <message>
        <source>{status}, read-only. A change needs a reason and starts a new version; the submitted version stays readable.</source>
        <translation>{status}, read-only. A change needs a reason and starts a new version; the submitted version stays readable.</translation>
    </message>
    <message>
        <source>(version {n})</source>
        <translation>(version {n})</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>New case: {title}</source>
        <translation>New case: {title}</translation>
    </message>
    <message>
        <source>(untitled case)</source>
        <translation>(untitled case)</translation>
    </message>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>{count} of {limit} characters</translation>
    </message>
    <message>
        <source>{over} over the limit</source>
        <translation>{over} over the limit</translation>
    </message>
    <message>
        <source>Not saved: {count} entry needs attention (marked in red).</source>
        <translation>Not saved: {count} entry needs attention (marked in red).</translation>
    </message>
    <message>
        <source>Not saved: {count} entries need attention (marked in red).</source>
        <translation>Not saved: {count} entries need attention (marked in red).</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>Link the consultations the case is written from first.</source>
        <translation>Link the consultations the case is written from first.</translation>
    </message>
    <message>
        <source>Replace the basic information with a text drawn from the linked consultations?</source>
        <translation>Replace the basic information with a text drawn from the linked consultations?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Finalise the case</source>
        <translation>Finalise the case</translation>
    </message>
    <message>
        <source>Mark the case final? It gets its archive number, which is never reused.</source>
        <translation>Mark the case final? It gets its archive number, which is never reused.</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>Change a submitted case</source>
        <translation>Change a submitted case</translation>
    </message>
    <message>
        <source>The case has been submitted. Why does it change? The reason is kept with the new version.</source>
        <translation>The case has been submitted. Why does it change? The reason is kept with the new version.</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>No earlier version of this case was kept.</source>
        <translation>No earlier version of this case was kept.</translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation>Save the case</translation>
    </message>
    <message>
        <source>Documents are made from the saved case. Save the changes first?</source>
        <translation>Documents are made from the saved case. Save the changes first?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CasePhotos</name>
    <message>
        <source>Photos (2 to 4, with captions)</source>
        <translation>Photos (2 to 4, with captions)</translation>
    </message>
    <message>
        <source>Double-click or F2 to edit a caption</source>
        <translation>Double-click or F2 to edit a caption</translation>
    </message>
    <message>
        <source>C&amp;hoose from the consultations…</source>
        <translation>C&amp;hoose from the consultations…</translation>
    </message>
    <message>
        <source>Add from &amp;files…</source>
        <translation>Add from &amp;files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Move left</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Move right</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.bmp)</translation>
    </message>
    <message>
        <source>{count} photo.</source>
        <translation>{count} photo.</translation>
    </message>
    <message>
        <source>{count} photos, in this order.</source>
        <translation>{count} photos, in this order.</translation>
    </message>
    <message>
        <source>{count} photos chosen: a case usually shows 2 to 4.</source>
        <translation>{count} photos chosen: a case usually shows 2 to 4.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search title, archive number, text…</source>
        <translation>Search title, archive number, text…</translation>
    </message>
    <message>
        <source>Archive no.</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>Write a new case (Ctrl+N)</source>
        <translation>Write a new case (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Open the selected case (Enter)</source>
        <translation>Open the selected case (Enter)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Submission &amp;package…</source>
        <translation>Submission &amp;package…</translation>
    </message>
    <message>
        <source>Export the selected cases as a submission package</source>
        <translation>Export the selected cases as a submission package</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>{count} of {limit} characters</translation>
    </message>
    <message>
        <source>{over} over the limit</source>
        <translation>{over} over the limit</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>Assigned when final</source>
        <translation>Assigned when final</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>in the recycle bin</translation>
    </message>
    <message>
        <source>Consultations it is written from</source>
        <translation>Consultations it is written from</translation>
    </message>
    <message>
        <source>No text written yet.</source>
        <translation>No text written yet.</translation>
    </message>
    <message>
        <source>{count} cases</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <source>{count} case</source>
        <translation>{count} case</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The case has changes that are not saved yet. Save them?</source>
        <translation>The case has changes that are not saved yet. Save them?</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>The checklist needs at least one step.</source>
        <translation>The checklist needs at least one step.</translation>
    </message>
    <message>
        <source>A step has no name; name it or remove it.</source>
        <translation>A step has no name; name it or remove it.</translation>
    </message>
    <message>
        <source>“{step}” is in the list twice; rename or remove one.</source>
        <translation>“{step}” is in the list twice; rename or remove one.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Add a step after the selected one (Insert)</source>
        <translation>Add a step after the selected one (Insert)</translation>
    </message>
    <message>
        <source>Rename the selected step (F2)</source>
        <translation>Rename the selected step (F2)</translation>
    </message>
    <message>
        <source>Remove the selected step (Delete)</source>
        <translation>Remove the selected step (Delete)</translation>
    </message>
    <message>
        <source>Move the selected step up (Ctrl+Up)</source>
        <translation>Move the selected step up (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Move the selected step down (Ctrl+Down)</source>
        <translation>Move the selected step down (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Put back the steps the program comes with: {steps}</source>
        <translation>Put back the steps the program comes with: {steps}</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Procedure checklist</source>
        <translation>Procedure checklist</translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation>{done} of {total} steps done</translation>
    </message>
    <message>
        <source>Step “{step}”: the date cannot be read, type it as 2024-03-05.</source>
        <translation>Step “{step}”: the date cannot be read, type it as 2024-03-05.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Head counts</source>
        <translation>Head counts</translation>
    </message>
    <message>
        <source>Source of the topic</source>
        <translation>Source of the topic</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Import package</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Nothing has been written yet. For each record changed on both sides, choose which version to keep, then click Import (the database is backed up first); Cancel imports nothing.</source>
        <translation>Nothing has been written yet. For each record changed on both sides, choose which version to keep, then click Import (the database is backed up first); Cancel imports nothing.</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Click Import to write these changes (the database is backed up first); Cancel imports nothing.</source>
        <translation>Nothing has been written yet. Click Import to write these changes (the database is backed up first); Cancel imports nothing.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
</context>
<context>
    <name>ConsultationField</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Topic source</source>
        <translation>Topic source</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Head counts</source>
        <translation>Head counts</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Consensus and outcomes</source>
        <translation>Consensus and outcomes</translation>
    </message>
    <message>
        <source>Procedure checklist</source>
        <translation>Procedure checklist</translation>
    </message>
    <message>
        <source>Outcome items</source>
        <translation>Outcome items</translation>
    </message>
    <message>
        <source>Photos and attachments</source>
        <translation>Photos and attachments</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Entered by</translation>
    </message>
</context>
<context>
    <name>ConsultationForm</name>
    <message>
        <source>Back to list</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <source>Back to the list (Esc); asks about unsaved changes</source>
        <translation>Back to the list (Esc); asks about unsaved changes</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>Save the record (Ctrl+S)</translation>
    </message>
    <message>
        <source>Copy as &amp;new</source>
        <translation>Copy as &amp;new</translation>
    </message>
    <message>
        <source>Start a new record from this one: same venue, people and agenda</source>
        <translation>Start a new record from this one: same venue, people and agenda</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archive</translation>
    </message>
    <message>
        <source>Archive the record: it becomes read-only</source>
        <translation>Archive the record: it becomes read-only</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Unlock…</translation>
    </message>
    <message>
        <source>Unlock the archived record to change it (asks a reason)</source>
        <translation>Unlock the archived record to change it (asks a reason)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Print preview of this record's sheets</source>
        <translation>Print preview of this record's sheets</translation>
    </message>
    <message>
        <source>Attach signed sheet…</source>
        <translation>Attach signed sheet…</translation>
    </message>
    <message>
        <source>Attach a scan or photo of the signed sign-in sheet to this record</source>
        <translation>Attach a scan or photo of the signed sign-in sheet to this record</translation>
    </message>
    <message>
        <source>This record is archived and read-only. To change it, unlock it and give the reason; the reason is kept in its history.</source>
        <translation>This record is archived and read-only. To change it, unlock it and give the reason; the reason is kept in its history.</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Unlock…</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>Restore version</translation>
    </message>
    <message>
        <source>The form has changes that are not saved. Restore the version and drop them?</source>
        <translation>The form has changes that are not saved. Restore the version and drop them?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Basic facts</source>
        <translation>Basic facts</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Agenda and speeches</source>
        <translation>Agenda and speeches</translation>
    </message>
    <message>
        <source>Minutes and consensus</source>
        <translation>Minutes and consensus</translation>
    </message>
    <message>
        <source>Suggestions and problems</source>
        <translation>Suggestions and problems</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>This record no longer exists.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>New: {kind}</source>
        <translation>New: {kind}</translation>
    </message>
    <message>
        <source>Not saved: {count} entry needs attention (marked in red).</source>
        <translation>Not saved: {count} entry needs attention (marked in red).</translation>
    </message>
    <message>
        <source>Not saved: {count} entries need attention (marked in red).</source>
        <translation>Not saved: {count} entries need attention (marked in red).</translation>
    </message>
    <message>
        <source>The record is archived: unlock it to change it.</source>
        <translation>The record is archived: unlock it to change it.</translation>
    </message>
    <message>
        <source>Photos are still being added; save again in a moment.</source>
        <translation>Photos are still being added; save again in a moment.</translation>
    </message>
    <message>
        <source>Saved {number}.</source>
        <translation>Saved {number}.</translation>
    </message>
    <message>
        <source>“{title}” has changes that are not saved yet. Save them?</source>
        <translation>“{title}” has changes that are not saved yet. Save them?</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation>(no topic yet)</translation>
    </message>
    <message>
        <source>Save first</source>
        <translation>Save first</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>The record has unsaved changes. Save them before archiving?</source>
        <translation>The record has unsaved changes. Save them before archiving?</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Archive this record? It becomes read-only; changing it later needs unlocking with a reason.</source>
        <translation>Archive this record? It becomes read-only; changing it later needs unlocking with a reason.</translation>
    </message>
    <message>
        <source>{number} archived.</source>
        <translation>{number} archived.</translation>
    </message>
    <message>
        <source>{number} unlocked.</source>
        <translation>{number} unlocked.</translation>
    </message>
    <message>
        <source>A new record copied from {number}: change what differs, then save.</source>
        <translation>A new record copied from {number}: change what differs, then save.</translation>
    </message>
    <message>
        <source>Printouts show the record as saved. Save the changes first?</source>
        <translation>Printouts show the record as saved. Save the changes first?</translation>
    </message>
    <message>
        <source>The signed sheet is attached to the saved record. Save the changes first?</source>
        <translation>The signed sheet is attached to the saved record. Save the changes first?</translation>
    </message>
</context>
<context>
    <name>ConsultationPicker</name>
    <message>
        <source>Link consultations</source>
        <translation>Link consultations</translation>
    </message>
    <message>
        <source>Search number, topic, venue, people…</source>
        <translation>Search number, topic, venue, people…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Only this group</source>
        <translation>Only this group</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{count} consultations</source>
        <translation>{count} consultations</translation>
    </message>
    <message>
        <source>{count} consultation</source>
        <translation>{count} consultation</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Finds the text in the number, topic, venue, host, recorder, participants, speeches, minutes and consensus.</source>
        <translation>Finds the text in the number, topic, venue, host, recorder, participants, speeches, minutes and consensus.</translation>
    </message>
    <message>
        <source>Right-click to choose the columns shown.</source>
        <translation>Right-click to choose the columns shown.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Search number, topic, venue, people, minutes…</source>
        <translation>Search number, topic, venue, people, minutes…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Record a new hall session (Ctrl+N)</source>
        <translation>Record a new hall session (Ctrl+N)</translation>
    </message>
    <message>
        <source>Record a new micro-consultation (Ctrl+N)</source>
        <translation>Record a new micro-consultation (Ctrl+N)</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>{count} deliberation-hall session</source>
        <translation>{count} deliberation-hall session</translation>
    </message>
    <message>
        <source>{count} deliberation-hall sessions</source>
        <translation>{count} deliberation-hall sessions</translation>
    </message>
    <message>
        <source>{count} micro-consultations</source>
        <translation>{count} micro-consultations</translation>
    </message>
    <message>
        <source>{count} micro-consultation</source>
        <translation>{count} micro-consultation</translation>
    </message>
    <message>
        <source>attendance {attendance} ({members} by members), suggestions {suggestions}, solved {solved}</source>
        <translation>attendance {attendance} ({members} by members), suggestions {suggestions}, solved {solved}</translation>
    </message>
    <message>
        <source>Copy as new record</source>
        <translation>Copy as new record</translation>
    </message>
    <message>
        <source>Start a new record from the selected one: same venue, people and agenda</source>
        <translation>Start a new record from the selected one: same venue, people and agenda</translation>
    </message>
    <message>
        <source>year {year}</source>
        <translation>year {year}</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>search “{text}”</translation>
    </message>
    <message>
        <source>Select the record to copy.</source>
        <translation>Select the record to copy.</translation>
    </message>
    <message>
        <source>Attach signed sheets…</source>
        <translation>Attach signed sheets…</translation>
    </message>
    <message>
        <source>Attach scans or photos of signed sheets to the consultations whose QR codes they show. You can also drop a folder of scans onto the list.</source>
        <translation>Attach scans or photos of signed sheets to the consultations whose QR codes they show. You can also drop a folder of scans onto the list.</translation>
    </message>
    <message>
        <source>Attach a signed sheet to this record…</source>
        <translation>Attach a signed sheet to this record…</translation>
    </message>
    <message>
        <source>Choose the folder with the scans of signed sheets</source>
        <translation>Choose the folder with the scans of signed sheets</translation>
    </message>
    <message>
        <source>Select the consultation the signed sheet belongs to.</source>
        <translation>Select the consultation the signed sheet belongs to.</translation>
    </message>
    <message>
        <source>Signed sheet for {number}</source>
        <translation>Signed sheet for {number}</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Signed sheet attached to {number}.</source>
        <translation>Signed sheet attached to {number}.</translation>
    </message>
    <message>
        <source>Another record's sheet?</source>
        <translation>Another record's sheet?</translation>
    </message>
    <message>
        <source>Attach anyway</source>
        <translation>Attach anyway</translation>
    </message>
    <message>
        <source>Reading sheet {done} of {total}…</source>
        <translation>Reading sheet {done} of {total}…</translation>
    </message>
    <message>
        <source>Attaching signed sheets</source>
        <translation>Attaching signed sheets</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>This record no longer exists.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Consensus and outcome</source>
        <translation>Consensus and outcome</translation>
    </message>
    <message>
        <source>Archived on {date} by {actor}: read-only. Unlock it with a reason to change it.</source>
        <translation>Archived on {date} by {actor}: read-only. Unlock it with a reason to change it.</translation>
    </message>
    <message>
        <source>Archived: read-only. Unlock it with a reason to change it.</source>
        <translation>Archived: read-only. Unlock it with a reason to change it.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Topic source</source>
        <translation>Topic source</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>expected {expected}, present {present}; {total} attendances, {members} by CPPCC members</source>
        <translation>expected {expected}, present {present}; {total} attendances, {members} by CPPCC members</translation>
    </message>
    <message>
        <source>{count}, {solved} solved</source>
        <translation>{count}, {solved} solved</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Participants ({present} of {expected} present)</source>
        <translation>Participants ({present} of {expected} present)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Unit and title</source>
        <translation>Unit and title</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Counted without names:</source>
        <translation>Counted without names:</translation>
    </message>
    <message>
        <source>Procedure ({done} of {total} steps done)</source>
        <translation>Procedure ({done} of {total} steps done)</translation>
    </message>
    <message>
        <source>Suggestions and problems ({count}, {solved} solved)</source>
        <translation>Suggestions and problems ({count}, {solved} solved)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>solved on the spot</source>
        <translation>solved on the spot</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adopted</translation>
    </message>
    <message>
        <source>Responsible: {who}</source>
        <translation>Responsible: {who}</translation>
    </message>
    <message>
        <source>Deadline: {date}</source>
        <translation>Deadline: {date}</translation>
    </message>
    <message>
        <source>Resolved: {date}</source>
        <translation>Resolved: {date}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Revisited {date}</source>
        <translation>Revisited {date}</translation>
    </message>
    <message>
        <source>Satisfaction: {value}</source>
        <translation>Satisfaction: {value}</translation>
    </message>
    <message>
        <source>Other files</source>
        <translation>Other files</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Liaison Desk – unexpected error</source>
        <translation>Liaison Desk – unexpected error</translation>
    </message>
    <message>
        <source>Sorry, Liaison Desk ran into an unexpected problem.</source>
        <translation>Sorry, Liaison Desk ran into an unexpected problem.</translation>
    </message>
    <message>
        <source>Your saved data is safe. Changes not yet saved in a form that was open may be lost, so please check the record you were working on.
If this happens again, copy the details below (or send the log file) to whoever looks after this program, and say what you were doing at the time.</source>
        <translation>Your saved data is safe. Changes not yet saved in a form that was open may be lost, so please check the record you were working on.
If this happens again, copy the details below (or send the log file) to whoever looks after this program, and say what you were doing at the time.</translation>
    </message>
    <message>
        <source>The details were also written to the log file: {path}</source>
        <translation>The details were also written to the log file: {path}</translation>
    </message>
    <message>
        <source>The log file could not be written, so please copy the details.</source>
        <translation>The log file could not be written, so please copy the details.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Details copied. You can paste them into an e-mail or a chat message.</source>
        <translation>Details copied. You can paste them into an e-mail or a chat message.</translation>
    </message>
    <message>
        <source>The folder could not be opened. It is: {path}</source>
        <translation>The folder could not be opened. It is: {path}</translation>
    </message>
</context>
<context>
    <name>CrashHook</name>
    <message>
        <source>The details were written to the log file {path}.</source>
        <translation>The details were written to the log file {path}.</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>The log file could not be written.</translation>
    </message>
    <message>
        <source>Liaison Desk: unexpected error.</source>
        <translation>Liaison Desk: unexpected error.</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Click a bar (or reach it with Tab and the arrow keys, then press Enter) to open its list; right-click a chart to export it as an image.</source>
        <translation>Click a bar (or reach it with Tab and the arrow keys, then press Enter) to open its list; right-click a chart to export it as an image.</translation>
    </message>
    <message>
        <source>Consultations by month</source>
        <translation>Consultations by month</translation>
    </message>
    <message>
        <source>Solved rate by group</source>
        <translation>Solved rate by group</translation>
    </message>
    <message>
        <source>Suggestions by status</source>
        <translation>Suggestions by status</translation>
    </message>
    <message>
        <source>{year}, {scope}</source>
        <translation>{year}, {scope}</translation>
    </message>
    <message>
        <source>No records in this year.</source>
        <translation>No records in this year.</translation>
    </message>
    <message>
        <source>Deliberation-hall sessions</source>
        <translation>Deliberation-hall sessions</translation>
    </message>
    <message>
        <source>Micro-consultations</source>
        <translation>Micro-consultations</translation>
    </message>
    <message>
        <source>{month} {year}: {count} {what}</source>
        <translation>{month} {year}: {count} {what}</translation>
    </message>
    <message>
        <source>{group}: solved rate {rate} ({solved} of {suggestions})</source>
        <translation>{group}: solved rate {rate} ({solved} of {suggestions})</translation>
    </message>
    <message>
        <source>{group}: no suggestions in {year}</source>
        <translation>{group}: no suggestions in {year}</translation>
    </message>
    <message>
        <source>Solved rate</source>
        <translation>Solved rate</translation>
    </message>
    <message>
        <source>{status}: {count} of {total} suggestions ({share})</source>
        <translation>{status}: {count} of {total} suggestions ({share})</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Deliberation-hall sessions</source>
        <translation>Deliberation-hall sessions</translation>
    </message>
    <message>
        <source>Micro-consultations</source>
        <translation>Micro-consultations</translation>
    </message>
    <message>
        <source>Participants (person-times)</source>
        <translation>Participants (person-times)</translation>
    </message>
    <message>
        <source>CPPCC members taking part (person-times)</source>
        <translation>CPPCC members taking part (person-times)</translation>
    </message>
    <message>
        <source>Suggestions and problems</source>
        <translation>Suggestions and problems</translation>
    </message>
    <message>
        <source>Suggestions raised</source>
        <translation>Suggestions raised</translation>
    </message>
    <message>
        <source>Problems solved</source>
        <translation>Problems solved</translation>
    </message>
    <message>
        <source>Solved rate</source>
        <translation>Solved rate</translation>
    </message>
    <message>
        <source>Overdue (open after the deadline)</source>
        <translation>Overdue (open after the deadline)</translation>
    </message>
    <message>
        <source>Consultation cases</source>
        <translation>Consultation cases</translation>
    </message>
    <message>
        <source>Cases written</source>
        <translation>Cases written</translation>
    </message>
    <message>
        <source>Cases submitted</source>
        <translation>Cases submitted</translation>
    </message>
    <message>
        <source>Cases selected</source>
        <translation>Cases selected</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Needs follow-up</translation>
    </message>
    <message>
        <source>Open items overdue or due within {days} days, from every year</source>
        <translation>Open items overdue or due within {days} days, from every year</translation>
    </message>
    <message>
        <source>Nothing is overdue or due within the next days.</source>
        <translation>Nothing is overdue or due within the next days.</translation>
    </message>
    <message>
        <source>Latest records</source>
        <translation>Latest records</translation>
    </message>
    <message>
        <source>The last {count} consultations by date; open one with Enter</source>
        <translation>The last {count} consultations by date; open one with Enter</translation>
    </message>
    <message>
        <source>No records in this year.</source>
        <translation>No records in this year.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Problem / suggestion</source>
        <translation>Problem / suggestion</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 day overdue</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>Due tomorrow</translation>
    </message>
    <message>
        <source>Due in {days} days</source>
        <translation>Due in {days} days</translation>
    </message>
    <message>
        <source>All overdue ({count})</source>
        <translation>All overdue ({count})</translation>
    </message>
    <message>
        <source>Could not load the dashboard.</source>
        <translation>Could not load the dashboard.</translation>
    </message>
    <message>
        <source>Hall {hall} · micro {micro}</source>
        <translation>Hall {hall} · micro {micro}</translation>
    </message>
    <message>
        <source>{adopted} adopted</source>
        <translation>{adopted} adopted</translation>
    </message>
    <message>
        <source>{solved} of {suggestions}</source>
        <translation>{solved} of {suggestions}</translation>
    </message>
    <message>
        <source>As of {today}</source>
        <translation>As of {today}</translation>
    </message>
    <message>
        <source>Latest records of {year}</source>
        <translation>Latest records of {year}</translation>
    </message>
    <message>
        <source>all groups</source>
        <translation>all groups</translation>
    </message>
    <message>
        <source>{year}, {group}: {count} needs follow-up</source>
        <translation>{year}, {group}: {count} needs follow-up</translation>
    </message>
    <message>
        <source>{year}, {group}: {count} need follow-up</source>
        <translation>{year}, {group}: {count} need follow-up</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Pick a date in the calendar</source>
        <translation>Pick a date in the calendar</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Photo file missing</source>
        <translation>Photo file missing</translation>
    </message>
    <message>
        <source>Photo file missing: keep the folder “{folder}” beside the database file.</source>
        <translation>Photo file missing: keep the folder “{folder}” beside the database file.</translation>
    </message>
    <message>
        <source>Photo file missing.</source>
        <translation>Photo file missing.</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Unsaved drafts</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>The app was closed while these records had changes that were not saved. Restore one to go on where you stopped, or discard it.</source>
        <translation>The app was closed while these records had changes that were not saved. Restore one to go on where you stopped, or discard it.</translation>
    </message>
    <message>
        <source>{title} — kept {when}</source>
        <translation>{title} — kept {when}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Keep the drafts; they are offered again next time</source>
        <translation>Keep the drafts; they are offered again next time</translation>
    </message>
    <message>
        <source>Draft damaged</source>
        <translation>Draft damaged</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>No page of this window can open this draft.</source>
        <translation>No page of this window can open this draft.</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Discard the unsaved changes of “{title}”? They cannot be brought back.</source>
        <translation>Discard the unsaved changes of “{title}”? They cannot be brought back.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>EditableTable</name>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Add row</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected rows (Delete)</source>
        <translation>Remove the selected rows (Delete)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Move the row up (Ctrl+Up)</source>
        <translation>Move the row up (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Move the row down (Ctrl+Down)</source>
        <translation>Move the row down (Ctrl+Down)</translation>
    </message>
</context>
<context>
    <name>FactsSection</name>
    <message>
        <source>Assigned when first saved</source>
        <translation>Assigned when first saved</translation>
    </message>
    <message>
        <source>The number is assigned on the first save and never reused.</source>
        <translation>The number is assigned on the first save and never reused.</translation>
    </message>
    <message>
        <source>Required, e.g. 童装产业园区停车难协商</source>
        <translation>Required, e.g. 童装产业园区停车难协商</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Required; earlier venues are offered as you type</source>
        <translation>Required; earlier venues are offered as you type</translation>
    </message>
    <message>
        <source>Choose the liaison group</source>
        <translation>Choose the liaison group</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <source>Topic s&amp;ource</source>
        <translation>Topic s&amp;ource</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>T&amp;ime</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <source>&amp;Recorder</source>
        <translation>&amp;Recorder</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Group {id}</source>
        <translation>Group {id}</translation>
    </message>
    <message>
        <source>The date cannot be read: type it as 2024-03-05.</source>
        <translation>The date cannot be read: type it as 2024-03-05.</translation>
    </message>
    <message>
        <source>The time cannot be read: type it as 09:30.</source>
        <translation>The time cannot be read: type it as 09:30.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Liaison Desk</source>
        <translation>Welcome to Liaison Desk</translation>
    </message>
    <message>
        <source>This database is new. Tell us which liaison group keeps its records here; the name and codes appear on printed sheets, record numbers and archive numbers. You can change them later in Settings.</source>
        <translation>This database is new. Tell us which liaison group keeps its records here; the name and codes appear on printed sheets, record numbers and archive numbers. You can change them later in Settings.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>Search consultations, outcome items, cases and people…</source>
        <translation>Search consultations, outcome items, cases and people…</translation>
    </message>
    <message>
        <source>Type a word, a name or a number (e.g. 织里-2024-议-012).</source>
        <translation>Type a word, a name or a number (e.g. 织里-2024-议-012).</translation>
    </message>
    <message>
        <source>No records contain “{text}”.</source>
        <translation>No records contain “{text}”.</translation>
    </message>
    <message>
        <source>{count} records found. ↑↓ to choose, Enter to open, Esc to close.</source>
        <translation>{count} records found. ↑↓ to choose, Enter to open, Esc to close.</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <source>Outcome items</source>
        <translation>Outcome items</translation>
    </message>
    <message>
        <source>Consultation cases</source>
        <translation>Consultation cases</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>({total}, first {shown} shown)</source>
        <translation>({total}, first {shown} shown)</translation>
    </message>
</context>
<context>
    <name>GroupComparisonPage</name>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>Month {month}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>&amp;Export return…</source>
        <translation>&amp;Export return…</translation>
    </message>
    <message>
        <source>Save this table as the district's monthly or quarterly return (Excel)</source>
        <translation>Save this table as the district's monthly or quarterly return (Excel)</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Group comparison</source>
        <translation>Group comparison</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Hall sessions</source>
        <translation>Hall sessions</translation>
    </message>
    <message>
        <source>Micro</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Solved rate</source>
        <translation>Solved rate</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Could not load the group comparison.</source>
        <translation>Could not load the group comparison.</translation>
    </message>
    <message>
        <source>Consultations held {start} – {end}; overdue as of {as_of}; cases of {year}. Click a figure to open the records it counts.</source>
        <translation>Consultations held {start} – {end}; overdue as of {as_of}; cases of {year}. Click a figure to open the records it counts.</translation>
    </message>
    <message>
        <source>{period}: {groups} groups, {hall} hall sessions, {micro} micro, {solved} solved</source>
        <translation>{period}: {groups} groups, {hall} hall sessions, {micro} micro, {solved} solved</translation>
    </message>
    <message>
        <source>Save the district's return</source>
        <translation>Save the district's return</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Return saved</source>
        <translation>Return saved</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <source>Export return</source>
        <translation>Export return</translation>
    </message>
</context>
<context>
    <name>GroupProfileForm</name>
    <message>
        <source>Liaison group name</source>
        <translation>Liaison group name</translation>
    </message>
    <message>
        <source>Town or subdistrict</source>
        <translation>Town or subdistrict</translation>
    </message>
    <message>
        <source>Short name (in record numbers)</source>
        <translation>Short name (in record numbers)</translation>
    </message>
    <message>
        <source>Group leader</source>
        <translation>Group leader</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>Secretary's phone</source>
        <translation>Secretary's phone</translation>
    </message>
    <message>
        <source>Fonds code (archive)</source>
        <translation>Fonds code (archive)</translation>
    </message>
    <message>
        <source>Organisation code (archive)</source>
        <translation>Organisation code (archive)</translation>
    </message>
    <message>
        <source>e.g. 织里镇政协委员联络组</source>
        <translation>e.g. 织里镇政协委员联络组</translation>
    </message>
    <message>
        <source>e.g. 织里镇</source>
        <translation>e.g. 织里镇</translation>
    </message>
    <message>
        <source>Optional; derived from the town when empty, e.g. 织里</source>
        <translation>Optional; derived from the town when empty, e.g. 织里</translation>
    </message>
    <message>
        <source>e.g. J012, from the archive office</source>
        <translation>e.g. J012, from the archive office</translation>
    </message>
    <message>
        <source>e.g. ZL</source>
        <translation>e.g. ZL</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <source>, {absent} absent</source>
        <translation>, {absent} absent</translation>
    </message>
    <message>
        <source>{count} speeches</source>
        <translation>{count} speeches</translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation>{done} of {total} steps done</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} items</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} files</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <source>details changed</source>
        <translation>details changed</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>Every change to this record, newest first. Restoring a version puts back the record's own fields (basic facts, participants, head counts, agenda, speeches, minutes, consensus and checklist) and saves them as a new version, which can be undone the same way. Outcome items and photos/attachments keep their own history and are not restored.</source>
        <translation>Every change to this record, newest first. Restoring a version puts back the record's own fields (basic facts, participants, head counts, agenda, speeches, minutes, consensus and checklist) and saves them as a new version, which can be undone the same way. Outcome items and photos/attachments keep their own history and are not restored.</translation>
    </message>
    <message>
        <source>&amp;Restore this version…</source>
        <translation>&amp;Restore this version…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>{revision} (current)</source>
        <translation>{revision} (current)</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Loading the history…</translation>
    </message>
    <message>
        <source>Could not load the history.</source>
        <translation>Could not load the history.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>The record no longer exists.</translation>
    </message>
    <message>
        <source>Archived records are read-only: unlock the record to restore a version.</source>
        <translation>Archived records are read-only: unlock the record to restore a version.</translation>
    </message>
    <message>
        <source>{count} versions</source>
        <translation>{count} versions</translation>
    </message>
    <message>
        <source>{count} version</source>
        <translation>{count} version</translation>
    </message>
    <message>
        <source>The record is archived and read-only: unlock it first, then restore.</source>
        <translation>The record is archived and read-only: unlock it first, then restore.</translation>
    </message>
    <message>
        <source>Choose the version to go back to.</source>
        <translation>Choose the version to go back to.</translation>
    </message>
    <message>
        <source>Choose a version: the creation, a saved change or an earlier restore.</source>
        <translation>Choose a version: the creation, a saved change or an earlier restore.</translation>
    </message>
    <message>
        <source>This is the record's current version.</source>
        <translation>This is the record's current version.</translation>
    </message>
    <message>
        <source>Put the record's own fields back as they were in version {revision}.</source>
        <translation>Put the record's own fields back as they were in version {revision}.</translation>
    </message>
    <message>
        <source>{action} by {actor} on {at}</source>
        <translation>{action} by {actor} on {at}</translation>
    </message>
    <message>
        <source>Restore version {revision}</source>
        <translation>Restore version {revision}</translation>
    </message>
    <message>
        <source>The record's own fields go back to version {revision}; outcome items and photos/attachments stay as they are. The restore is saved as a new version and can be undone. Why restore this version?</source>
        <translation>The record's own fields go back to version {revision}; outcome items and photos/attachments stay as they are. The restore is saved as a new version and can be undone. Why restore this version?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Unlock the archived record</source>
        <translation>Unlock the archived record</translation>
    </message>
    <message>
        <source>An archived record is read-only. Unlocking lets it be changed again; the reason is kept in the record's history. Why unlock it?</source>
        <translation>An archived record is read-only. Unlocking lets it be changed again; the reason is kept in the record's history. Why unlock it?</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>ImportLogDialog</name>
    <message>
        <source>Import log</source>
        <translation>Import log</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>&amp;Undo the last import</source>
        <translation>&amp;Undo the last import</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> (undone)</translation>
    </message>
    <message>
        <source>Case package</source>
        <translation>Case package</translation>
    </message>
    <message>
        <source>Records package</source>
        <translation>Records package</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Masked</translation>
    </message>
    <message>
        <source>Not masked</source>
        <translation>Not masked</translation>
    </message>
    <message>
        <source>Undo the last import</source>
        <translation>Undo the last import</translation>
    </message>
    <message>
        <source>Undo the import of “{file}” ({sender}, {when})? The records go back exactly as they were before it; a backup is made first.</source>
        <translation>Undo the import of “{file}” ({sender}, {when})? The records go back exactly as they were before it; a backup is made first.</translation>
    </message>
    <message>
        <source>&amp;Undo the import</source>
        <translation>&amp;Undo the import</translation>
    </message>
    <message>
        <source>The import of “{file}” ({sender}) is undone: the records are as they were before it. It stays in the log, marked “undone”.</source>
        <translation>The import of “{file}” ({sender}) is undone: the records are as they were before it. It stays in the log, marked “undone”.</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>on this computer (process {pid})</source>
        <translation>on this computer (process {pid})</translation>
    </message>
    <message>
        <source>on the computer “{host}”</source>
        <translation>on the computer “{host}”</translation>
    </message>
    <message>
        <source>The database “{file}” is already open in Liaison Desk {who}.

Switch to that window, or close it first. Two windows on one database could overwrite each other's work, so a second one is not opened.</source>
        <translation>The database “{file}” is already open in Liaison Desk {who}.

Switch to that window, or close it first. Two windows on one database could overwrite each other's work, so a second one is not opened.</translation>
    </message>
</context>
<context>
    <name>LedgerDialogs</name>
    <message>
        <source>&amp;Ledger</source>
        <translation>&amp;Ledger</translation>
    </message>
    <message>
        <source>Export the list to an Excel ledger, or import a ledger</source>
        <translation>Export the list to an Excel ledger, or import a ledger</translation>
    </message>
    <message>
        <source>&amp;Export ledger…</source>
        <translation>&amp;Export ledger…</translation>
    </message>
    <message>
        <source>&amp;Import ledger…</source>
        <translation>&amp;Import ledger…</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Export ledger</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Import ledger</source>
        <translation>Import ledger</translation>
    </message>
    <message>
        <source>Writing the ledger… ({done} of {total})</source>
        <translation>Writing the ledger… ({done} of {total})</translation>
    </message>
    <message>
        <source>Masked: it cannot be imported back.</source>
        <translation>Masked: it cannot be imported back.</translation>
    </message>
    <message>
        <source>Working copy, not masked: keep it in the group.</source>
        <translation>Working copy, not masked: keep it in the group.</translation>
    </message>
    <message>
        <source>Exported {consultations} consultations and {items} outcome items to {path}.</source>
        <translation>Exported {consultations} consultations and {items} outcome items to {path}.</translation>
    </message>
    <message>
        <source>Exporting the ledger</source>
        <translation>Exporting the ledger</translation>
    </message>
</context>
<context>
    <name>LedgerExportChoice</name>
    <message>
        <source>Export ledger</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <source>Which ledger do you want to export?</source>
        <translation>Which ledger do you want to export?</translation>
    </message>
    <message>
        <source>&amp;Masked ledger, to send out</source>
        <translation>&amp;Masked ledger, to send out</translation>
    </message>
    <message>
        <source>It cannot be imported back: the import would overwrite what is hidden.</source>
        <translation>It cannot be imported back: the import would overwrite what is hidden.</translation>
    </message>
    <message>
        <source>&amp;Working copy for the group (not masked)</source>
        <translation>&amp;Working copy for the group (not masked)</translation>
    </message>
    <message>
        <source>Everything as recorded, to edit in Excel or WPS and import back. Keep it in the group; do not send it out.</source>
        <translation>Everything as recorded, to edit in Excel or WPS and import back. Keep it in the group; do not send it out.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
</context>
<context>
    <name>LedgerImportDialog</name>
    <message>
        <source>Import ledger — {name}</source>
        <translation>Import ledger — {name}</translation>
    </message>
    <message>
        <source>Check which standard column each heading of the workbook goes to. Headings the app recognised are filled in; choose “(not imported)” for columns to leave out. Nothing is written until you press Import.</source>
        <translation>Check which standard column each heading of the workbook goes to. Headings the app recognised are filled in; choose “(not imported)” for columns to leave out. Nothing is written until you press Import.</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>New records from rows that name no liaison group go to this group; a row that names its own group keeps it.</source>
        <translation>New records from rows that name no liaison group go to this group; a row that names its own group keeps it.</translation>
    </message>
    <message>
        <source>Liaison &amp;group for rows without one:</source>
        <translation>Liaison &amp;group for rows without one:</translation>
    </message>
    <message>
        <source>Show only rows with changes, notes or errors</source>
        <translation>Show only rows with changes, notes or errors</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Topic or content</source>
        <translation>Topic or content</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Row-by-row report</source>
        <translation>Row-by-row report</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Check every row; nothing is written yet</source>
        <translation>Check every row; nothing is written yet</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Write every change of the workbook at once</source>
        <translation>Write every change of the workbook at once</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{created} to create, {updated} to update, {unchanged} unchanged, {skipped} skipped, {duplicates} duplicates skipped, {errors} with errors.</source>
        <translation>{created} to create, {updated} to update, {unchanged} unchanged, {skipped} skipped, {duplicates} duplicates skipped, {errors} with errors.</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>Nothing can be imported until every error is corrected in the workbook.</source>
        <translation>Nothing can be imported until every error is corrected in the workbook.</translation>
    </message>
    <message>
        <source>The workbook matches the records: nothing to import.</source>
        <translation>The workbook matches the records: nothing to import.</translation>
    </message>
    <message>
        <source>Press Import to write these changes.</source>
        <translation>Press Import to write these changes.</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Duplicate, skipped</source>
        <translation>Duplicate, skipped</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, row {row}:</source>
        <translation>Sheet “{sheet}”, row {row}:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Liaison Desk</source>
        <translation>Liaison Desk</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Deliberation hall</source>
        <translation>Deliberation hall</translation>
    </message>
    <message>
        <source>Micro-consultations</source>
        <translation>Micro-consultations</translation>
    </message>
    <message>
        <source>Problem tracking</source>
        <translation>Problem tracking</translation>
    </message>
    <message>
        <source>Consultation cases</source>
        <translation>Consultation cases</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Members' records</source>
        <translation>Members' records</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <source>Group comparison</source>
        <translation>Group comparison</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Upgrading the database to this version: {step}{percent}…</source>
        <translation>Upgrading the database to this version: {step}{percent}…</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(read-only)</translation>
    </message>
    <message>
        <source>{where} (read-only: can be viewed, printed and exported, not changed)</source>
        <translation>{where} (read-only: can be viewed, printed and exported, not changed)</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;New record</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Search &amp;everything…</source>
        <translation>Search &amp;everything…</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>S&amp;ettings</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Check a package…</source>
        <translation>&amp;Check a package…</translation>
    </message>
    <message>
        <source>E&amp;xport records package…</source>
        <translation>E&amp;xport records package…</translation>
    </message>
    <message>
        <source>&amp;Import package…</source>
        <translation>&amp;Import package…</translation>
    </message>
    <message>
        <source>Import &amp;log</source>
        <translation>Import &amp;log</translation>
    </message>
    <message>
        <source>S&amp;tatistics workbook…</source>
        <translation>S&amp;tatistics workbook…</translation>
    </message>
    <message>
        <source>Year's su&amp;mmary draft…</source>
        <translation>Year's su&amp;mmary draft…</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Restore from a &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>This page has no new record.</source>
        <translation>This page has no new record.</translation>
    </message>
    <message>
        <source>This page has no search box.</source>
        <translation>This page has no search box.</translation>
    </message>
    <message>
        <source>About Liaison Desk</source>
        <translation>About Liaison Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Liaison Desk {version}&lt;/h3&gt;&lt;p&gt;Records of the CPPCC members' liaison groups: deliberation-hall sessions, micro-consultations, problem follow-up, consultation cases and submissions.&lt;/p&gt;&lt;p&gt;Database: {where}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Liaison Desk {version}&lt;/h3&gt;&lt;p&gt;Records of the CPPCC members' liaison groups: deliberation-hall sessions, micro-consultations, problem follow-up, consultation cases and submissions.&lt;/p&gt;&lt;p&gt;Database: {where}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>{pages} has changes that are not saved yet. Save them before closing?</source>
        <translation>{pages} has changes that are not saved yet. Save them before closing?</translation>
    </message>
    <message>
        <source>Backup on closing failed</source>
        <translation>Backup on closing failed</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Search name</source>
        <translation>Search name</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Micro</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation>Hosted</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>&amp;Record PDF…</source>
        <translation>&amp;Record PDF…</translation>
    </message>
    <message>
        <source>Save the selected member's record of the year as a PDF</source>
        <translation>Save the selected member's record of the year as a PDF</translation>
    </message>
    <message>
        <source>Ran&amp;king…</source>
        <translation>Ran&amp;king…</translation>
    </message>
    <message>
        <source>Save the ranking shown as an Excel workbook</source>
        <translation>Save the ranking shown as an Excel workbook</translation>
    </message>
    <message>
        <source>{count} member</source>
        <translation>{count} member</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} members</translation>
    </message>
    <message>
        <source>No CPPCC members on the roster of this group.</source>
        <translation>No CPPCC members on the roster of this group.</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>search “{text}”</translation>
    </message>
    <message>
        <source>{year}: {points} points, rank {rank}</source>
        <translation>{year}: {points} points, rank {rank}</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>hosted</source>
        <translation>hosted</translation>
    </message>
    <message>
        <source>{n} speeches</source>
        <translation>{n} speeches</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Suggestions raised</source>
        <translation>Suggestions raised</translation>
    </message>
    <message>
        <source>, adopted</source>
        <translation>, adopted</translation>
    </message>
    <message>
        <source>Cases taken part in</source>
        <translation>Cases taken part in</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>not selected</translation>
    </message>
    <message>
        <source>Points by year</source>
        <translation>Points by year</translation>
    </message>
    <message>
        <source>{year}: {points}</source>
        <translation>{year}: {points}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source> ({text})</source>
        <translation> ({text})</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <source>Save the member's record</source>
        <translation>Save the member's record</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Member's record</source>
        <translation>Member's record</translation>
    </message>
    <message>
        <source>Save the ranking</source>
        <translation>Save the ranking</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Ranking</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please check the entries</source>
        <translation>Please check the entries</translation>
    </message>
    <message>
        <source>The record is locked</source>
        <translation>The record is locked</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Changed elsewhere</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Database problem</translation>
    </message>
    <message>
        <source>The database is in use</source>
        <translation>The database is in use</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Still needed</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Backup problem</source>
        <translation>Backup problem</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>File problem</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Cannot continue</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>File in use</translation>
    </message>
    <message>
        <source>Close the program that has the file open (for example Excel or WPS), then try again.</source>
        <translation>Close the program that has the file open (for example Excel or WPS), then try again.</translation>
    </message>
    <message>
        <source>No permission</source>
        <translation>No permission</translation>
    </message>
    <message>
        <source>Check that the file is not marked read-only and that you may write to its folder, or choose another folder. If the folder must be used, ask your computer administrator for write permission.</source>
        <translation>Check that the file is not marked read-only and that you may write to its folder, or choose another folder. If the folder must be used, ask your computer administrator for write permission.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>The disk is full</translation>
    </message>
    <message>
        <source>Free some space on the disk, or choose another disk, then try again.</source>
        <translation>Free some space on the disk, or choose another disk, then try again.</translation>
    </message>
    <message>
        <source>Read-only disk</source>
        <translation>Read-only disk</translation>
    </message>
    <message>
        <source>Choose a folder on another disk, then try again.</source>
        <translation>Choose a folder on another disk, then try again.</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>File not found</translation>
    </message>
    <message>
        <source>Check that the file still exists and that the USB stick or network folder it is on is connected, then try again.</source>
        <translation>Check that the file still exists and that the USB stick or network folder it is on is connected, then try again.</translation>
    </message>
    <message>
        <source>Close the program that uses the file, then try again.</source>
        <translation>Close the program that uses the file, then try again.</translation>
    </message>
    <message>
        <source>Disk error</source>
        <translation>Disk error</translation>
    </message>
    <message>
        <source>The disk or USB stick may be faulty or was removed. Reconnect it and try again; if this keeps happening, copy your data elsewhere soon.</source>
        <translation>The disk or USB stick may be faulty or was removed. Reconnect it and try again; if this keeps happening, copy your data elsewhere soon.</translation>
    </message>
    <message>
        <source>Check the file and its folder, then try again.</source>
        <translation>Check the file and its folder, then try again.</translation>
    </message>
    <message>
        <source>Could not use “{path}”: {reason}.</source>
        <translation>Could not use “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>A file could not be used: {reason}.</source>
        <translation>A file could not be used: {reason}.</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>the file or folder does not exist</translation>
    </message>
    <message>
        <source>access is not permitted</source>
        <translation>access is not permitted</translation>
    </message>
    <message>
        <source>the operation is not permitted (the file may be read-only)</source>
        <translation>the operation is not permitted (the file may be read-only)</translation>
    </message>
    <message>
        <source>there is no space left on the disk</source>
        <translation>there is no space left on the disk</translation>
    </message>
    <message>
        <source>it is on a read-only disk</source>
        <translation>it is on a read-only disk</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>it already exists</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <source>it is in use by another program</source>
        <translation>it is in use by another program</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>the disk could not be read or written</translation>
    </message>
    <message>
        <source>it is open in another program</source>
        <translation>it is open in another program</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
</context>
<context>
    <name>Month</name>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dec</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>Change s&amp;tatus</source>
        <translation>Change s&amp;tatus</translation>
    </message>
    <message>
        <source>Set the status of the selected items at once</source>
        <translation>Set the status of the selected items at once</translation>
    </message>
    <message>
        <source>Record a re&amp;visit…</source>
        <translation>Record a re&amp;visit…</translation>
    </message>
    <message>
        <source>Re&amp;visit…</source>
        <translation>Re&amp;visit…</translation>
    </message>
    <message>
        <source>Record a revisit (date, what was found, satisfaction) of the selected items</source>
        <translation>Record a revisit (date, what was found, satisfaction) of the selected items</translation>
    </message>
    <message>
        <source>{count} items selected</source>
        <translation>{count} items selected</translation>
    </message>
    <message>
        <source>Select several items with Ctrl or Shift to change them together.</source>
        <translation>Select several items with Ctrl or Shift to change them together.</translation>
    </message>
    <message>
        <source>&amp;Open the consultation</source>
        <translation>&amp;Open the consultation</translation>
    </message>
    <message>
        <source>Status of {count} item set to “{status}”.</source>
        <translation>Status of {count} item set to “{status}”.</translation>
    </message>
    <message>
        <source>Status of {count} items set to “{status}”.</source>
        <translation>Status of {count} items set to “{status}”.</translation>
    </message>
    <message>
        <source>Revisit of {count} item recorded.</source>
        <translation>Revisit of {count} item recorded.</translation>
    </message>
    <message>
        <source>Revisit of {count} items recorded.</source>
        <translation>Revisit of {count} items recorded.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>Problem / suggestion</source>
        <translation>Problem / suggestion</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <source>Revisited on</source>
        <translation>Revisited on</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>{date} ({days} d late)</source>
        <translation>{date} ({days} d late)</translation>
    </message>
    <message>
        <source>Overdue by 1 day</source>
        <translation>Overdue by 1 day</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>Overdue by {days} days</translation>
    </message>
    <message>
        <source>Search content, body, person, number</source>
        <translation>Search content, body, person, number</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Open (not solved)</source>
        <translation>Open (not solved)</translation>
    </message>
    <message>
        <source>Any body</source>
        <translation>Any body</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Group:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Body:</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>Due within {days} days</source>
        <translation>Due within {days} days</translation>
    </message>
    <message>
        <source>{count} item, {overdue} overdue</source>
        <translation>{count} item, {overdue} overdue</translation>
    </message>
    <message>
        <source>{count} items, {overdue} overdue</source>
        <translation>{count} items, {overdue} overdue</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} items</translation>
    </message>
    <message>
        <source>{count} item</source>
        <translation>{count} item</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Solved on the spot</source>
        <translation>Solved on the spot</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Why unsolved / not adopted</source>
        <translation>Why unsolved / not adopted</translation>
    </message>
    <message>
        <source>Revisit note</source>
        <translation>Revisit note</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Raised at</source>
        <translation>Raised at</translation>
    </message>
</context>
<context>
    <name>OutcomesSection</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Suggestion or problem</source>
        <translation>Suggestion or problem</translation>
    </message>
    <message>
        <source>Responsible body</source>
        <translation>Responsible body</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>Revisit</translation>
    </message>
    <message>
        <source>Suggestions and problems</source>
        <translation>Suggestions and problems</translation>
    </message>
    <message>
        <source>Add s&amp;uggestion</source>
        <translation>Add s&amp;uggestion</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected items (they go to the recycle bin when saved)</source>
        <translation>Remove the selected items (they go to the recycle bin when saved)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Change s&amp;tatus…</source>
        <translation>Change s&amp;tatus…</translation>
    </message>
    <message>
        <source>Give the selected items one status</source>
        <translation>Give the selected items one status</translation>
    </message>
    <message>
        <source>Re&amp;visit…</source>
        <translation>Re&amp;visit…</translation>
    </message>
    <message>
        <source>Record a revisit (回头看) of the selected items</source>
        <translation>Record a revisit (回头看) of the selected items</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <source>Required: the suggestion or problem</source>
        <translation>Required: the suggestion or problem</translation>
    </message>
    <message>
        <source>e.g. 区住建局</source>
        <translation>e.g. 区住建局</translation>
    </message>
    <message>
        <source>Solved on the s&amp;pot</source>
        <translation>Solved on the s&amp;pot</translation>
    </message>
    <message>
        <source>&amp;Adopted</source>
        <translation>&amp;Adopted</translation>
    </message>
    <message>
        <source>Why it stays unsolved or was not adopted</source>
        <translation>Why it stays unsolved or was not adopted</translation>
    </message>
    <message>
        <source>What the revisit found</source>
        <translation>What the revisit found</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>C&amp;ontent</source>
        <translation>C&amp;ontent</translation>
    </message>
    <message>
        <source>Responsible &amp;body</source>
        <translation>Responsible &amp;body</translation>
    </message>
    <message>
        <source>Responsible pe&amp;rson</source>
        <translation>Responsible pe&amp;rson</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>Dead&amp;line</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Resolved on</translation>
    </message>
    <message>
        <source>Revisited on</source>
        <translation>Revisited on</translation>
    </message>
    <message>
        <source>Revisit note</source>
        <translation>Revisit note</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>deadline</translation>
    </message>
    <message>
        <source>resolved date</source>
        <translation>resolved date</translation>
    </message>
    <message>
        <source>revisit date</source>
        <translation>revisit date</translation>
    </message>
    <message>
        <source>Item {n}: the {what} cannot be read, type it as 2024-03-05.</source>
        <translation>Item {n}: the {what} cannot be read, type it as 2024-03-05.</translation>
    </message>
    <message>
        <source>Past its deadline and not solved</source>
        <translation>Past its deadline and not solved</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Submission package</source>
        <translation>Submission package</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Mask personal information (recommended)</source>
        <translation>&amp;Mask personal information (recommended)</translation>
    </message>
    <message>
        <source>Phone and ID numbers of everyone whose consent is not recorded (members and officials too) are partly hidden, and residents' names keep only the surname (as the masking settings say).</source>
        <translation>Phone and ID numbers of everyone whose consent is not recorded (members and officials too) are partly hidden, and residents' names keep only the surname (as the masking settings say).</translation>
    </message>
    <message>
        <source>Sent &amp;to:</source>
        <translation>Sent &amp;to:</translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>Save in &amp;folder:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Privacy:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Cases (final or submitted before)</source>
        <translation>Cases (final or submitted before)</translation>
    </message>
    <message>
        <source>What will be masked</source>
        <translation>What will be masked</translation>
    </message>
    <message>
        <source>Reading the cases…</source>
        <translation>Reading the cases…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>In the records</source>
        <translation>In the records</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>In the package</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>&amp;Export package</source>
        <translation>&amp;Export package</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{value} (consent recorded)</source>
        <translation>{value} (consent recorded)</translation>
    </message>
    <message>
        <source>Tick the cases to send.</source>
        <translation>Tick the cases to send.</translation>
    </message>
    <message>
        <source>Nothing is masked: residents' names, phone and ID numbers go into the package as they are. Use such a package only inside the office.</source>
        <translation>Nothing is masked: residents' names, phone and ID numbers go into the package as they are. Use such a package only inside the office.</translation>
    </message>
    <message>
        <source>The package holds no personal information that needs masking.</source>
        <translation>The package holds no personal information that needs masking.</translation>
    </message>
    <message>
        <source>{hidden} items will be masked; {kept} stay in full because consent is recorded.</source>
        <translation>{hidden} items will be masked; {kept} stay in full because consent is recorded.</translation>
    </message>
    <message>
        <source>Save the package in</source>
        <translation>Save the package in</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose another one.</source>
        <translation>The folder {folder} does not exist. Choose another one.</translation>
    </message>
    <message>
        <source>Replace the package?</source>
        <translation>Replace the package?</translation>
    </message>
    <message>
        <source>{name} is already in this folder. Replace it?</source>
        <translation>{name} is already in this folder. Replace it?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Writing the submission package…</source>
        <translation>Writing the submission package…</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>files</source>
        <translation>files</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>The submission package is ready</source>
        <translation>The submission package is ready</translation>
    </message>
    <message>
        <source>The submission is recorded in Submissions; the cases in it are read-only from now on (a change needs a reason and starts a new version). Send the ZIP file as it is; the receiving office can check it with Check a package.</source>
        <translation>The submission is recorded in Submissions; the cases in it are read-only from now on (a change needs a reason and starts a new version). Send the ZIP file as it is; the receiving office can check it with Check a package.</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written or recorded.</source>
        <translation>The export was cancelled. Nothing was written or recorded.</translation>
    </message>
</context>
<context>
    <name>ParticipantsSection</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>Add &amp;person</source>
        <translation>Add &amp;person</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>&amp;Pick from roster…</source>
        <translation>&amp;Pick from roster…</translation>
    </message>
    <message>
        <source>Choose people from the roster (人员名册)</source>
        <translation>Choose people from the roster (人员名册)</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Add &amp;count</source>
        <translation>Add &amp;count</translation>
    </message>
    <message>
        <source>Head counts</source>
        <translation>Head counts</translation>
    </message>
    <message>
        <source>Residents and others counted without their names</source>
        <translation>Residents and others counted without their names</translation>
    </message>
    <message>
        <source>Expected {expected}, present {present} · attendances {total} · by CPPCC members {members}</source>
        <translation>Expected {expected}, present {present} · attendances {total} · by CPPCC members {members}</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Search name, unit, position, phone, sector</source>
        <translation>Search name, unit, position, phone, sector</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>CPPCC level</source>
        <translation>CPPCC level</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>C&amp;ategory:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Add a person to the roster (Ctrl+N)</source>
        <translation>Add a person to the roster (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Change the selected person (Enter, double-click)</source>
        <translation>Change the selected person (Enter, double-click)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Move the selected people to the recycle bin (Delete)</source>
        <translation>Move the selected people to the recycle bin (Delete)</translation>
    </message>
    <message>
        <source>The roster is empty. Press Ctrl+N to add the first person.</source>
        <translation>The roster is empty. Press Ctrl+N to add the first person.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Consent to publish</source>
        <translation>Consent to publish</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Consent note</source>
        <translation>Consent note</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} person</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>Not on the roster</translation>
    </message>
    <message>
        <source>{name} is no longer on the roster (perhaps deleted elsewhere).</source>
        <translation>{name} is no longer on the roster (perhaps deleted elsewhere).</translation>
    </message>
    <message>
        <source>Move {name} to the recycle bin?

The person can be restored from the recycle bin within 30 days.</source>
        <translation>Move {name} to the recycle bin?

The person can be restored from the recycle bin within 30 days.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} and {count} more</translation>
    </message>
    <message>
        <source>Move these {count} people to the recycle bin?
{names}

They can be restored from the recycle bin within 30 days.</source>
        <translation>Move these {count} people to the recycle bin?
{names}

They can be restored from the recycle bin within 30 days.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Move to recycle bin</source>
        <translation>Move to recycle bin</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Show the whole year</source>
        <translation>Show the whole year</translation>
    </message>
    <message>
        <source>held {start} – {end}</source>
        <translation>held {start} – {end}</translation>
    </message>
    <message>
        <source>Only consultations {period}</source>
        <translation>Only consultations {period}</translation>
    </message>
    <message>
        <source>overdue as of {day}</source>
        <translation>overdue as of {day}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <source>Workplace or village, e.g. 织里镇秧宝村</source>
        <translation>Workplace or village, e.g. 织里镇秧宝村</translation>
    </message>
    <message>
        <source>11-digit mobile, or landline with area code</source>
        <translation>11-digit mobile, or landline with area code</translation>
    </message>
    <message>
        <source>Optional; only when a resident's case needs it</source>
        <translation>Optional; only when a resident's case needs it</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>Members only, e.g. 经济界</source>
        <translation>Members only, e.g. 经济界</translation>
    </message>
    <message>
        <source>Agreed separately to publication of name and contact</source>
        <translation>Agreed separately to publication of name and contact</translation>
    </message>
    <message>
        <source>How and when, e.g. written consent 2024-03</source>
        <translation>How and when, e.g. written consent 2024-03</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>Liaison &amp;group</source>
        <translation>Liaison &amp;group</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>Posi&amp;tion</source>
        <translation>Posi&amp;tion</translation>
    </message>
    <message>
        <source>Consent n&amp;ote</source>
        <translation>Consent n&amp;ote</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <source>CPPCC &amp;level</source>
        <translation>CPPCC &amp;level</translation>
    </message>
    <message>
        <source>&amp;Sector</source>
        <translation>&amp;Sector</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Group {id} (deleted)</source>
        <translation>Group {id} (deleted)</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>A person named {name} with the same phone is already on the roster:</source>
        <translation>A person named {name} with the same phone is already on the roster:</translation>
    </message>
    <message>
        <source>A person named {name} is already on the roster:</source>
        <translation>A person named {name} is already on the roster:</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>Save anyway?</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>• {name} ({details})</source>
        <translation>• {name} ({details})</translation>
    </message>
</context>
<context>
    <name>PersonPickerDialog</name>
    <message>
        <source>Pick participants from the roster</source>
        <translation>Pick participants from the roster</translation>
    </message>
    <message>
        <source>Search name, unit, position, phone…</source>
        <translation>Search name, unit, position, phone…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Only this group</source>
        <translation>Only this group</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>Add selected</translation>
    </message>
    <message>
        <source>Select the people in the list (Ctrl or Shift for several), then Enter.</source>
        <translation>Select the people in the list (Ctrl or Shift for several), then Enter.</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} people</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} person</translation>
    </message>
</context>
<context>
    <name>PhotoChooser</name>
    <message>
        <source>Choose photos</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>Loading photos…</source>
        <translation>Loading photos…</translation>
    </message>
    <message>
        <source>Use these</source>
        <translation>Use these</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tick 2 to 4 photos: the photos of the linked consultations and those added to the case. Space ticks the selected photo.</source>
        <translation>Tick 2 to 4 photos: the photos of the linked consultations and those added to the case. Space ticks the selected photo.</translation>
    </message>
    <message>
        <source>added to the case</source>
        <translation>added to the case</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(no caption)</translation>
    </message>
    <message>
        <source>The linked consultations have no photos. Add photos from files.</source>
        <translation>The linked consultations have no photos. Add photos from files.</translation>
    </message>
    <message>
        <source>{count} photos ticked</source>
        <translation>{count} photos ticked</translation>
    </message>
    <message>
        <source>{count} photo ticked</source>
        <translation>{count} photo ticked</translation>
    </message>
    <message>
        <source>a case usually shows 2 to 4</source>
        <translation>a case usually shows 2 to 4</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo viewer</source>
        <extracomment>Photos whose long side is above this are read scaled down (a 100-megapixel scan would need more memory than Qt allows one image); 6000 px still shows a phone photo at full size.</extracomment>
        <translation>Photo viewer</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Previous photo (←)</source>
        <translation>Previous photo (←)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Next photo (→)</source>
        <translation>Next photo (→)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>Actual size (1)</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation>Fit to window (0)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation>{index} of {count}</translation>
    </message>
    <message>
        <source>taken {when}</source>
        <translation>taken {when}</translation>
    </message>
    <message>
        <source>This photo cannot be shown: {reason}</source>
        <translation>This photo cannot be shown: {reason}</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Preparing the printout…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>First page</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Last page</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>&amp;Mask personal information</source>
        <translation>&amp;Mask personal information</translation>
    </message>
    <message>
        <source>This printout leaves the office, so it is always masked.</source>
        <translation>This printout leaves the office, so it is always masked.</translation>
    </message>
    <message>
        <source>personal information masked</source>
        <translation>personal information masked</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>Print preview — {title}</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>The printout could not be prepared.</source>
        <translation>The printout could not be prepared.</translation>
    </message>
    <message>
        <source>The printout could not be drawn.</source>
        <translation>The printout could not be drawn.</translation>
    </message>
    <message>
        <source>Nothing is masked: keep this printout in the office, do not send it out.</source>
        <translation>Nothing is masked: keep this printout in the office, do not send it out.</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>of {count}</translation>
    </message>
    <message>
        <source>Nothing to print.</source>
        <translation>Nothing to print.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} pages</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>{count} page</translation>
    </message>
    <message>
        <source>nothing masked</source>
        <translation>nothing masked</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Printing failed.</source>
        <translation>Printing failed.</translation>
    </message>
    <message>
        <source>{count} page sent to {printer}.</source>
        <translation>{count} page sent to {printer}.</translation>
    </message>
    <message>
        <source>{count} pages sent to {printer}.</source>
        <translation>{count} pages sent to {printer}.</translation>
    </message>
    <message>
        <source>{count} page sent to the printer.</source>
        <translation>{count} page sent to the printer.</translation>
    </message>
    <message>
        <source>{count} pages sent to the printer.</source>
        <translation>{count} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <source>Saved as “{name}” in {folder}.</source>
        <translation>Saved as “{name}” in {folder}.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>&amp;Sign-in sheet…</source>
        <translation>&amp;Sign-in sheet…</translation>
    </message>
    <message>
        <source>&amp;Record sheet…</source>
        <translation>&amp;Record sheet…</translation>
    </message>
    <message>
        <source>Micro-consultation &amp;card…</source>
        <translation>Micro-consultation &amp;card…</translation>
    </message>
    <message>
        <source>&amp;Assignment slips…</source>
        <translation>&amp;Assignment slips…</translation>
    </message>
    <message>
        <source>&amp;Print sign-in sheet…</source>
        <translation>&amp;Print sign-in sheet…</translation>
    </message>
    <message>
        <source>&amp;Print record sheet…</source>
        <translation>&amp;Print record sheet…</translation>
    </message>
    <message>
        <source>&amp;Print card…</source>
        <translation>&amp;Print card…</translation>
    </message>
    <message>
        <source>&amp;Print assignment slips…</source>
        <translation>&amp;Print assignment slips…</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>Record sheet</source>
        <translation>Record sheet</translation>
    </message>
    <message>
        <source>Micro-consultation card</source>
        <translation>Micro-consultation card</translation>
    </message>
    <message>
        <source>Assignment slips</source>
        <translation>Assignment slips</translation>
    </message>
    <message>
        <source>Masked: phone and ID numbers of everyone whose consent is not recorded (members and officials too), and residents' names (as 张某).</source>
        <translation>Masked: phone and ID numbers of everyone whose consent is not recorded (members and officials too), and residents' names (as 张某).</translation>
    </message>
    <message>
        <source>Masked: phone and ID numbers of everyone whose consent is not recorded (members and officials too).</source>
        <translation>Masked: phone and ID numbers of everyone whose consent is not recorded (members and officials too).</translation>
    </message>
    <message>
        <source>Masked: residents' names (as 张某); the settings keep numbers as they are.</source>
        <translation>Masked: residents' names (as 张某); the settings keep numbers as they are.</translation>
    </message>
    <message>
        <source>The masking settings hide nothing.</source>
        <translation>The masking settings hide nothing.</translation>
    </message>
    <message>
        <source>Names stay on the sign-in sheet: people sign next to them.</source>
        <translation>Names stay on the sign-in sheet: people sign next to them.</translation>
    </message>
    <message>
        <source>Assignment slips go to the departments, so they are always masked.</source>
        <translation>Assignment slips go to the departments, so they are always masked.</translation>
    </message>
    <message>
        <source>This printout leaves the office, so it is always masked.</source>
        <translation>This printout leaves the office, so it is always masked.</translation>
    </message>
    <message>
        <source>Select one or more consultations to print.</source>
        <translation>Select one or more consultations to print.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Print sheets of the selected consultations ({shortcut}: {sheet})</source>
        <translation>Print sheets of the selected consultations ({shortcut}: {sheet})</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 File</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Don't Save</source>
        <translation>Don't Save</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Please give the reason.</source>
        <translation>Please give the reason.</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} records</translation>
    </message>
    <message>
        <source>{count} record</source>
        <translation>{count} record</translation>
    </message>
    <message>
        <source>No records match.</source>
        <translation>No records match.</translation>
    </message>
    <message>
        <source>No records match. The list shows only: {filters}.</source>
        <translation>No records match. The list shows only: {filters}.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Clear the filters and show all records</source>
        <translation>Clear the filters and show all records</translation>
    </message>
    <message>
        <source>Could not load the list.</source>
        <translation>Could not load the list.</translation>
    </message>
</context>
<context>
    <name>RecordsExportDialog</name>
    <message>
        <source>Export records package</source>
        <translation>Export records package</translation>
    </message>
    <message>
        <source>A package of the group's consultations, people, cases, submission results, photos and deletions, for the district office to import. Each record keeps its identity, so the office can import again after changes.</source>
        <translation>A package of the group's consultations, people, cases, submission results, photos and deletions, for the district office to import. Each record keeps its identity, so the office can import again after changes.</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Include &amp;photos</source>
        <translation>Include &amp;photos</translation>
    </message>
    <message>
        <source>&amp;Mask phone and ID numbers of people without recorded consent</source>
        <translation>&amp;Mask phone and ID numbers of people without recorded consent</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Save the records package</source>
        <translation>Save the records package</translation>
    </message>
    <message>
        <source>ZIP packages (*.zip)</source>
        <translation>ZIP packages (*.zip)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
</context>
<context>
    <name>RecordsImporter</name>
    <message>
        <source>Import package</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Records or case packages (*.zip)</source>
        <translation>Records or case packages (*.zip)</translation>
    </message>
    <message>
        <source>The package was not imported</source>
        <translation>The package was not imported</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Case write-up</source>
        <translation>Case write-up</translation>
    </message>
    <message>
        <source>Suggestion / problem</source>
        <translation>Suggestion / problem</translation>
    </message>
    <message>
        <source>Photo / attachment</source>
        <translation>Photo / attachment</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Submission</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Delete for good…</translation>
    </message>
    <message>
        <source>Shortcut: {keys}</source>
        <translation>Shortcut: {keys}</translation>
    </message>
    <message>
        <source>Search names</source>
        <translation>Search names</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>&amp;Delete for good…</translation>
    </message>
    <message>
        <source>{date} (in {days} days)</source>
        <translation>{date} (in {days} days)</translation>
    </message>
    <message>
        <source>The next time the app starts</source>
        <translation>The next time the app starts</translation>
    </message>
    <message>
        <source>Deleted for good automatically</source>
        <translation>Deleted for good automatically</translation>
    </message>
    <message>
        <source>Records stay in the recycle bin for {days} days. Restore puts this record back where it was; Delete for good removes it now and cannot be undone.</source>
        <translation>Records stay in the recycle bin for {days} days. Restore puts this record back where it was; Delete for good removes it now and cannot be undone.</translation>
    </message>
    <message>
        <source>About the recycle bin</source>
        <translation>About the recycle bin</translation>
    </message>
    <message>
        <source>{count} record in the recycle bin</source>
        <translation>{count} record in the recycle bin</translation>
    </message>
    <message>
        <source>{count} records in the recycle bin</source>
        <translation>{count} records in the recycle bin</translation>
    </message>
    <message>
        <source>Delete “{name}” for good?</source>
        <translation>Delete “{name}” for good?</translation>
    </message>
    <message>
        <source>Delete these {count} records for good?</source>
        <translation>Delete these {count} records for good?</translation>
    </message>
    <message>
        <source>They are removed from the database, with their photos and files that no other record uses. This cannot be undone.</source>
        <translation>They are removed from the database, with their photos and files that no other record uses. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Delete for good</translation>
    </message>
    <message>
        <source>Could not restore</source>
        <translation>Could not restore</translation>
    </message>
    <message>
        <source>Could not delete for good</source>
        <translation>Could not delete for good</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Town / sub-district</source>
        <translation>Town / sub-district</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Statistics workbook</source>
        <translation>Statistics workbook</translation>
    </message>
    <message>
        <source>Year's summary draft</source>
        <translation>Year's summary draft</translation>
    </message>
    <message>
        <source>An Excel workbook with the figures of the period (总表), per group, per month, per responsible body and per topic source, with charts. The figures are counted as on the dashboard.</source>
        <translation>An Excel workbook with the figures of the period (总表), per group, per month, per responsible body and per topic source, with charts. The figures are counted as on the dashboard.</translation>
    </message>
    <message>
        <source>A Word draft of the figures section of the year's work summary, each figure marked with its row in the statistics workbook, and the selected cases by level.</source>
        <translation>A Word draft of the figures section of the year's work summary, each figure marked with its row in the statistics workbook, and the selected cases by level.</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>Month {month}</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>Save the statistics workbook</source>
        <translation>Save the statistics workbook</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the summary draft</source>
        <translation>Save the summary draft</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Saved to {path}.</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Open &amp;folder</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>The backups of this database, newest first. Restoring one puts the data back as it was then; the current data is backed up first, so a restore can itself be undone from this list.</source>
        <translation>The backups of this database, newest first. Restoring one puts the data back as it was then; the current data is backed up first, so a restore can itself be undone from this list.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Open the backup &amp;folder</source>
        <translation>Open the backup &amp;folder</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>This database is on a server: it has no automatic backups here. Back it up and restore it with the server's own tools (for example pg_dump).</source>
        <translation>This database is on a server: it has no automatic backups here. Back it up and restore it with the server's own tools (for example pg_dump).</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Reading the backups…</translation>
    </message>
    <message>
        <source>No backups yet. They are made automatically while you work, when the window closes and before each import.</source>
        <translation>No backups yet. They are made automatically while you work, when the window closes and before each import.</translation>
    </message>
    <message>
        <source>Choose a backup to restore.</source>
        <translation>Choose a backup to restore.</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Restore the backup of {when} ({kind})?

The data now in the database is replaced by the data of that backup ({counts}). What was entered after {when} will no longer be shown.

Nothing is lost: the current data is backed up first (kind “{before}”) and can be restored from this list in turn. The database is closed and opened again; forms left open lose what was not saved.</source>
        <translation>Restore the backup of {when} ({kind})?

The data now in the database is replaced by the data of that backup ({counts}). What was entered after {when} will no longer be shown.

Nothing is lost: the current data is backed up first (kind “{before}”) and can be restored from this list in turn. The database is closed and opened again; forms left open lose what was not saved.</translation>
    </message>
    <message>
        <source>record counts unknown</source>
        <translation>record counts unknown</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>The data is as it was on {when}. The data before the restore is in the list as “{before}”.</source>
        <translation>The data is as it was on {when}. The data before the restore is in the list as “{before}”.</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Results of the submission</source>
        <translation>Results of the submission</translation>
    </message>
    <message>
        <source>{target}, sent on {date}</source>
        <translation>{target}, sent on {date}</translation>
    </message>
    <message>
        <source>Record what the receiving office decided for each case. A selected or not selected case stays locked; a returned case can be changed and sent again.</source>
        <translation>Record what the receiving office decided for each case. A selected or not selected case stays locked; a returned case can be changed and sent again.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>Case {id}</translation>
    </message>
    <message>
        <source>e.g. what to change</source>
        <translation>e.g. what to change</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RevisitDialog</name>
    <message>
        <source>Record a revisit</source>
        <translation>Record a revisit</translation>
    </message>
    <message>
        <source>Record a revisit of the selected item.</source>
        <translation>Record a revisit of the selected item.</translation>
    </message>
    <message>
        <source>Record the same revisit for the {count} selected items.</source>
        <translation>Record the same revisit for the {count} selected items.</translation>
    </message>
    <message>
        <source>What was found on the revisit</source>
        <translation>What was found on the revisit</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>Revisit &amp;date</source>
        <translation>Revisit &amp;date</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Residents' &amp;satisfaction</source>
        <translation>Residents' &amp;satisfaction</translation>
    </message>
</context>
<context>
    <name>ScanReportDialog</name>
    <message>
        <source>Signed sheets</source>
        <translation>Signed sheets</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Not attached</translation>
    </message>
    <message>
        <source>Attached ({count})</source>
        <translation>Attached ({count})</translation>
    </message>
    <message>
        <source>Not attached ({count})</source>
        <translation>Not attached ({count})</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Copy both lists as text, e.g. to paste into notes.</source>
        <translation>Copy both lists as text, e.g. to paste into notes.</translation>
    </message>
    <message>
        <source>There were no files to look at.</source>
        <translation>There were no files to look at.</translation>
    </message>
    <message>
        <source>{attached} signed sheets attached to {records} consultations; {unmatched} files not attached.</source>
        <translation>{attached} signed sheets attached to {records} consultations; {unmatched} files not attached.</translation>
    </message>
    <message>
        <source>Stopped before all files were looked at; the sheets attached so far stay attached.</source>
        <translation>Stopped before all files were looked at; the sheets attached so far stay attached.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>From {low} to {high}</source>
        <translation>From {low} to {high}</translation>
    </message>
    <message>
        <source>Not installed on this computer</source>
        <translation>Not installed on this computer</translation>
    </message>
    <message>
        <source>Not installed on this computer: the bundled font {font} will be used.</source>
        <translation>Not installed on this computer: the bundled font {font} will be used.</translation>
    </message>
    <message>
        <source>Not installed on this computer: {font} will be used.</source>
        <translation>Not installed on this computer: {font} will be used.</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>Masking</translation>
    </message>
    <message>
        <source>What leaves the app for a higher level — submission packages, case documents, statistics — is masked as chosen here. Inside the app and on internal printouts everything shows in full.</source>
        <translation>What leaves the app for a higher level — submission packages, case documents, statistics — is masked as chosen here. Inside the app and on internal printouts everything shows in full.</translation>
    </message>
    <message>
        <source>Case writing</source>
        <translation>Case writing</translation>
    </message>
    <message>
        <source>Duty points</source>
        <translation>Duty points</translation>
    </message>
    <message>
        <source>The points table of members' duty records (委员履职): points for each session attended, hosted, speech, adopted suggestion and selected case. The defaults are 2 per hall session, 1 per micro-consultation, 2 per session hosted, 1 per speech, 2 per adopted suggestion, 3 / 5 / 10 per case selected by the district / city / province.</source>
        <translation>The points table of members' duty records (委员履职): points for each session attended, hosted, speech, adopted suggestion and selected case. The defaults are 2 per hall session, 1 per micro-consultation, 2 per session hosted, 1 per speech, 2 per adopted suggestion, 3 / 5 / 10 per case selected by the district / city / province.</translation>
    </message>
    <message>
        <source>Document fonts</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <source>The faces of printed sheets and exported documents, as the official document format (GB/T 9704) asks for. Choose from the list or type a font's name.</source>
        <translation>The faces of printed sheets and exported documents, as the official document format (GB/T 9704) asks for. Choose from the list or type a font's name.</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Discard changes</translation>
    </message>
    <message>
        <source>Show the saved settings again</source>
        <translation>Show the saved settings again</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the changes on every tab (Ctrl+S)</source>
        <translation>Save the changes on every tab (Ctrl+S)</translation>
    </message>
    <message>
        <source>Profile of the liaison group</source>
        <translation>Profile of the liaison group</translation>
    </message>
    <message>
        <source>The name and codes appear on printed sheets, in record numbers and in archive numbers.</source>
        <translation>The name and codes appear on printed sheets, in record numbers and in archive numbers.</translation>
    </message>
    <message>
        <source>Choose the liaison group whose records this database keeps, or “New liaison group…”, to see and edit its profile.</source>
        <translation>Choose the liaison group whose records this database keeps, or “New liaison group…”, to see and edit its profile.</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>The steps each new consultation's checklist starts with. Rename, reorder, add or remove steps to match your district's procedure. Records already kept keep their own checklist; new records copy the current list.</source>
        <translation>The steps each new consultation's checklist starts with. Rename, reorder, add or remove steps to match your district's procedure. Records already kept keep their own checklist; new records copy the current list.</translation>
    </message>
    <message>
        <source>Keys in a list: F2 renames, Insert adds, Delete removes, Ctrl+Up and Ctrl+Down move a step; steps can also be dragged.</source>
        <translation>Keys in a list: F2 renames, Insert adds, Delete removes, Ctrl+Up and Ctrl+Down move a step; steps can also be dragged.</translation>
    </message>
    <message>
        <source>Procedure checklists</source>
        <translation>Procedure checklists</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>A setting of this computer, not of the database. It is saved and applied at once: the window is shown again in the chosen language.</source>
        <translation>A setting of this computer, not of the database. It is saved and applied at once: the window is shown again in the chosen language.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Undo the changes not saved yet on every tab of the settings?</source>
        <translation>Undo the changes not saved yet on every tab of the settings?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Loading the settings…</source>
        <translation>Loading the settings…</translation>
    </message>
    <message>
        <source>Could not load the settings.</source>
        <translation>Could not load the settings.</translation>
    </message>
    <message>
        <source>Settings of this database and of this computer.</source>
        <translation>Settings of this database and of this computer.</translation>
    </message>
    <message>
        <source>(Not set)</source>
        <translation>(Not set)</translation>
    </message>
    <message>
        <source>New liaison group…</source>
        <translation>New liaison group…</translation>
    </message>
    <message>
        <source>Discard the changes to the profile of “{group}”?</source>
        <translation>Discard the changes to the profile of “{group}”?</translation>
    </message>
    <message>
        <source>the new liaison group</source>
        <translation>the new liaison group</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are as saved.</source>
        <translation>Nothing to save: the settings are as saved.</translation>
    </message>
    <message>
        <source>Not saved: please check the entries marked in red on “{tab}”.</source>
        <translation>Not saved: please check the entries marked in red on “{tab}”.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Unsaved changes on the tabs marked *. Save them with Ctrl+S.</source>
        <translation>Unsaved changes on the tabs marked *. Save them with Ctrl+S.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>The window is shown again in the new language. Save the changes on the other tabs first?</source>
        <translation>The window is shown again in the new language. Save the changes on the other tabs first?</translation>
    </message>
    <message>
        <source>Save and switch</source>
        <translation>Save and switch</translation>
    </message>
</context>
<context>
    <name>SheetMapping</name>
    <message>
        <source>Sheet “{name}”</source>
        <translation>Sheet “{name}”</translation>
    </message>
    <message>
        <source>Consultations (协商活动)</source>
        <translation>Consultations (协商活动)</translation>
    </message>
    <message>
        <source>Outcome items (意见建议)</source>
        <translation>Outcome items (意见建议)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>This sheet holds:</source>
        <translation>This sheet holds:</translation>
    </message>
    <message>
        <source>headings in row {row}</source>
        <translation>headings in row {row}</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Heading in the file</source>
        <translation>Heading in the file</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <source>Column {letter} imported as</source>
        <translation>Column {letter} imported as</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(not imported)</translation>
    </message>
</context>
<context>
    <name>SpeechesSection</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>What was said (Enter: new line, Tab: done)</source>
        <translation>What was said (Enter: new line, Tab: done)</translation>
    </message>
    <message>
        <source>Add &amp;speech</source>
        <translation>Add &amp;speech</translation>
    </message>
    <message>
        <source>Speeches</source>
        <translation>Speeches</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <source>Change status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Set the status of the selected item.</source>
        <translation>Set the status of the selected item.</translation>
    </message>
    <message>
        <source>Set the status of the {count} selected items at once.</source>
        <translation>Set the status of the {count} selected items at once.</translation>
    </message>
    <message>
        <source>Why the problem stays unsolved or was not adopted</source>
        <translation>Why the problem stays unsolved or was not adopted</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Resolved on</source>
        <translation>&amp;Resolved on</translation>
    </message>
    <message>
        <source>Reas&amp;on</source>
        <translation>Reas&amp;on</translation>
    </message>
    <message>
        <source>Required: why the problem stays unsolved</source>
        <translation>Required: why the problem stays unsolved</translation>
    </message>
    <message>
        <source>Optional: why it was not adopted</source>
        <translation>Optional: why it was not adopted</translation>
    </message>
</context>
<context>
    <name>SubmissionsPage</name>
    <message>
        <source>Search targets and file names</source>
        <translation>Search targets and file names</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>&amp;Record results…</source>
        <translation>&amp;Record results…</translation>
    </message>
    <message>
        <source>Selected, not selected or returned: each case of the submission (Enter)</source>
        <translation>Selected, not selected or returned: each case of the submission (Enter)</translation>
    </message>
    <message>
        <source>Submission &amp;package…</source>
        <translation>Submission &amp;package…</translation>
    </message>
    <message>
        <source>Export cases as a submission package</source>
        <translation>Export cases as a submission package</translation>
    </message>
    <message>
        <source>&amp;Check a package…</source>
        <translation>&amp;Check a package…</translation>
    </message>
    <message>
        <source>Check a submission package (ZIP) received or sent</source>
        <translation>Check a submission package (ZIP) received or sent</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>File checksum (SHA-256)</source>
        <translation>File checksum (SHA-256)</translation>
    </message>
    <message>
        <source>No package file was recorded for this submission.</source>
        <translation>No package file was recorded for this submission.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{count} submissions</source>
        <translation>{count} submissions</translation>
    </message>
    <message>
        <source>{count} submission</source>
        <translation>{count} submission</translation>
    </message>
    <message>
        <source>Cases and results</source>
        <translation>Cases and results</translation>
    </message>
    <message>
        <source>No cases recorded.</source>
        <translation>No cases recorded.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Case {id} (deleted for good)</source>
        <translation>Case {id} (deleted for good)</translation>
    </message>
    <message>
        <source>in the recycle bin</source>
        <translation>in the recycle bin</translation>
    </message>
    <message>
        <source>Several groups</source>
        <translation>Several groups</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>TextsSection</name>
    <message>
        <source>The course of the consultation</source>
        <translation>The course of the consultation</translation>
    </message>
    <message>
        <source>What was agreed (协商成果)</source>
        <translation>What was agreed (协商成果)</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>&amp;Consensus and outcome</source>
        <translation>&amp;Consensus and outcome</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check a submission package</source>
        <translation>Check a submission package</translation>
    </message>
    <message>
        <source>The package's ZIP file</source>
        <translation>The package's ZIP file</translation>
    </message>
    <message>
        <source>&amp;Package:</source>
        <translation>&amp;Package:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Choose a package (ZIP) and press Check: every file's checksum, nothing missing or unexpected, and package.json against the files.</source>
        <translation>Choose a package (ZIP) and press Check: every file's checksum, nothing missing or unexpected, and package.json against the files.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose a submission package</source>
        <translation>Choose a submission package</translation>
    </message>
    <message>
        <source>Submission packages (*.zip);;All files (*)</source>
        <translation>Submission packages (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>The check was cancelled.</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Earlier versions</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>Version {n} — {status}</source>
        <translation>Version {n} — {status}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Versions as they were submitted. They cannot be changed.</source>
        <translation>Versions as they were submitted. They cannot be changed.</translation>
    </message>
</context>
<context>
    <name>_Opening</name>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
</TS>