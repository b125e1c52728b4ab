-- 010: the roll-ups read as the ledger stands today, a few rows each.
-- At national scale most entries are reported in the month after the one they are for, so
-- ledger_rollup_yearly, kept by the month each figure was reported in, held as many rows as the
-- monthly roll-up (73,000) rather than a twelfth of them. Views as the ledger stands (an "as at"
-- date on or after the latest report, almost every view) need no reported month: it goes, and the
-- yearly roll-up holds one row per function, measure, year and illustrative mark (6,000). A view as
-- at an earlier date adds up ledger_rollup by year instead.
-- ledger_rollup_all_functions is the whole portfolio's money by month, every function together (a
-- few hundred rows), for the portfolio's cumulative timeline; a collaboration's reads ledger_rollup.
DROP TRIGGER ledger_rollup_after_insert;
DROP TRIGGER ledger_rollup_after_delete;
DROP TRIGGER ledger_rollup_after_update;
DROP TABLE ledger_rollup_yearly;

CREATE TABLE ledger_rollup_yearly (
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  measure TEXT NOT NULL,
  fiscal_year TEXT NOT NULL,
  is_illustrative INTEGER NOT NULL,
  amount_pence INTEGER NOT NULL,
  entries INTEGER NOT NULL CHECK (entries >= 0),
  PRIMARY KEY (function_slug, measure, fiscal_year, is_illustrative)
) STRICT, WITHOUT ROWID;

CREATE TABLE ledger_rollup_all_functions (
  measure TEXT NOT NULL,
  fiscal_year TEXT NOT NULL,
  month TEXT NOT NULL,                -- '' for a figure for the whole year
  reported_month TEXT NOT NULL,
  is_illustrative INTEGER NOT NULL,
  amount_pence INTEGER NOT NULL,
  entries INTEGER NOT NULL CHECK (entries >= 0),
  PRIMARY KEY (measure, fiscal_year, month, reported_month, is_illustrative)
) STRICT, WITHOUT ROWID;

-- Written from one template for the three roll-ups, so they cannot drift apart; an entry is in them
-- when it has a year, no paper as its source and no qualifier (the rest are read from ledger_entries).

CREATE TRIGGER ledger_rollup_after_insert AFTER INSERT ON ledger_entries
WHEN NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
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
WHEN OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
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

INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, is_illustrative, amount_pence, entries)
SELECT function_slug, measure, fiscal_year, is_illustrative, sum(amount_pence), sum(entries)
  FROM ledger_rollup GROUP BY 1, 2, 3, 4;

INSERT INTO ledger_rollup_all_functions (measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
SELECT measure, fiscal_year, month, reported_month, is_illustrative, sum(amount_pence), sum(entries)
  FROM ledger_rollup GROUP BY 1, 2, 3, 4, 5;
