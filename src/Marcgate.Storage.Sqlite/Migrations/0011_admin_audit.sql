-- The administrative audit log: who changed an account, profile, repository or staff user, how and when.
-- Never a password or a hash: the detail is a sentence for people.
CREATE TABLE admin_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_us INTEGER NOT NULL,
    actor TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('local', 'staff')),
    action TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_name TEXT NOT NULL,
    detail TEXT NOT NULL
);

CREATE INDEX admin_audit_by_subject ON admin_audit (subject_kind, subject_name, id);
