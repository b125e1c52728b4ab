-- 025: whose forecast each line's year holds, so the portfolio can say "Kent's forecast only" as the
-- function page does, without reading a forecast entry a force a month (about 750,000 at national
-- scale). One row per line, financial year and force ('' for a forecast of the function as a whole),
-- holding which months it forecasts (bit 0 the whole year, bits 1 to 12 April to March) and the
-- first and last day any of them was reported: a view as at a date between the two reads the
-- entries themselves (repositories/figures.ts, forecastForces).
-- A trigger works a row out again from its entries (a dozen at most, through ledger_entries_by_line)
-- whenever one of them is written; a bulk write rebuilds the rows of what it touched
-- (repositories/rollups.ts). Undated forecasts are never in it: no year view counts them.
CREATE TABLE ledger_forecast_forces (
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  fiscal_year TEXT NOT NULL,
  savings_line_id INTEGER NOT NULL REFERENCES savings_lines(id),
  force_slug TEXT NOT NULL,
  months INTEGER NOT NULL CHECK (months > 0),
  first_reported_on TEXT NOT NULL,
  last_reported_on TEXT NOT NULL,
  PRIMARY KEY (function_slug, fiscal_year, savings_line_id, force_slug)
) STRICT, WITHOUT ROWID;

INSERT INTO ledger_forecast_forces (function_slug, fiscal_year, savings_line_id, force_slug, months, first_reported_on, last_reported_on)
SELECT l.function_slug, e.fiscal_year, e.savings_line_id, ifnull(e.force_slug, ''),
       sum(DISTINCT CASE WHEN e.month IS NULL THEN 1 ELSE 1 << ((CAST(substr(e.month, 6, 2) AS INTEGER) + 8) % 12 + 1) END),
       min(e.reported_on), max(e.reported_on)
  FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
 WHERE e.measure = 'forecast' AND e.fiscal_year IS NOT NULL
 GROUP BY l.function_slug, e.fiscal_year, e.savings_line_id, ifnull(e.force_slug, '');

CREATE TRIGGER ledger_forecast_forces_insert AFTER INSERT ON ledger_entries
WHEN NEW.measure = 'forecast' AND NEW.fiscal_year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  DELETE FROM ledger_forecast_forces
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = NEW.savings_line_id)
     AND fiscal_year = NEW.fiscal_year AND savings_line_id = NEW.savings_line_id AND force_slug = ifnull(NEW.force_slug, '');
  INSERT INTO ledger_forecast_forces (function_slug, fiscal_year, savings_line_id, force_slug, months, first_reported_on, last_reported_on)
  SELECT l.function_slug, e.fiscal_year, e.savings_line_id, ifnull(e.force_slug, ''),
         sum(DISTINCT CASE WHEN e.month IS NULL THEN 1 ELSE 1 << ((CAST(substr(e.month, 6, 2) AS INTEGER) + 8) % 12 + 1) END),
         min(e.reported_on), max(e.reported_on)
    FROM ledger_entries e INDEXED BY ledger_entries_by_line JOIN savings_lines l ON l.id = e.savings_line_id
   WHERE e.savings_line_id = NEW.savings_line_id AND e.measure = 'forecast' AND e.fiscal_year = NEW.fiscal_year AND e.force_slug IS NEW.force_slug
   GROUP BY 1, 2, 3, 4;
END;

CREATE TRIGGER ledger_forecast_forces_delete AFTER DELETE ON ledger_entries
WHEN OLD.measure = 'forecast' AND OLD.fiscal_year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  DELETE FROM ledger_forecast_forces
   WHERE function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
     AND fiscal_year = OLD.fiscal_year AND savings_line_id = OLD.savings_line_id AND force_slug = ifnull(OLD.force_slug, '');
  INSERT INTO ledger_forecast_forces (function_slug, fiscal_year, savings_line_id, force_slug, months, first_reported_on, last_reported_on)
  SELECT l.function_slug, e.fiscal_year, e.savings_line_id, ifnull(e.force_slug, ''),
         sum(DISTINCT CASE WHEN e.month IS NULL THEN 1 ELSE 1 << ((CAST(substr(e.month, 6, 2) AS INTEGER) + 8) % 12 + 1) END),
         min(e.reported_on), max(e.reported_on)
    FROM ledger_entries e INDEXED BY ledger_entries_by_line JOIN savings_lines l ON l.id = e.savings_line_id
   WHERE e.savings_line_id = OLD.savings_line_id AND e.measure = 'forecast' AND e.fiscal_year = OLD.fiscal_year AND e.force_slug IS OLD.force_slug
   GROUP BY 1, 2, 3, 4;
END;

-- A change works out both the row the entry left and the row it joined (often the same one).
CREATE TRIGGER ledger_forecast_forces_update AFTER UPDATE ON ledger_entries
WHEN (OLD.measure = 'forecast' OR NEW.measure = 'forecast') AND NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  DELETE FROM ledger_forecast_forces
   WHERE (function_slug = (SELECT function_slug FROM savings_lines WHERE id = OLD.savings_line_id)
          AND fiscal_year = OLD.fiscal_year AND savings_line_id = OLD.savings_line_id AND force_slug = ifnull(OLD.force_slug, ''))
      OR (function_slug = (SELECT function_slug FROM savings_lines WHERE id = NEW.savings_line_id)
          AND fiscal_year = NEW.fiscal_year AND savings_line_id = NEW.savings_line_id AND force_slug = ifnull(NEW.force_slug, ''));
  INSERT INTO ledger_forecast_forces (function_slug, fiscal_year, savings_line_id, force_slug, months, first_reported_on, last_reported_on)
  SELECT l.function_slug, e.fiscal_year, e.savings_line_id, ifnull(e.force_slug, ''),
         sum(DISTINCT CASE WHEN e.month IS NULL THEN 1 ELSE 1 << ((CAST(substr(e.month, 6, 2) AS INTEGER) + 8) % 12 + 1) END),
         min(e.reported_on), max(e.reported_on)
    FROM ledger_entries e JOIN savings_lines l ON l.id = e.savings_line_id
   WHERE e.measure = 'forecast'
     AND ((e.savings_line_id = OLD.savings_line_id AND e.fiscal_year = OLD.fiscal_year AND e.force_slug IS OLD.force_slug)
       OR (e.savings_line_id = NEW.savings_line_id AND e.fiscal_year = NEW.fiscal_year AND e.force_slug IS NEW.force_slug))
   GROUP BY 1, 2, 3, 4;
END;
