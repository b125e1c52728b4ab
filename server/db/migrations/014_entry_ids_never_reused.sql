-- 014: ledger entry ids are never used again. Without AUTOINCREMENT, SQLite gives a new row the
-- id of the highest row just removed, so a figure's history (the audit log, by entry id) and the
-- undo of a removal could read another figure's. The table is rebuilt with AUTOINCREMENT, its
-- counter set past every id the audit log has ever named, and its indexes and the roll-ups'
-- triggers (as migration 012 wrote them) made again. The roll-ups hold the same money throughout.
ALTER TABLE ledger_entries RENAME TO ledger_entries_before_014;

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  savings_line_id INTEGER NOT NULL REFERENCES savings_lines(id),
  measure TEXT NOT NULL CHECK (measure IN ('actual', 'forecast')),
  fiscal_year TEXT CHECK (fiscal_year IS NULL OR fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  month TEXT CHECK (month IS NULL OR (
    fiscal_year IS NOT NULL
    AND month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    AND month >= substr(fiscal_year, 1, 4) || '-04'
    AND month <= printf('%04d-03', CAST(substr(fiscal_year, 1, 4) AS INTEGER) + 1))),
  force_slug TEXT REFERENCES forces(slug),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  as_written TEXT,
  qualifier TEXT,
  period_note TEXT,
  reported_on TEXT NOT NULL CHECK (reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'),
  source_id TEXT REFERENCES sources(id),
  is_illustrative INTEGER NOT NULL DEFAULT 0 CHECK (is_illustrative IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;

INSERT INTO ledger_entries (id, savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, as_written, qualifier, period_note,
                            reported_on, source_id, is_illustrative, version, recorded_at, recorded_by)
SELECT id, savings_line_id, measure, fiscal_year, month, force_slug, amount_pence, as_written, qualifier, period_note,
       reported_on, source_id, is_illustrative, version, recorded_at, recorded_by
  FROM ledger_entries_before_014 ORDER BY id;

DROP TABLE ledger_entries_before_014;

INSERT OR REPLACE INTO sqlite_sequence (name, seq)
SELECT 'ledger_entries', max(ifnull((SELECT max(id) FROM ledger_entries), 0),
                             ifnull((SELECT max(CAST(entity_id AS INTEGER)) FROM audit_log WHERE entity = 'ledger_entry'), 0));

CREATE UNIQUE INDEX ledger_entries_one_per_period ON ledger_entries (
  savings_line_id, measure, ifnull(fiscal_year, ''), ifnull(month, ''), ifnull(force_slug, ''));
CREATE INDEX ledger_entries_by_line ON ledger_entries
  (savings_line_id, measure, fiscal_year, month, force_slug, reported_on, is_illustrative, amount_pence);
CREATE INDEX ledger_entries_by_force ON ledger_entries
  (force_slug, savings_line_id, measure, fiscal_year, month, reported_on, is_illustrative, amount_pence);
CREATE INDEX ledger_entries_by_reported ON ledger_entries
  (reported_on, savings_line_id, measure, fiscal_year, month, is_illustrative, amount_pence)
  WHERE fiscal_year IS NOT NULL AND source_id IS NULL AND qualifier IS NULL;
CREATE INDEX ledger_entries_outside_rollup ON ledger_entries (savings_line_id)
  WHERE fiscal_year IS NULL OR source_id IS NOT NULL OR qualifier IS NOT NULL;

CREATE TRIGGER ledger_rollup_after_insert AFTER INSERT ON ledger_entries
WHEN NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL AND NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, ifnull(NEW.month, ''), substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
  INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
  INSERT INTO ledger_rollup_all_functions (measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
  SELECT NEW.measure, NEW.fiscal_year, ifnull(NEW.month, ''), substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1 WHERE true
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
END;

CREATE TRIGGER ledger_rollup_after_delete AFTER DELETE ON ledger_entries
WHEN OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL AND NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  UPDATE ledger_rollup SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative AND entries = 0;
  UPDATE ledger_rollup_yearly SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup_yearly
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND is_illustrative = OLD.is_illustrative AND entries = 0;
  UPDATE ledger_rollup_all_functions SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup_all_functions
   WHERE measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative AND entries = 0;
END;

-- An update takes the old figure out and puts the new one in, wherever either belongs.
CREATE TRIGGER ledger_rollup_after_update AFTER UPDATE ON ledger_entries
WHEN NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  UPDATE ledger_rollup SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative AND entries = 0;
  UPDATE ledger_rollup_yearly SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup_yearly
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND is_illustrative = OLD.is_illustrative AND entries = 0;
  UPDATE ledger_rollup_all_functions SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup_all_functions
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND measure = OLD.measure
     AND fiscal_year = OLD.fiscal_year
     AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7)
     AND is_illustrative = OLD.is_illustrative AND entries = 0;
  INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, ifnull(NEW.month, ''), substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id AND NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
  INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id AND NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
  INSERT INTO ledger_rollup_all_functions (measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
  SELECT NEW.measure, NEW.fiscal_year, ifnull(NEW.month, ''), substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1 WHERE NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
END;
