"""Security screens: sign-in, idle lock, user management, audit trail, backups and encryption.

Public names (wired into the app by ``ui/app.py`` and ``ui/main_window.py``):
``sign_in_flow``, ``LoginDialog``, ``FirstRunDialog``, ``IdleLock``, ``UnlockDialog``,
``UsersPage``, ``AuditPage``, ``BackupDialog``, ``restore_backup``, ``RecoveryKeyDialog``.
Modules are imported on demand; this package file imports nothing heavy.
"""
