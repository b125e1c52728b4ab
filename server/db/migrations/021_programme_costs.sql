-- 021: a programme's or a function's costs as a programme officer records them, by financial year:
-- one-off (that year only) or recurring (that year and every year after it that Realise counts),
-- each with its source. The papers' own yearly budgets stay in programme_figures; the two are
-- added together for the net benefit, each said to be from where it is.
CREATE TABLE programme_costs (
  id INTEGER PRIMARY KEY,
  collaboration_slug TEXT NOT NULL REFERENCES collaborations(slug),
  function_slug TEXT REFERENCES functions(slug),
  fiscal_year TEXT NOT NULL CHECK (fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('one-off', 'recurring')),
  description TEXT NOT NULL CHECK (length(description) > 0),
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  source TEXT NOT NULL CHECK (length(source) > 0),
  entered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL
) STRICT;
CREATE INDEX programme_costs_by_collaboration ON programme_costs (collaboration_slug, fiscal_year);
