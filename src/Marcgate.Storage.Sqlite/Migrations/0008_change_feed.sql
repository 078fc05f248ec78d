-- The change feed: every change of accounts, profiles, repositories, failed logons, lockouts or known addresses bumps its kind's serial in the same
-- transaction, whichever process made it, and each store on the file reads the four serials to learn of changes made by
-- other processes (the host's caches drop what changed).
CREATE TABLE catalog_changes (
    kind TEXT NOT NULL PRIMARY KEY,
    serial INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO catalog_changes (kind, serial) VALUES ('accounts', 0), ('profiles', 0), ('repositories', 0), ('lockouts', 0);

CREATE TRIGGER accounts_inserted AFTER INSERT ON accounts BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'accounts'; END;
CREATE TRIGGER accounts_updated AFTER UPDATE ON accounts BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'accounts'; END;
CREATE TRIGGER accounts_deleted AFTER DELETE ON accounts BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'accounts'; END;
CREATE TRIGGER profiles_inserted AFTER INSERT ON profiles BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'profiles'; END;
CREATE TRIGGER profiles_updated AFTER UPDATE ON profiles BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'profiles'; END;
CREATE TRIGGER profiles_deleted AFTER DELETE ON profiles BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'profiles'; END;
CREATE TRIGGER repositories_inserted AFTER INSERT ON repositories BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'repositories'; END;
CREATE TRIGGER repositories_updated AFTER UPDATE ON repositories BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'repositories'; END;
CREATE TRIGGER repositories_deleted AFTER DELETE ON repositories BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'repositories'; END;
CREATE TRIGGER logon_failures_inserted AFTER INSERT ON logon_failures BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
CREATE TRIGGER logon_failures_deleted AFTER DELETE ON logon_failures BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
CREATE TRIGGER logon_locks_inserted AFTER INSERT ON logon_locks BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
CREATE TRIGGER logon_locks_updated AFTER UPDATE ON logon_locks BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
CREATE TRIGGER logon_locks_deleted AFTER DELETE ON logon_locks BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
CREATE TRIGGER logon_successes_inserted AFTER INSERT ON logon_successes BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
CREATE TRIGGER logon_successes_deleted AFTER DELETE ON logon_successes BEGIN UPDATE catalog_changes SET serial = serial + 1 WHERE kind = 'lockouts'; END;
