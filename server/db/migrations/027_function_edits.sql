-- 027: a function entered in Realise can be corrected after it is added: its name, description,
-- lead force, agreement, headline and tolerance (services/function-edit.ts). Its version moves with
-- each change, so a change made from a stale screen is refused rather than written over another;
-- who changed it last, and when, is shown beside who entered it (the audit log holds every change).
ALTER TABLE functions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE functions ADD COLUMN changed_at TEXT;
ALTER TABLE functions ADD COLUMN changed_by TEXT;
