-- 009: a hash chain over the audit log. Each row written from now on carries the SHA-256 of the row
-- before it and its own content, so a copy archived elsewhere and the live log can each be checked,
-- and any row changed or removed behind the triggers' back breaks the chain at that row. Rows
-- written before this migration have no hash: the chain begins with the first row after it.
ALTER TABLE audit_log ADD COLUMN chain_hash TEXT CHECK (chain_hash IS NULL OR length(chain_hash) = 64);

-- A published report is checked against the hash its publishing recorded: found by entity, not by
-- reading the whole log.
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, action);
