-- 001: the savings ledger. Money is integer pence; dates are ISO 8601 (a paper may give only
-- a month, so "YYYY-MM" is allowed where a paper's date is stored); times are UTC.

CREATE TABLE forces (
  slug TEXT PRIMARY KEY CHECK (slug GLOB '[a-z]*' AND slug NOT GLOB '*[^a-z-]*'),
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE papers (
  id TEXT PRIMARY KEY,                 -- the three-digit prefix of the file, e.g. '002'
  file TEXT NOT NULL UNIQUE,           -- file name in shared/seeds
  title TEXT NOT NULL,
  author TEXT,
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*')
) STRICT;

-- One citation: a paragraph of a paper and the words it uses.
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  paper_id TEXT NOT NULL REFERENCES papers(id),
  paragraph TEXT NOT NULL,
  quote TEXT NOT NULL CHECK (length(quote) > 0),
  -- Paper 003 bundles several papers of different dates: a source may name its own part and date.
  part TEXT,
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*'),
  note TEXT
) STRICT;

CREATE TABLE collaborations (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL
) STRICT;

CREATE TABLE collaboration_members (
  collaboration_slug TEXT NOT NULL REFERENCES collaborations(slug),
  force_slug TEXT NOT NULL REFERENCES forces(slug),
  joined_on TEXT NOT NULL CHECK (joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'),
  left_on TEXT CHECK (left_on IS NULL OR left_on > joined_on),
  source_id TEXT REFERENCES sources(id),
  note TEXT,
  PRIMARY KEY (collaboration_slug, force_slug, joined_on)
) STRICT;

CREATE TABLE agreements (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  collaboration_slug TEXT REFERENCES collaborations(slug),
  lead_force_slug TEXT REFERENCES forces(slug),
  note TEXT
) STRICT;

CREATE TABLE agreement_parties (
  agreement_slug TEXT NOT NULL REFERENCES agreements(slug),
  force_slug TEXT NOT NULL REFERENCES forces(slug),
  PRIMARY KEY (agreement_slug, force_slug)
) STRICT;

-- Signed, commenced, reviewed, extended, expires…: each a dated, sourced milestone.
CREATE TABLE agreement_milestones (
  agreement_slug TEXT NOT NULL REFERENCES agreements(slug),
  kind TEXT NOT NULL CHECK (kind IN ('outline-business-case', 'full-business-case', 'business-case',
    'signed', 'commences', 'review', 'expires', 'extended', 'go-live', 'member-joins')),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]*'),
  description TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  PRIMARY KEY (agreement_slug, kind, date)
) STRICT;

CREATE TABLE functions (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  collaboration_slug TEXT NOT NULL REFERENCES collaborations(slug),
  agreement_slug TEXT REFERENCES agreements(slug),
  description TEXT NOT NULL,
  headline_target_pence INTEGER CHECK (headline_target_pence IS NULL OR headline_target_pence >= 0),
  headline_as_written TEXT,
  headline_qualifier TEXT,
  headline_source_id TEXT REFERENCES sources(id),
  -- RAG tolerance in tenths of a percent below target that still counts as amber.
  rag_tolerance_tenths_percent INTEGER NOT NULL DEFAULT 50
    CHECK (rag_tolerance_tenths_percent BETWEEN 0 AND 1000),
  CHECK ((headline_target_pence IS NULL) = (headline_source_id IS NULL))
) STRICT;

CREATE TABLE savings_lines (
  id INTEGER PRIMARY KEY,
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  code TEXT NOT NULL,                  -- stable id within the data set, e.g. 'ict-application-convergence'
  name TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('payroll', 'non-payroll', 'unspecified')),
  driver TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cashable', 'non-cashable', 'cost-avoidance')),
  recurrence TEXT NOT NULL CHECK (recurrence IN ('recurring', 'one-off', 'unspecified')),
  note TEXT,
  UNIQUE (code)
) STRICT;

-- A dated, sourced version of a function's targets. Re-baselining adds a version, never edits one.
CREATE TABLE baselines (
  id INTEGER PRIMARY KEY,
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  reason TEXT NOT NULL,
  adopted_on TEXT CHECK (adopted_on IS NULL OR adopted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'),
  source_id TEXT REFERENCES sources(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (function_slug, version)
) STRICT;

-- fiscal_year NULL: the paper gives the figure for the whole programme, not for a year
-- (Firearms Licensing's prediction); such a figure counts in totals but in no year.
CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  baseline_id INTEGER NOT NULL REFERENCES baselines(id),
  savings_line_id INTEGER NOT NULL REFERENCES savings_lines(id),
  fiscal_year TEXT CHECK (fiscal_year IS NULL OR fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  as_written TEXT,                      -- the figure as the paper writes it, e.g. '£0.92m'
  qualifier TEXT,                       -- 'circa', 'about', 'over' kept as the paper has it
  period_note TEXT,
  source_id TEXT REFERENCES sources(id),
  UNIQUE (baseline_id, savings_line_id, fiscal_year)
) STRICT;

-- Actuals and forecasts: for a whole financial year (month NULL) or a month, for the function
-- (force_slug NULL) or one force.
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
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

CREATE UNIQUE INDEX ledger_entries_one_per_period ON ledger_entries (
  savings_line_id, measure, ifnull(fiscal_year, ''), ifnull(month, ''), ifnull(force_slug, ''));
-- Covering index for the per-line, per-year roll-ups every view makes.
CREATE INDEX ledger_entries_rollup ON ledger_entries (savings_line_id, measure, fiscal_year, amount_pence);
CREATE INDEX targets_rollup ON targets (baseline_id, savings_line_id, fiscal_year, amount_pence);

-- Each force's share of a function's money in a financial year, in tenths of a percent.
-- fiscal_year NULL: the shares of money that is not profiled by year.
CREATE TABLE apportionment_shares (
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  fiscal_year TEXT CHECK (fiscal_year IS NULL OR fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  force_slug TEXT NOT NULL REFERENCES forces(slug),
  share_tenths_percent INTEGER NOT NULL CHECK (share_tenths_percent BETWEEN 0 AND 1000),
  basis TEXT NOT NULL CHECK (basis IN ('nre', 'fixed', 'demand', 'equal')),
  is_illustrative INTEGER NOT NULL CHECK (is_illustrative IN (0, 1)),
  source_id TEXT REFERENCES sources(id),
  note TEXT
) STRICT;
CREATE UNIQUE INDEX apportionment_shares_one_per_force
  ON apportionment_shares (function_slug, ifnull(fiscal_year, ''), force_slug);

-- A total the paper states beside its parts (ICT's FY 2016/17 non-payroll £0.385m), kept so the
-- product can show that the parts add up to it.
CREATE TABLE stated_totals (
  id INTEGER PRIMARY KEY,
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  from_fiscal_year TEXT NOT NULL CHECK (from_fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  to_fiscal_year TEXT NOT NULL CHECK (to_fiscal_year >= from_fiscal_year),
  category TEXT CHECK (category IS NULL OR category IN ('payroll', 'non-payroll')),
  description TEXT NOT NULL,
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  as_written TEXT NOT NULL,
  qualifier TEXT,
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

-- Portfolio figures that are not one function's savings (BCH's £20m goal, the Seven Force budget).
CREATE TABLE programme_figures (
  code TEXT PRIMARY KEY,
  collaboration_slug TEXT REFERENCES collaborations(slug),
  description TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('goal', 'predicted-savings', 'budget', 'funding', 'baseline')),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  per_year INTEGER NOT NULL CHECK (per_year IN (0, 1)),
  from_fiscal_year TEXT,
  to_fiscal_year TEXT,
  as_written TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;

-- Who changed what, when, before and after. Nobody rewrites it: see the triggers.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before_json TEXT,
  after_json TEXT
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
