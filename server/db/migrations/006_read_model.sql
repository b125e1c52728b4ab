-- 006: the read model. Every view aggregates the ledger in SQL; these make that quick at national
-- scale (43 forces, hundreds of functions, a decade of monthly figures: about 1.5M entries).

-- The portfolio sums every function: a roll-up of the ledger by function, measure, year and month,
-- with the forces and lines added together, so it reads tens of thousands of rows, not millions.
-- It is kept by the triggers below in the same transaction as every write, whatever makes it.
-- "As at" a date: the roll-up holds money by the month it was reported in; the reads take whole
-- months from here and the days of the "as at" month from ledger_entries itself.
-- Figures with no year, with a paper as their source or with the paper's qualifier ("over £200k")
-- are few, and are read from ledger_entries itself.
CREATE TABLE ledger_rollup (
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  measure TEXT NOT NULL,
  fiscal_year TEXT NOT NULL,
  month TEXT NOT NULL,                -- '' for a figure for the whole year
  reported_month TEXT NOT NULL,       -- 'YYYY-MM' of reported_on
  is_illustrative INTEGER NOT NULL,
  amount_pence INTEGER NOT NULL,
  entries INTEGER NOT NULL CHECK (entries >= 0),
  PRIMARY KEY (function_slug, measure, fiscal_year, month, reported_month, is_illustrative)
) STRICT, WITHOUT ROWID;

-- A period's figures across functions (a year, a half) without reading every function's rows.
-- Without the amount, so adding to a figure leaves the index as it is.
CREATE INDEX ledger_rollup_by_period ON ledger_rollup (fiscal_year, month, function_slug, measure);

-- The same by whole year (monthly and yearly figures together), for the views of whole years,
-- which are most of them: a twelfth of the rows.
CREATE TABLE ledger_rollup_yearly (
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  measure TEXT NOT NULL,
  fiscal_year TEXT NOT NULL,
  reported_month TEXT NOT NULL,
  is_illustrative INTEGER NOT NULL,
  amount_pence INTEGER NOT NULL,
  entries INTEGER NOT NULL CHECK (entries >= 0),
  PRIMARY KEY (function_slug, measure, fiscal_year, reported_month, is_illustrative)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER ledger_rollup_after_insert AFTER INSERT ON ledger_entries
WHEN NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
BEGIN
  -- Selected from the line, so an entry for a line that does not exist fails on its foreign key.
  INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, ifnull(NEW.month, ''), substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
  INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, reported_month, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
END;

CREATE TRIGGER ledger_rollup_after_delete AFTER DELETE ON ledger_entries
WHEN OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
BEGIN
  UPDATE ledger_rollup SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative AND entries = 0;
  UPDATE ledger_rollup_yearly SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup_yearly
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative AND entries = 0;
END;

-- An update takes the old figure out and puts the new one in, wherever either belongs.
CREATE TRIGGER ledger_rollup_after_update AFTER UPDATE ON ledger_entries
BEGIN
  UPDATE ledger_rollup SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year AND month = ifnull(OLD.month, '')
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative AND entries = 0;
  INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, ifnull(NEW.month, ''), substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id AND NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
  UPDATE ledger_rollup_yearly SET amount_pence = amount_pence - OLD.amount_pence, entries = entries - 1
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative;
  DELETE FROM ledger_rollup_yearly
   WHERE OLD.fiscal_year IS NOT NULL AND OLD.source_id IS NULL AND OLD.qualifier IS NULL
     AND function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND measure = OLD.measure AND fiscal_year = OLD.fiscal_year
     AND reported_month = substr(OLD.reported_on, 1, 7) AND is_illustrative = OLD.is_illustrative AND entries = 0;
  INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, reported_month, is_illustrative, amount_pence, entries)
  SELECT function_slug, NEW.measure, NEW.fiscal_year, substr(NEW.reported_on, 1, 7), NEW.is_illustrative, NEW.amount_pence, 1
    FROM savings_lines WHERE id = NEW.savings_line_id AND NEW.fiscal_year IS NOT NULL AND NEW.source_id IS NULL AND NEW.qualifier IS NULL
  ON CONFLICT DO UPDATE SET amount_pence = amount_pence + excluded.amount_pence, entries = entries + 1;
END;

INSERT INTO ledger_rollup (function_slug, measure, fiscal_year, month, reported_month, is_illustrative, amount_pence, entries)
SELECT l.function_slug, e.measure, e.fiscal_year, ifnull(e.month, ''), substr(e.reported_on, 1, 7), e.is_illustrative, sum(e.amount_pence), count(*)
  FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
 WHERE e.fiscal_year IS NOT NULL AND e.source_id IS NULL AND e.qualifier IS NULL
 GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO ledger_rollup_yearly (function_slug, measure, fiscal_year, reported_month, is_illustrative, amount_pence, entries)
SELECT function_slug, measure, fiscal_year, reported_month, is_illustrative, sum(amount_pence), sum(entries)
  FROM ledger_rollup GROUP BY 1, 2, 3, 4, 5;

-- One function's lines, and one function's or one force's entries, read through covering indexes.
CREATE INDEX savings_lines_by_function ON savings_lines (function_slug, id);
DROP INDEX ledger_entries_rollup;
CREATE INDEX ledger_entries_by_line ON ledger_entries
  (savings_line_id, measure, fiscal_year, month, force_slug, reported_on, is_illustrative, amount_pence);
CREATE INDEX ledger_entries_by_force ON ledger_entries
  (force_slug, savings_line_id, measure, fiscal_year, month, reported_on, is_illustrative, amount_pence);
-- The days of the "as at" month that the roll-up leaves to the ledger itself.
CREATE INDEX ledger_entries_by_reported ON ledger_entries
  (reported_on, savings_line_id, measure, fiscal_year, month, is_illustrative, amount_pence)
  WHERE fiscal_year IS NOT NULL AND source_id IS NULL AND qualifier IS NULL;
-- The few figures outside the roll-up: no year, cited to a paper, or qualified.
CREATE INDEX ledger_entries_outside_rollup ON ledger_entries (savings_line_id)
  WHERE fiscal_year IS NULL OR source_id IS NOT NULL OR qualifier IS NOT NULL;
