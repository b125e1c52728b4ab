-- 019: each force's Net Revenue Expenditure for a financial year, entered once a year with its
-- source, from which a programme's costs are apportioned (the Seven Force agreement, 5.1–5.2:
-- "by Net Revenue Expenditure ... calculated to one decimal place"). Replacing a year's figures
-- keeps the old ones in the audit log; the shares of other years are untouched.
CREATE TABLE force_bases (
  fiscal_year TEXT NOT NULL CHECK (fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  force_slug TEXT NOT NULL REFERENCES forces(slug),
  nre_pence INTEGER NOT NULL CHECK (nre_pence >= 0),
  source TEXT NOT NULL CHECK (length(source) > 0),
  entered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  PRIMARY KEY (fiscal_year, force_slug)
) STRICT, WITHOUT ROWID;
