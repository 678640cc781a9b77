-- A database as privacy-bot made it before the Slack layer's tables moved to bot/migrations.py: migrations
-- 0001..0003 of intake/db.py at 42a8746 (slack_events still there), with a case and an answer voted on.
BEGIN TRANSACTION;
CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);
INSERT INTO "_migrations" VALUES('0001_initial','2026-05-01T00:00:00+00:00');
INSERT INTO "_migrations" VALUES('0002_outbox','2026-05-01T00:00:00+00:00');
INSERT INTO "_migrations" VALUES('0003_intake_keys','2026-05-01T00:00:00+00:00');
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT,
    details TEXT
);
CREATE TABLE case_counters (
    year INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
);
INSERT INTO "case_counters" VALUES(2026,1);
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    urgent INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    channel TEXT NOT NULL,
    description TEXT NOT NULL,
    data_role TEXT NOT NULL DEFAULT 'own_user',
    client_name TEXT,
    assignee TEXT,
    requester_name TEXT,
    requester_email TEXT,
    requester_phone TEXT,
    agent_kind TEXT,
    agent_name TEXT,
    agent_contact TEXT,
    agent_evidence TEXT,
    identity_status TEXT NOT NULL DEFAULT 'unverified',
    identity_method TEXT,
    identity_document_type TEXT,
    identity_verified_at TEXT,
    identity_verified_by TEXT,
    outcome TEXT,
    refusal_ground TEXT,
    reason TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO "cases" VALUES('PRV-2026-0001','disclosure','new',0,'2026-05-01T01:00:00+00:00','2026-05-15T09:00:00+00:00','email','copy of my data','own_user',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'unverified',NULL,NULL,NULL,NULL,NULL,NULL,NULL,'U0AGENT','2026-05-01T01:00:00+00:00','2026-05-01T01:00:00+00:00');
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    created_at TEXT,
    user_id TEXT,
    channel_id TEXT,
    question TEXT,
    answer TEXT,
    sections TEXT,
    vote TEXT,
    comment TEXT
);
INSERT INTO "feedback" VALUES(1,'2026-05-01T02:00:00+00:00','U0ASKER','C0GENERAL','開示請求が来たら？','第10条…','["10"]',NULL,NULL);
INSERT INTO "feedback" VALUES(2,'2026-05-01T02:01:00+00:00','U0ASKER','C0GENERAL','開示請求が来たら？','第10条…','["10"]','up','clear');
CREATE TABLE intake_keys (
    key TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id),
    created_at TEXT NOT NULL
);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    case_id TEXT REFERENCES cases(id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    update_of INTEGER REFERENCES outbox(id),
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    attempt_token TEXT,
    next_attempt_at TEXT NOT NULL,
    maybe_posted INTEGER NOT NULL DEFAULT 0,
    channel TEXT,
    ts TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE TABLE schedule_log (
    key TEXT PRIMARY KEY,
    case_id TEXT,
    at TEXT NOT NULL
);
CREATE TABLE slack_events (
    event_id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL
);
INSERT INTO "slack_events" VALUES('Ev0OLD','2026-05-01T02:00:00+00:00');
CREATE INDEX cases_status_due ON cases(status, due_at);
CREATE INDEX cases_type ON cases(type);
CREATE INDEX cases_due ON cases(due_at);
CREATE INDEX cases_received ON cases(received_at);
CREATE INDEX audit_case ON audit(case_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_case ON outbox(case_id, kind);
CREATE INDEX intake_keys_case ON intake_keys(case_id);
DELETE FROM "sqlite_sequence";
COMMIT;
