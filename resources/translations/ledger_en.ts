<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionItemTableModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>Reviewed at</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>The administrator signs in first and adds the other staff and grid workers later.</source>
        <translation>The administrator signs in first and adds the other staff and grid workers later.</translation>
    </message>
    <message>
        <source>At least 8 characters, with both letters and digits.</source>
        <translation>At least 8 characters, with both letters and digits.</translation>
    </message>
    <message>
        <source>&amp;Login name</source>
        <translation>&amp;Login name</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>&amp;Your name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <source>Enter a login name.</source>
        <translation>Enter a login name.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Enter your name.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Building the demo community…</source>
        <translation>Building the demo community…</translation>
    </message>
    <message>
        <source>Neighbourhood Ledger</source>
        <translation>Neighbourhood Ledger</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>This database is encrypted. User name:</source>
        <translation>This database is encrypted. User name:</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Password for %1:</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Cannot build the demo</source>
        <translation>Cannot build the demo</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>Apply return file</source>
        <translation>Apply return file</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Return file:</source>
        <translation>Return file:</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>Sync passphrase:</translation>
    </message>
    <message>
        <source>All changes are applied together, or none. Changes to the same field on both sides wait for your review.</source>
        <translation>All changes are applied together, or none. Changes to the same field on both sides wait for your review.</translation>
    </message>
</context>
<context>
    <name>AssistanceDialog</name>
    <message>
        <source>Record assistance</source>
        <translation>Record assistance</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Items / service</source>
        <translation>Items / service</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
</context>
<context>
    <name>AssistanceTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Items / service</source>
        <translation>Items / service</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
</context>
<context>
    <name>AttachmentListModel</name>
    <message>
        <source> · tick to print it in the monthly report and the record PDF</source>
        <translation> · tick to print it in the monthly report and the record PDF</translation>
    </message>
    <message>
        <source>%1 · %2 · not saved yet</source>
        <translation>%1 · %2 · not saved yet</translation>
    </message>
    <message>
        <source>%1 · %2%3
Added by %4 on %5</source>
        <translation>%1 · %2%3
Added by %4 on %5</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Paste image</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Shrink photos (longest side %1 px)</source>
        <translation>Shrink photos (longest side %1 px)</translation>
    </message>
    <message>
        <source>Phone photos are several MB; shrunk they stay sharp on screen and in print.</source>
        <translation>Phone photos are several MB; shrunk they stay sharp on screen and in print.</translation>
    </message>
    <message>
        <source>Drop files or photos here, or paste an image (Ctrl+V).</source>
        <translation>Drop files or photos here, or paste an image (Ctrl+V).</translation>
    </message>
    <message>
        <source>These files may be scans of ID documents showing full ID numbers. Your account may not view full personal data, so only the thumbnails are shown. Ask an administrator if you need the original.</source>
        <translation>These files may be scans of ID documents showing full ID numbers. Your account may not view full personal data, so only the thumbnails are shown. Ask an administrator if you need the original.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)</source>
        <translation>Photos and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>Pasted image %1.png</source>
        <translation>Pasted image %1.png</translation>
    </message>
    <message>
        <source>The clipboard holds no image or file to attach.</source>
        <translation>The clipboard holds no image or file to attach.</translation>
    </message>
    <message>
        <source>Checking files…</source>
        <translation>Checking files…</translation>
    </message>
    <message>
        <source>Another record was opened; add the files again.</source>
        <translation>Another record was opened; add the files again.</translation>
    </message>
    <message>
        <source>“%1” is already in the list.</source>
        <translation>“%1” is already in the list.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Record id</source>
        <translation>Record id</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Only administrators and auditors can read the audit trail.</source>
        <translation>Only administrators and auditors can read the audit trail.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with:</source>
        <translation>The audit trail has been tampered with:</translation>
    </message>
    <message>
        <source>Audit chain intact</source>
        <translation>Audit chain intact</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Viewed full data</source>
        <translation>Viewed full data</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Sign-in refused (locked)</source>
        <translation>Sign-in refused (locked)</translation>
    </message>
    <message>
        <source>Encrypted the database</source>
        <translation>Encrypted the database</translation>
    </message>
    <message>
        <source>Exported a roster</source>
        <translation>Exported a roster</translation>
    </message>
    <message>
        <source>Applied a field-laptop return file</source>
        <translation>Applied a field-laptop return file</translation>
    </message>
    <message>
        <source>Purged unused attachments</source>
        <translation>Purged unused attachments</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Resident changes</source>
        <translation>Resident changes</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Users&apos; grids</source>
        <translation>Users&apos; grids</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Residents met</source>
        <translation>Residents met</translation>
    </message>
    <message>
        <source>Needs raised in visits</source>
        <translation>Needs raised in visits</translation>
    </message>
    <message>
        <source>Visit types</source>
        <translation>Visit types</translation>
    </message>
    <message>
        <source>Visit rules</source>
        <translation>Visit rules</translation>
    </message>
    <message>
        <source>Household flags</source>
        <translation>Household flags</translation>
    </message>
    <message>
        <source>Hardship categories</source>
        <translation>Hardship categories</translation>
    </message>
    <message>
        <source>Hardship enrolments</source>
        <translation>Hardship enrolments</translation>
    </message>
    <message>
        <source>Hardship changes</source>
        <translation>Hardship changes</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Meeting attendees</source>
        <translation>Meeting attendees</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Action item notes</source>
        <translation>Action item notes</translation>
    </message>
    <message>
        <source>Needs and suggestions</source>
        <translation>Needs and suggestions</translation>
    </message>
    <message>
        <source>Need steps</source>
        <translation>Need steps</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>Service items</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Attachment files</source>
        <translation>Attachment files</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Backups are kept in the folder %1.</source>
        <translation>Backups are kept in the folder %1.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
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
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Encrypt this database…</source>
        <translation>Encrypt this database…</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Backup failed: %1</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Backup written: %1</translation>
    </message>
    <message>
        <source>Restore the backup of %1?

The current database is backed up first (kind &quot;before&quot;), so this can be undone by restoring that copy. The ledger closes, the backup replaces it, and you sign in again. Changes made after %1 will no longer be in the ledger.</source>
        <translation>Restore the backup of %1?

The current database is backed up first (kind &quot;before&quot;), so this can be undone by restoring that copy. The ledger closes, the backup replaces it, and you sign in again. Changes made after %1 will no longer be in the ledger.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>Encrypt this database</translation>
    </message>
    <message>
        <source>Your password (%1):</source>
        <translation>Your password (%1):</translation>
    </message>
    <message>
        <source>Encrypt the database file so it cannot be read without a password?

After encryption every user needs their password (or the recovery key) to open it; users other than you can open it once the administrator has set their password again. Older unencrypted backups are deleted. You will see a recovery key once: print it and keep it safe.</source>
        <translation>Encrypt the database file so it cannot be read without a password?

After encryption every user needs their password (or the recovery key) to open it; users other than you can open it once the administrator has set their password again. Older unencrypted backups are deleted. You will see a recovery key once: print it and keep it safe.</translation>
    </message>
    <message>
        <source>Cannot encrypt: %1</source>
        <translation>Cannot encrypt: %1</translation>
    </message>
    <message>
        <source>The database is now encrypted.</source>
        <translation>The database is now encrypted.</translation>
    </message>
</context>
<context>
    <name>CategoryListModel</name>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Check out to a field laptop</source>
        <translation>Check out to a field laptop</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>e.g. Grid 1 laptop</source>
        <translation>e.g. Grid 1 laptop</translation>
    </message>
    <message>
        <source>user name of the grid worker (optional)</source>
        <translation>user name of the grid worker (optional)</translation>
    </message>
    <message>
        <source>Grids:</source>
        <translation>Grids:</translation>
    </message>
    <message>
        <source>Laptop name:</source>
        <translation>Laptop name:</translation>
    </message>
    <message>
        <source>Grid worker:</source>
        <translation>Grid worker:</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>Sync passphrase:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <source>The file is encrypted with the passphrase. Tell it to the grid worker in person, not on the USB stick.</source>
        <translation>The file is encrypted with the passphrase. Tell it to the grid worker in person, not on the USB stick.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Checked out %1 households and %2 residents to %3.</source>
        <translation>Checked out %1 households and %2 residents to %3.</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Cannot save</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <source>Your community</source>
        <translation>Your community</translation>
    </message>
    <message>
        <source>Welcome to Neighbourhood Ledger. These names appear on rosters and reports.</source>
        <translation>Welcome to Neighbourhood Ledger. These names appear on rosters and reports.</translation>
    </message>
    <message>
        <source>e.g. Sunshine Community</source>
        <translation>e.g. Sunshine Community</translation>
    </message>
    <message>
        <source>e.g. Xinhua Street Office</source>
        <translation>e.g. Xinhua Street Office</translation>
    </message>
    <message>
        <source>&amp;Community name</source>
        <translation>&amp;Community name</translation>
    </message>
    <message>
        <source>&amp;Street office</source>
        <translation>&amp;Street office</translation>
    </message>
    <message>
        <source>Field laptop? &amp;Open a check-out file from the office…</source>
        <translation>Field laptop? &amp;Open a check-out file from the office…</translation>
    </message>
    <message>
        <source>Enter the name of the community.</source>
        <translation>Enter the name of the community.</translation>
    </message>
</context>
<context>
    <name>ConflictReviewPage</name>
    <message>
        <source>Show resolved conflicts</source>
        <translation>Show resolved conflicts</translation>
    </message>
    <message>
        <source>Use the &amp;laptop value</source>
        <translation>Use the &amp;laptop value</translation>
    </message>
    <message>
        <source>Keep the &amp;office value</source>
        <translation>Keep the &amp;office value</translation>
    </message>
    <message>
        <source>%1 conflicts to review. For each, choose which value to keep; the other stays on record.</source>
        <translation>%1 conflicts to review. For each, choose which value to keep; the other stays on record.</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>Cannot resolve</source>
        <translation>Cannot resolve</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>At check-out</source>
        <translation>At check-out</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>laptop</translation>
    </message>
    <message>
        <source>office</source>
        <translation>office</translation>
    </message>
    <message>
        <source>Kept the %1 value</source>
        <translation>Kept the %1 value</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Migrant residents</source>
        <translation>Migrant residents</translation>
    </message>
    <message>
        <source>Reviews due this month</source>
        <translation>Reviews due this month</translation>
    </message>
    <message>
        <source>Visits overdue</source>
        <translation>Visits overdue</translation>
    </message>
    <message>
        <source>Visits due this week</source>
        <translation>Visits due this week</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <source>Overdue action items</source>
        <translation>Overdue action items</translation>
    </message>
    <message>
        <source>Persons per hardship category</source>
        <translation>Persons per hardship category</translation>
    </message>
    <message>
        <source>None enrolled</source>
        <translation>None enrolled</translation>
    </message>
    <message>
        <source>Visits done per month</source>
        <translation>Visits done per month</translation>
    </message>
    <message>
        <source>No visits</source>
        <translation>No visits</translation>
    </message>
    <message>
        <source>Visits due per grid</source>
        <translation>Visits due per grid</translation>
    </message>
    <message>
        <source>Nothing due or overdue</source>
        <translation>Nothing due or overdue</translation>
    </message>
    <message>
        <source>Click to open the list</source>
        <translation>Click to open the list</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>Moved away: %1</source>
        <translation>Moved away: %1</translation>
    </message>
    <message>
        <source>%1 stays on record as moved away and is no longer counted.</source>
        <translation>%1 stays on record as moved away and is no longer counted.</translation>
    </message>
    <message>
        <source>Record death: %1</source>
        <translation>Record death: %1</translation>
    </message>
    <message>
        <source>%1 stays on record as deceased and is no longer counted.</source>
        <translation>%1 stays on record as deceased and is no longer counted.</translation>
    </message>
    <message>
        <source>e.g. moved to another city</source>
        <translation>e.g. moved to another city</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Their open person-level hardship enrolments (disability, extreme poverty …) end on the same date.</source>
        <translation>Their open person-level hardship enrolments (disability, extreme poverty …) end on the same date.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>New hardship enrolment</source>
        <translation>New hardship enrolment</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Name, ID number tail, phone or address</source>
        <translation>Name, ID number tail, phone or address</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Household or person</source>
        <translation>Household or person</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Already enrolled (from a paper roster)</source>
        <translation>Already enrolled (from a paper roster)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>Persons covered</source>
        <translation>Persons covered</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>Monthly amount (yuan)</translation>
    </message>
    <message>
        <source>Start month</source>
        <translation>Start month</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Support mode</source>
        <translation>Support mode</translation>
    </message>
    <message>
        <source>Family type</source>
        <translation>Family type</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>Household: %1</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Nobody found.</translation>
    </message>
</context>
<context>
    <name>EnrolmentDetail</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Assistance</source>
        <translation>Assistance</translation>
    </message>
    <message>
        <source>Scans and photos</source>
        <translation>Scans and photos</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Annual review…</source>
        <translation>Annual review…</translation>
    </message>
    <message>
        <source>Record assistance…</source>
        <translation>Record assistance…</translation>
    </message>
    <message>
        <source>Select an enrolment to see its history.</source>
        <translation>Select an enrolment to see its history.</translation>
    </message>
    <message>
        <source>%1 — %2, born %3: on the list by age (no enrolment needed).</source>
        <translation>%1 — %2, born %3: on the list by age (no enrolment needed).</translation>
    </message>
    <message>
        <source>Status: %1 since %2</source>
        <translation>Status: %1 since %2</translation>
    </message>
    <message>
        <source>Monthly amount: %1 yuan</source>
        <translation>Monthly amount: %1 yuan</translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation>Next review: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Documents: %1</source>
        <translation>Documents: %1</translation>
    </message>
</context>
<context>
    <name>EnrolmentTableModel</name>
    <message>
        <source>Derived (age)</source>
        <translation>Derived (age)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Persons covered</source>
        <translation>Persons covered</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>Monthly amount (yuan)</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>ExcelModels</name>
    <message>
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Problems / notes</source>
        <translation>Problems / notes</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export roster to Excel</source>
        <translation>Export roster to Excel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Full ID numbers and phone numbers (recorded in the audit log)</source>
        <translation>Full ID numbers and phone numbers (recorded in the audit log)</translation>
    </message>
    <message>
        <source>Your role may only export masked numbers.</source>
        <translation>Your role may only export masked numbers.</translation>
    </message>
    <message>
        <source>ID numbers and phones are masked unless you choose full numbers.</source>
        <translation>ID numbers and phones are masked unless you choose full numbers.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Roster:</source>
        <translation>Roster:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save roster</source>
        <translation>Save roster</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>Exported {0} rows to {1}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>Choose the spreadsheet</translation>
    </message>
    <message>
        <source>An .xlsx, .xls or .csv file with one resident per row. Title rows above the header are fine.</source>
        <translation>An .xlsx, .xls or .csv file with one resident per row. Title rows above the header are fine.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Open spreadsheet</source>
        <translation>Open spreadsheet</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <source>Reading stopped.</source>
        <translation>Reading stopped.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <source>This ledger has no accounts yet. Create the administrator account: the administrator adds the other staff and grid workers later.</source>
        <translation>This ledger has no accounts yet. Create the administrator account: the administrator adds the other staff and grid workers later.</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>At least 8 characters, with both letters and digits.</source>
        <translation>At least 8 characters, with both letters and digits.</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Neighbourhood Ledger</source>
        <translation>Set up Neighbourhood Ledger</translation>
    </message>
</context>
<context>
    <name>GetStartedPanel</name>
    <message>
        <source>Get started</source>
        <translation>Get started</translation>
    </message>
    <message>
        <source>1. Add grids and buildings…</source>
        <translation>1. Add grids and buildings…</translation>
    </message>
    <message>
        <source>2. Import residents from an Excel roster… (Ctrl+I)</source>
        <translation>2. Import residents from an Excel roster… (Ctrl+I)</translation>
    </message>
    <message>
        <source>The ledger is empty. First add the community&apos;s grids with their buildings, then bring in the residents: import the Excel roster you keep today, or add households by hand on the Registry page. Help → User guide (F1) explains each step.</source>
        <translation>The ledger is empty. First add the community&apos;s grids with their buildings, then bring in the residents: import the Excel roster you keep today, or add households by hand on the Registry page. Help → User guide (F1) explains each step.</translation>
    </message>
    <message>
        <source>%1 grid(s) added. Now import the residents from an Excel roster, or add households on the Registry page.</source>
        <translation>%1 grid(s) added. Now import the residents from an Excel roster, or add households on the Registry page.</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <source>Add a grid</source>
        <translation>Add a grid</translation>
    </message>
    <message>
        <source>e.g. Grid 1</source>
        <translation>e.g. Grid 1</translation>
    </message>
    <message>
        <source>e.g. Building 1, Building 2, Building 3</source>
        <translation>e.g. Building 1, Building 2, Building 3</translation>
    </message>
    <message>
        <source>Grid &amp;name</source>
        <translation>Grid &amp;name</translation>
    </message>
    <message>
        <source>Grid &amp;worker</source>
        <translation>Grid &amp;worker</translation>
    </message>
    <message>
        <source>Worker&apos;s &amp;phone</source>
        <translation>Worker&apos;s &amp;phone</translation>
    </message>
    <message>
        <source>&amp;Buildings</source>
        <translation>&amp;Buildings</translation>
    </message>
    <message>
        <source>Separate building names with commas. More can be added later by importing a roster.</source>
        <translation>Separate building names with commas. More can be added later by importing a roster.</translation>
    </message>
    <message>
        <source>Add grid %1</source>
        <translation>Add grid %1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>The user guide was not found: %1</source>
        <translation>The user guide was not found: %1</translation>
    </message>
</context>
<context>
    <name>HardshipPage</name>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Any review date</source>
        <translation>Any review date</translation>
    </message>
    <message>
        <source>Review due within 30 days</source>
        <translation>Review due within 30 days</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New enrolment…</source>
        <translation>New enrolment…</translation>
    </message>
    <message>
        <source>Show due</source>
        <translation>Show due</translation>
    </message>
    <message>
        <source>Show overdue</source>
        <translation>Show overdue</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
    <message>
        <source>Reviews due within 30 days: %1 · Overdue: %2</source>
        <translation>Reviews due within 30 days: %1 · Overdue: %2</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>e.g. 2 (leave empty if none)</source>
        <translation>e.g. 2 (leave empty if none)</translation>
    </message>
    <message>
        <source>e.g. 301</source>
        <translation>e.g. 301</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>Unit (room)</source>
        <translation>Unit (room)</translation>
    </message>
    <message>
        <source>Housing type</source>
        <translation>Housing type</translation>
    </message>
    <message>
        <source>Registered elsewhere / living elsewhere</source>
        <translation>Registered elsewhere / living elsewhere</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HouseholdEnrolmentsWidget</name>
    <message>
        <source>Add to a list…</source>
        <translation>Add to a list…</translation>
    </message>
</context>
<context>
    <name>HouseholdFlagsDialog</name>
    <message>
        <source>Household flags</source>
        <translation>Household flags</translation>
    </message>
    <message>
        <source>A flag puts the household in a group that a visit rule can use (for example close attention every 14 days).</source>
        <translation>A flag puts the household in a group that a visit rule can use (for example close attention every 14 days).</translation>
    </message>
    <message>
        <source>New flag, e.g. close attention</source>
        <translation>New flag, e.g. close attention</translation>
    </message>
    <message>
        <source>Add flag</source>
        <translation>Add flag</translation>
    </message>
</context>
<context>
    <name>HouseholdMembersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Residence type</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>HouseholdView</name>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>Grid:</translation>
    </message>
    <message>
        <source>Head of household:</source>
        <translation>Head of household:</translation>
    </message>
    <message>
        <source>Housing type:</source>
        <translation>Housing type:</translation>
    </message>
    <message>
        <source>Registered elsewhere / living elsewhere:</source>
        <translation>Registered elsewhere / living elsewhere:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Flags…</source>
        <translation>Flags…</translation>
    </message>
    <message>
        <source>Set or clear manual flags (e.g. close attention) that visit rules use</source>
        <translation>Set or clear manual flags (e.g. close attention) that visit rules use</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Flags:</translation>
    </message>
    <message>
        <source>Member / date</source>
        <translation>Member / date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Hardship lists</source>
        <translation>Hardship lists</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(no head)</source>
        <translation>(no head)</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import residents from Excel</source>
        <translation>Import residents from Excel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in to the ledger %1</source>
        <translation>Sign in to the ledger %1</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Enter the recovery key.</source>
        <translation>Enter the recovery key.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Neighbourhood Ledger — %1</source>
        <translation>Neighbourhood Ledger — %1</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Export roster (Excel)</source>
        <translation>&amp;Export roster (Excel)</translation>
    </message>
    <message>
        <source>&amp;Roster builder (templates)…</source>
        <translation>&amp;Roster builder (templates)…</translation>
    </message>
    <message>
        <source>&amp;Import roster (Excel)…</source>
        <translation>&amp;Import roster (Excel)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>&amp;Residents</source>
        <translation>&amp;Residents</translation>
    </message>
    <message>
        <source>New &amp;household…</source>
        <translation>New &amp;household…</translation>
    </message>
    <message>
        <source>&amp;New resident…</source>
        <translation>&amp;New resident…</translation>
    </message>
    <message>
        <source>&amp;Edit resident…</source>
        <translation>&amp;Edit resident…</translation>
    </message>
    <message>
        <source>&amp;Move to another household…</source>
        <translation>&amp;Move to another household…</translation>
    </message>
    <message>
        <source>Moved &amp;away…</source>
        <translation>Moved &amp;away…</translation>
    </message>
    <message>
        <source>Record &amp;death…</source>
        <translation>Record &amp;death…</translation>
    </message>
    <message>
        <source>&amp;Split household…</source>
        <translation>&amp;Split household…</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>Audit &amp;trail…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Backups…</translation>
    </message>
    <message>
        <source>Clean up unused &amp;attachments…</source>
        <translation>Clean up unused &amp;attachments…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Show &amp;full ID numbers</source>
        <translation>Show &amp;full ID numbers</translation>
    </message>
    <message>
        <source>Export &amp;residents roster…</source>
        <translation>Export &amp;residents roster…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>R&amp;egistry</source>
        <translation>R&amp;egistry</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Visits</translation>
    </message>
    <message>
        <source>H&amp;ardship</source>
        <translation>H&amp;ardship</translation>
    </message>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Meetings</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>Re&amp;ports</translation>
    </message>
    <message>
        <source>Record a &amp;visit…</source>
        <translation>Record a &amp;visit…</translation>
    </message>
    <message>
        <source>New &amp;meeting…</source>
        <translation>New &amp;meeting…</translation>
    </message>
    <message>
        <source>New hardship &amp;enrolment…</source>
        <translation>New hardship &amp;enrolment…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>%1 households · %2 residents · %3 shown</source>
        <translation>%1 households · %2 residents · %3 shown</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>Select a household in the tree first.</source>
        <translation>Select a household in the tree first.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Restore finished</source>
        <translation>Restore finished</translation>
    </message>
    <message>
        <source>The database was restored. Please sign in again.</source>
        <translation>The database was restored. Please sign in again.</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <source>The database was encrypted. Please sign in again.</source>
        <translation>The database was encrypted. Please sign in again.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>The new language is used the next time the program starts.</source>
        <translation>The new language is used the next time the program starts.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Not allowed</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Match the columns</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Skip them</translation>
    </message>
    <message>
        <source>Update them from the file</source>
        <translation>Update them from the file</translation>
    </message>
    <message>
        <source>Remember these choices for next time</source>
        <translation>Remember these choices for next time</translation>
    </message>
    <message>
        <source>Grid of new buildings:</source>
        <translation>Grid of new buildings:</translation>
    </message>
    <message>
        <source>People already registered (same ID number):</source>
        <translation>People already registered (same ID number):</translation>
    </message>
    <message>
        <source>Header found on row {0}; {1} data rows. Correct any column the program matched wrongly.</source>
        <translation>Header found on row {0}; {1} data rows. Correct any column the program matched wrongly.</translation>
    </message>
    <message>
        <source>(use the grid column / existing buildings)</source>
        <translation>(use the grid column / existing buildings)</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>New meeting</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Edit meeting</source>
        <translation>Edit meeting</translation>
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
        <source>counted from attendees</source>
        <translation>counted from attendees</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Date, from, to</source>
        <translation>Date, from, to</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Host, recorder</source>
        <translation>Host, recorder</translation>
    </message>
    <message>
        <source>Expected, present</source>
        <translation>Expected, present</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>Open questions</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Outside unit</source>
        <translation>Outside unit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Unit / post</source>
        <translation>Unit / post</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>Add attendee</translation>
    </message>
    <message>
        <source>Remove attendee</source>
        <translation>Remove attendee</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Agenda and decisions</source>
        <translation>Agenda and decisions</translation>
    </message>
    <message>
        <source>Signed minutes and photos</source>
        <translation>Signed minutes and photos</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>New agenda item</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Remove agenda item</translation>
    </message>
    <message>
        <source>for</source>
        <translation>for</translation>
    </message>
    <message>
        <source>against</source>
        <translation>against</translation>
    </message>
    <message>
        <source>abstain</source>
        <translation>abstain</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>Due (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>Add action item</translation>
    </message>
    <message>
        <source>Remove action item</source>
        <translation>Remove action item</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Present / expected</source>
        <translation>Present / expected</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Open action items</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>Needs and suggestions</source>
        <translation>Needs and suggestions</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>Service items</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Search title, place, host</source>
        <translation>Search title, place, host</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>New meeting…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Export minutes PDF…</source>
        <translation>Export minutes PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>The selected meeting&apos;s minutes as they will print.</source>
        <translation>The selected meeting&apos;s minutes as they will print.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>Mark in progress</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Add progress note…</source>
        <translation>Add progress note…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Record step…</source>
        <translation>Record step…</translation>
    </message>
    <message>
        <source>Overdue action items: %1</source>
        <translation>Overdue action items: %1</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>Delete this meeting with its agenda and action items?</source>
        <translation>Delete this meeting with its agenda and action items?</translation>
    </message>
    <message>
        <source>Export minutes</source>
        <translation>Export minutes</translation>
    </message>
    <message>
        <source>Select a meeting first.</source>
        <translation>Select a meeting first.</translation>
    </message>
    <message>
        <source>Export minutes PDF</source>
        <translation>Export minutes PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the minutes…</source>
        <translation>Writing the minutes…</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>Progress today:</source>
        <translation>Progress today:</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation>Move %1</translation>
    </message>
    <message>
        <source>Now in:</source>
        <translation>Now in:</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Target household</source>
        <translation>Target household</translation>
    </message>
    <message>
        <source>Relation to new head</source>
        <translation>Relation to new head</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
</context>
<context>
    <name>NeedEditor</name>
    <message>
        <source>New need or suggestion</source>
        <translation>New need or suggestion</translation>
    </message>
    <message>
        <source>Edit need or suggestion</source>
        <translation>Edit need or suggestion</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
</context>
<context>
    <name>NeedStepDialog</name>
    <message>
        <source>Record handling step</source>
        <translation>Record handling step</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>Satisfaction (follow-up)</source>
        <translation>Satisfaction (follow-up)</translation>
    </message>
</context>
<context>
    <name>NeedTableModel</name>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
</context>
<context>
    <name>OpenCheckoutDialog</name>
    <message>
        <source>Open check-out file</source>
        <translation>Open check-out file</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>optional: encrypts the data for this account</source>
        <translation>optional: encrypts the data for this account</translation>
    </message>
    <message>
        <source>Check-out file:</source>
        <translation>Check-out file:</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>Sync passphrase:</translation>
    </message>
    <message>
        <source>Keep working data in:</source>
        <translation>Keep working data in:</translation>
    </message>
    <message>
        <source>Grid worker:</source>
        <translation>Grid worker:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Use the file and passphrase you were given at the office. Work offline, then write a return file from the Field laptops menu.</source>
        <translation>Use the file and passphrase you were given at the office. Work offline, then write a return file from the Field laptops menu.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose the check-out file.</source>
        <translation>Choose the check-out file.</translation>
    </message>
    <message>
        <source>Choose where to keep the working data.</source>
        <translation>Choose where to keep the working data.</translation>
    </message>
    <message>
        <source>The working data is ready: %1. Close this window to sign in.</source>
        <translation>The working data is ready: %1. Close this window to sign in.</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where the ledger is kept</source>
        <translation>Where the ledger is kept</translation>
    </message>
    <message>
        <source>Keep the database on this computer&apos;s own disk, not on a network share.</source>
        <translation>Keep the database on this computer&apos;s own disk, not on a network share.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Office PC: the committee&apos;s main computer</source>
        <translation>&amp;Office PC: the committee&apos;s main computer</translation>
    </message>
    <message>
        <source>&amp;Field laptop: taken along on visits</source>
        <translation>&amp;Field laptop: taken along on visits</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>This computer is</source>
        <translation>This computer is</translation>
    </message>
    <message>
        <source>Open a check-out file from the office instead…</source>
        <translation>Open a check-out file from the office instead…</translation>
    </message>
    <message>
        <source>Ledger database (*.db)</source>
        <translation>Ledger database (*.db)</translation>
    </message>
    <message>
        <source>Choose where to keep the database.</source>
        <translation>Choose where to keep the database.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another file name, or open it with --db.</source>
        <translation>%1 already exists. Choose another file name, or open it with --db.</translation>
    </message>
    <message>
        <source>This folder is on a network share. Choose a folder on this computer.</source>
        <translation>This folder is on a network share. Choose a folder on this computer.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>Check the rows</translation>
    </message>
    <message>
        <source>Show only rows with errors</source>
        <translation>Show only rows with errors</translation>
    </message>
    <message>
        <source>Save error rows to Excel…</source>
        <translation>Save error rows to Excel…</translation>
    </message>
    <message>
        <source>Stop checking</source>
        <translation>Stop checking</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>Checking stopped.</source>
        <translation>Checking stopped.</translation>
    </message>
    <message>
        <source>. Rows with errors are not imported; save them, fix them and import them again.</source>
        <translation>. Rows with errors are not imported; save them, fix them and import them again.</translation>
    </message>
    <message>
        <source>Save error rows</source>
        <translation>Save error rows</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Clean up unused attachments</source>
        <translation>Clean up unused attachments</translation>
    </message>
    <message>
        <source>Removed attachments stay stored so that Undo works. This deletes for good the files no record has used for the chosen number of days; their space is reused for new files and later backups are smaller. Backups made before keep these files; make a backup first if unsure.</source>
        <translation>Removed attachments stay stored so that Undo works. This deletes for good the files no record has used for the chosen number of days; their space is reused for new files and later backups are smaller. Backups made before keep these files; make a backup first if unsure.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Unused for at least</source>
        <translation>Unused for at least</translation>
    </message>
    <message>
        <source>%1 files (%2) would be freed.</source>
        <translation>%1 files (%2) would be freed.</translation>
    </message>
    <message>
        <source>%1 files (%2) were purged.</source>
        <translation>%1 files (%2) were purged.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>This is the recovery key of the encrypted database. It is shown only now. Print it or write it down and keep it locked away (the director keeps it). Without it, a forgotten password or a lost key file means the data cannot be opened by anyone.</source>
        <translation>This is the recovery key of the encrypted database. It is shown only now. Print it or write it down and keep it locked away (the director keeps it). Without it, a forgotten password or a lost key file means the data cannot be opened by anyone.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>I have printed or written down the recovery key</translation>
    </message>
    <message>
        <source>Recovery key of the ledger database</source>
        <translation>Recovery key of the ledger database</translation>
    </message>
    <message>
        <source>Keep this sheet locked away. Anyone holding it can open the database.</source>
        <translation>Keep this sheet locked away. Anyone holding it can open the database.</translation>
    </message>
</context>
<context>
    <name>RefreshDialog</name>
    <message>
        <source>Refresh from a new check-out</source>
        <translation>Refresh from a new check-out</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Check-out file:</source>
        <translation>Check-out file:</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>Sync passphrase:</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>Your password:</translation>
    </message>
    <message>
        <source>%1 changes not yet applied at the office will be kept and sent with the next return file.</source>
        <translation>%1 changes not yet applied at the office will be kept and sent with the next return file.</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Whole community</source>
        <translation>Whole community</translation>
    </message>
    <message>
        <source>%1 — %2 residents</source>
        <translation>%1 — %2 residents</translation>
    </message>
</context>
<context>
    <name>RegistryTreeModel</name>
    <message>
        <source>(no head)</source>
        <translation>(no head)</translation>
    </message>
    <message>
        <source>%1 %2 (%3 people)</source>
        <translation>%1 %2 (%3 people)</translation>
    </message>
    <message>
        <source>Grid worker: %1</source>
        <translation>Grid worker: %1</translation>
    </message>
    <message>
        <source>Grids, buildings and households</source>
        <translation>Grids, buildings and households</translation>
    </message>
</context>
<context>
    <name>ReportPrinting</name>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>The PDF could not be read: %1</source>
        <translation>The PDF could not be read: %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Choose a month and a scope, then Generate.</source>
        <translation>Choose a month and a scope, then Generate.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Whole community</source>
        <translation>Whole community</translation>
    </message>
    <message>
        <source>Generating the monthly report…</source>
        <translation>Generating the monthly report…</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Report ready: %1</source>
        <translation>Report ready: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The report could not be generated: %1</source>
        <translation>The report could not be generated: %1</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>Monthly report</translation>
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
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>Edit resident</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>New resident</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>Household: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>Ethnic group</translation>
    </message>
    <message>
        <source>Residence type</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <source>Residence permit from</source>
        <translation>Residence permit from</translation>
    </message>
    <message>
        <source>Residence permit until</source>
        <translation>Residence permit until</translation>
    </message>
    <message>
        <source>Place of household registration</source>
        <translation>Place of household registration</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>e.g. 1985-03-01</source>
        <translation>e.g. 1985-03-01</translation>
    </message>
    <message>
        <source>18 characters; fills sex and date of birth</source>
        <translation>18 characters; fills sex and date of birth</translation>
    </message>
    <message>
        <source>mobile or landline, e.g. 0531-88888888</source>
        <translation>mobile or landline, e.g. 0531-88888888</translation>
    </message>
    <message>
        <source>migrants only</source>
        <translation>migrants only</translation>
    </message>
    <message>
        <source>Masked for your role. Type the whole new number to replace it.</source>
        <translation>Masked for your role. Type the whole new number to replace it.</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <source>Residence type</source>
        <translation>Residence type</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Old 15-digit ID number</source>
        <translation>Old 15-digit ID number</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Write return file</source>
        <translation>Write return file</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <source>Sync passphrase:</source>
        <translation>Sync passphrase:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <source>%1 changes not yet returned to the office.</source>
        <translation>%1 changes not yet returned to the office.</translation>
    </message>
    <message>
        <source>%1 attachments added here go with it.</source>
        <translation>%1 attachments added here go with it.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Return file no. %1 with %2 changes written and verified: %3. Keep this laptop&apos;s data until the office has applied it.</source>
        <translation>Return file no. %1 with %2 changes written and verified: %3. Keep this laptop&apos;s data until the office has applied it.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Annual review</source>
        <translation>Annual review</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Leave empty to keep</source>
        <translation>Leave empty to keep</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>Monthly amount (yuan)</translation>
    </message>
    <message>
        <source>Set next review date</source>
        <translation>Set next review date</translation>
    </message>
</context>
<context>
    <name>RosterBuilderDialog</name>
    <message>
        <source>Roster builder</source>
        <translation>Roster builder</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Run…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Import template file…</source>
        <translation>Import template file…</translation>
    </message>
    <message>
        <source>Export template file…</source>
        <translation>Export template file…</translation>
    </message>
    <message>
        <source>Templates (double-click to run):</source>
        <translation>Templates (double-click to run):</translation>
    </message>
    <message>
        <source>Preview first rows</source>
        <translation>Preview first rows</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Full ID numbers and phone numbers (recorded in the audit log)</source>
        <translation>Full ID numbers and phone numbers (recorded in the audit log)</translation>
    </message>
    <message>
        <source>Export (Excel or PDF)…</source>
        <translation>Export (Excel or PDF)…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>ID numbers and phones are masked unless you choose full numbers.</source>
        <translation>ID numbers and phones are masked unless you choose full numbers.</translation>
    </message>
    <message>
        <source> (built-in)</source>
        <translation> (built-in)</translation>
    </message>
    <message>
        <source>New roster</source>
        <translation>New roster</translation>
    </message>
    <message>
        <source>Template “{0}” saved.</source>
        <translation>Template “{0}” saved.</translation>
    </message>
    <message>
        <source>Showing the first {0} rows.</source>
        <translation>Showing the first {0} rows.</translation>
    </message>
    <message>
        <source>Import roster template</source>
        <translation>Import roster template</translation>
    </message>
    <message>
        <source>Roster template (*.json)</source>
        <translation>Roster template (*.json)</translation>
    </message>
    <message>
        <source>Imported template “{0}”.</source>
        <translation>Imported template “{0}”.</translation>
    </message>
    <message>
        <source>Export roster template</source>
        <translation>Export roster template</translation>
    </message>
    <message>
        <source>Template written to {0}</source>
        <translation>Template written to {0}</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel workbook (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>Exported {0} rows to {1}</translation>
    </message>
</context>
<context>
    <name>RosterModels</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Printed header</source>
        <translation>Printed header</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Writing {0} rows in one step; Cancel leaves the ledger unchanged.</source>
        <translation>Writing {0} rows in one step; Cancel leaves the ledger unchanged.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Import cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Imported: {0} new people, {1} new households, {2} new buildings; {3} updated; {4} skipped; {5} rows with errors not imported.</source>
        <translation>Imported: {0} new people, {1} new households, {2} new buildings; {3} updated; {4} skipped; {5} rows with errors not imported.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Nothing was written.</translation>
    </message>
</context>
<context>
    <name>ScheduleTableModel</name>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>Never visited</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>Every (days)</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Last attempt (nobody home)</source>
        <translation>Last attempt (nobody home)</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search: name, pinyin (zw), ID tail, phone, address (12栋2单元) — Ctrl+F</source>
        <translation>Search: name, pinyin (zw), ID tail, phone, address (12栋2单元) — Ctrl+F</translation>
    </message>
    <message>
        <source>All residents</source>
        <translation>All residents</translation>
    </message>
    <message>
        <source>Age from</source>
        <translation>Age from</translation>
    </message>
    <message>
        <source>Age to</source>
        <translation>Age to</translation>
    </message>
    <message>
        <source>All hardship lists</source>
        <translation>All hardship lists</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>Former</translation>
    </message>
    <message>
        <source>Include residents who moved out or died</source>
        <translation>Include residents who moved out or died</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>%1 residents, %2 households</source>
        <translation>%1 residents, %2 households</translation>
    </message>
</context>
<context>
    <name>ServiceItemEditor</name>
    <message>
        <source>Service item</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ServiceItemTableModel</name>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Office PC</source>
        <translation>Office PC</translation>
    </message>
    <message>
        <source>Field laptop</source>
        <translation>Field laptop</translation>
    </message>
    <message>
        <source>A new language is used after the program is restarted.</source>
        <translation>A new language is used after the program is restarted.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>This &amp;computer is</source>
        <translation>This &amp;computer is</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>In a dialog: save (the default button)</source>
        <translation>In a dialog: save (the default button)</translation>
    </message>
    <message>
        <source>In a dialog: cancel and close without saving</source>
        <translation>In a dialog: cancel and close without saving</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Next / previous field</translation>
    </message>
    <message>
        <source>Fast visit entry: save and move to the next household</source>
        <translation>Fast visit entry: save and move to the next household</translation>
    </message>
    <message>
        <source>Search box: move into the results</source>
        <translation>Search box: move into the results</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Dialogs and forms</source>
        <translation>Dialogs and forms</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split household %1</source>
        <translation>Split household %1</translation>
    </message>
    <message>
        <source>e.g. 302</source>
        <translation>e.g. 302</translation>
    </message>
    <message>
        <source>Head of the new household</source>
        <translation>Head of the new household</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <source>Unit (room)</source>
        <translation>Unit (room)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Members who move to the new household:</source>
        <translation>Members who move to the new household:</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>Field &amp;laptops</source>
        <translation>Field &amp;laptops</translation>
    </message>
    <message>
        <source>&amp;Write return file…</source>
        <translation>&amp;Write return file…</translation>
    </message>
    <message>
        <source>Re&amp;fresh from a check-out file…</source>
        <translation>Re&amp;fresh from a check-out file…</translation>
    </message>
    <message>
        <source>&amp;Check out to a laptop…</source>
        <translation>&amp;Check out to a laptop…</translation>
    </message>
    <message>
        <source>&amp;Apply return file…</source>
        <translation>&amp;Apply return file…</translation>
    </message>
    <message>
        <source>&amp;Review conflicts…</source>
        <translation>&amp;Review conflicts…</translation>
    </message>
    <message>
        <source>&amp;Open check-out file…</source>
        <translation>&amp;Open check-out file…</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Add →</source>
        <translation>Add →</translation>
    </message>
    <message>
        <source>Add blank column</source>
        <translation>Add blank column</translation>
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
        <source>Columns (double-click a field to add it; edit a header to rename it)</source>
        <translation>Columns (double-click a field to add it; edit a header to rename it)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Add condition</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Remove condition</translation>
    </message>
    <message>
        <source>Which rows (all conditions must hold; lists: separate values with 、)</source>
        <translation>Which rows (all conditions must hold; lists: separate values with 、)</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>Descending</translation>
    </message>
    <message>
        <source>Order and subtotals</source>
        <translation>Order and subtotals</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Sort by:</translation>
    </message>
    <message>
        <source>Group by (subtotal after each group):</source>
        <translation>Group by (subtotal after each group):</translation>
    </message>
    <message>
        <source>Sum in subtotals:</source>
        <translation>Sum in subtotals:</translation>
    </message>
    <message>
        <source>Official header and footer</source>
        <translation>Official header and footer</translation>
    </message>
    <message>
        <source>Notes printed under the table:</source>
        <translation>Notes printed under the table:</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Template name:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Counted as:</source>
        <translation>Counted as:</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>One row is:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Reason / notes</source>
        <translation>Reason / notes</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Change status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>When enrolling: monthly amount (yuan)</source>
        <translation>When enrolling: monthly amount (yuan)</translation>
    </message>
    <message>
        <source>Monthly amount (yuan)</source>
        <translation>Monthly amount (yuan)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>The ledger was locked because nobody used it for a while. %1, enter your password to continue.</source>
        <translation>The ledger was locked because nobody used it for a while. %1, enter your password to continue.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>May see full ID numbers and phone numbers (audited)</source>
        <translation>May see full ID numbers and phone numbers (audited)</translation>
    </message>
    <message>
        <source>Leave empty to keep the password</source>
        <translation>Leave empty to keep the password</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Grids (grid workers)</source>
        <translation>Grids (grid workers)</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>A grid worker needs at least one grid.</source>
        <translation>A grid worker needs at least one grid.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Full view</source>
        <translation>Full view</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Only an administrator can manage user accounts. You are signed in as %1 (%2).</source>
        <translation>Only an administrator can manage user accounts. You are signed in as %1 (%2).</translation>
    </message>
    <message>
        <source>Accounts of this ledger. Deactivated accounts cannot sign in; their past work stays in the audit trail.</source>
        <translation>Accounts of this ledger. Deactivated accounts cannot sign in; their past work stays in the audit trail.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>VisitEntryDialog</name>
    <message>
        <source>Record visit</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <source>Volunteers or colleagues, separated by commas</source>
        <translation>Volunteers or colleagues, separated by commas</translation>
    </message>
    <message>
        <source>HH:MM (optional)</source>
        <translation>HH:MM (optional)</translation>
    </message>
    <message>
        <source>Type a name, pinyin, phone or address, then Enter</source>
        <translation>Type a name, pinyin, phone or address, then Enter</translation>
    </message>
    <message>
        <source>No household chosen</source>
        <translation>No household chosen</translation>
    </message>
    <message>
        <source>Nobody home (attempt only)</source>
        <translation>Nobody home (attempt only)</translation>
    </message>
    <message>
        <source>Family situation</source>
        <translation>Family situation</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <translation>Difficulties</translation>
    </message>
    <message>
        <source>Requests and suggestions</source>
        <translation>Requests and suggestions</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>Follow-up plan</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>Due (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Add need</source>
        <translation>Add need</translation>
    </message>
    <message>
        <source>Remove need</source>
        <translation>Remove need</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>Also present</source>
        <translation>Also present</translation>
    </message>
    <message>
        <source>Date, time</source>
        <translation>Date, time</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Type, channel</source>
        <translation>Type, channel</translation>
    </message>
    <message>
        <source>Residents met</source>
        <translation>Residents met</translation>
    </message>
    <message>
        <source>Needs raised</source>
        <translation>Needs raised</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>Photos and files</source>
        <translation>Photos and files</translation>
    </message>
    <message>
        <source>Save and next (Ctrl+Enter)</source>
        <translation>Save and next (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>(no head)</source>
        <translation>(no head)</translation>
    </message>
    <message>
        <source>Saved %1; %2 more due in the list</source>
        <translation>Saved %1; %2 more due in the list</translation>
    </message>
    <message>
        <source>Choose a household first: type in the search field.</source>
        <translation>Choose a household first: type in the search field.</translation>
    </message>
</context>
<context>
    <name>VisitHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Nobody home</source>
        <translation>Nobody home</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visitors</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Next visit</translation>
    </message>
</context>
<context>
    <name>VisitRulesModel</name>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Every (days)</source>
        <translation>Every (days)</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>%1 (no households now)</source>
        <translation>%1 (no households now)</translation>
    </message>
</context>
<context>
    <name>VisitSettingsDialog</name>
    <message>
        <source>Visit rules and types</source>
        <translation>Visit rules and types</translation>
    </message>
    <message>
        <source>Visit rules</source>
        <translation>Visit rules</translation>
    </message>
    <message>
        <source>Visit types</source>
        <translation>Visit types</translation>
    </message>
    <message>
        <source>Only staff and administrators can change visit rules and types.</source>
        <translation>Only staff and administrators can change visit rules and types.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>every</source>
        <translation>every</translation>
    </message>
    <message>
        <source>A household under several rules is visited as often as the strictest one asks. Double-click a name, interval or tier to change it.</source>
        <translation>A household under several rules is visited as often as the strictest one asks. Double-click a name, interval or tier to change it.</translation>
    </message>
    <message>
        <source>Delete the rule “%1”? It can be undone.</source>
        <translation>Delete the rule “%1”? It can be undone.</translation>
    </message>
    <message>
        <source>New visit type, e.g. holiday greetings</source>
        <translation>New visit type, e.g. holiday greetings</translation>
    </message>
    <message>
        <source>Add type</source>
        <translation>Add type</translation>
    </message>
    <message>
        <source>Unchecked types are no longer offered for new visits; visits already recorded keep theirs.</source>
        <translation>Unchecked types are no longer offered for new visits; visits already recorded keep theirs.</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>Overdue, never visited or due this week</source>
        <translation>Overdue, never visited or due this week</translation>
    </message>
    <message>
        <source>All households</source>
        <translation>All households</translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation>Visit history</translation>
    </message>
    <message>
        <source>Record visit… (Enter)</source>
        <translation>Record visit… (Enter)</translation>
    </message>
    <message>
        <source>Print visit record…</source>
        <translation>Print visit record…</translation>
    </message>
    <message>
        <source>A PDF of the selected visit with its ticked photos.</source>
        <translation>A PDF of the selected visit with its ticked photos.</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Rules and types…</source>
        <translation>Rules and types…</translation>
    </message>
    <message>
        <source>Flags…</source>
        <translation>Flags…</translation>
    </message>
    <message>
        <source>Set or clear manual flags (e.g. close attention) on the selected household</source>
        <translation>Set or clear manual flags (e.g. close attention) on the selected household</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Overdue %1 · never visited %2 · due this week %3</source>
        <translation>Overdue %1 · never visited %2 · due this week %3</translation>
    </message>
    <message>
        <source>Visit history: %1</source>
        <translation>Visit history: %1</translation>
    </message>
    <message>
        <source>Updating the visit plan…</source>
        <translation>Updating the visit plan…</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>Visit plan</translation>
    </message>
    <message>
        <source>Save visit record</source>
        <translation>Save visit record</translation>
    </message>
    <message>
        <source>Writing the visit record…</source>
        <translation>Writing the visit record…</translation>
    </message>
    <message>
        <source>Delete the selected visit record? It can be undone.</source>
        <translation>Delete the selected visit record? It can be undone.</translation>
    </message>
</context>
</TS>
