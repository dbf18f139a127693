<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
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
        <source>Liaison group</source>
        <translation>Liaison group</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
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
        <source>{attendance} attendances ({members} by members), {suggestions} suggestions, {solved} solved</source>
        <translation>{attendance} attendances ({members} by members), {suggestions} suggestions, {solved} solved</translation>
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
        <source>{year}, {group}: {count} need follow-up</source>
        <translation>{year}, {group}: {count} need follow-up</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>All groups</translation>
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
        <source>Submissions</source>
        <translation>Submissions</translation>
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
        <source>S&amp;ettings</source>
        <translation>S&amp;ettings</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
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
</context>
<context>
    <name>OutcomesPage</name>
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
        <source>{count} items, {overdue} overdue</source>
        <translation>{count} items, {overdue} overdue</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} items</translation>
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
        <source>&amp;Mask residents' phone numbers and ID numbers</source>
        <translation>&amp;Mask residents' phone numbers and ID numbers</translation>
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
        <source>This printout leaves the office, so the numbers are always masked.</source>
        <translation>This printout leaves the office, so the numbers are always masked.</translation>
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
        <source>phone and ID numbers masked</source>
        <translation>phone and ID numbers masked</translation>
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
        <source>{count} pages sent to {printer}.</source>
        <translation>{count} pages sent to {printer}.</translation>
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
        <source>Assignment slips go to the departments, so the numbers are always masked.</source>
        <translation>Assignment slips go to the departments, so the numbers are always masked.</translation>
    </message>
    <message>
        <source>This printout leaves the office, so the numbers are always masked.</source>
        <translation>This printout leaves the office, so the numbers are always masked.</translation>
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
        <source>No records match.</source>
        <translation>No records match.</translation>
    </message>
    <message>
        <source>Could not load the list.</source>
        <translation>Could not load the list.</translation>
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
</TS>