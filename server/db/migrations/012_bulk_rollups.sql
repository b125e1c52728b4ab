-- 012: a large write (an import, a restore) keeps the roll-ups once, not once an entry.
-- While ledger_bulk_write holds its one row (only ever inside the writing transaction), the
-- triggers leave the roll-ups alone; the writer then rebuilds the roll-up rows of the functions and
-- years it touched from ledger_entries, in the same transaction (server/db/repositories/rollups.ts),
-- so no other connection ever sees them out of step. Otherwise the triggers of migration 010,
-- written from the same template, keep them entry by entry.
CREATE TABLE ledger_bulk_write (only INTEGER PRIMARY KEY CHECK (only = 1)) STRICT;

DROP TRIGGER ledger_rollup_after_insert;
DROP TRIGGER ledger_rollup_after_delete;
DROP TRIGGER ledger_rollup_after_update;

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
