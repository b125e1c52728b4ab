-- 003: the benefits register, after HM Treasury's Green Book: non-cashable benefits,
-- dis-benefits and their measures. Values are integers in thousandths of the measure's unit
-- (25% is 25000), so comparisons with targets and tolerances are exact.

CREATE TABLE benefits (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE CHECK (number GLOB '[A-Z]*-B[0-9]*'),
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  description TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('direct-public-sector', 'wider-social')),
  cash_class TEXT NOT NULL CHECK (cash_class IN ('cash-releasing', 'non-cash-releasing')),
  measure_class TEXT NOT NULL CHECK (measure_class IN ('quantitative', 'qualitative')),
  feature TEXT NOT NULL,
  owner TEXT,
  measure TEXT NOT NULL,
  unit TEXT,
  direction TEXT NOT NULL CHECK (direction IN ('higher-is-better', 'lower-is-better')),
  is_disbenefit INTEGER NOT NULL DEFAULT 0 CHECK (is_disbenefit IN (0, 1)),
  baseline_milli INTEGER,
  baseline_as_written TEXT,
  baseline_date TEXT CHECK (baseline_date IS NULL OR baseline_date GLOB '[0-9][0-9][0-9][0-9]*'),
  baseline_data_source TEXT,
  baseline_source_id TEXT REFERENCES sources(id),
  target_milli INTEGER,
  target_as_written TEXT,
  target_date TEXT CHECK (target_date IS NULL OR target_date GLOB '[0-9][0-9][0-9][0-9]*'),
  target_source_id TEXT REFERENCES sources(id),
  full_year_value_pence INTEGER CHECK (full_year_value_pence IS NULL OR full_year_value_pence >= 0),
  tolerance_milli INTEGER NOT NULL DEFAULT 0 CHECK (tolerance_milli >= 0),
  source_id TEXT NOT NULL REFERENCES sources(id),
  note TEXT,
  CHECK ((baseline_milli IS NULL) = (baseline_date IS NULL)),
  CHECK (baseline_milli IS NULL OR baseline_source_id IS NOT NULL OR baseline_data_source IS NOT NULL)
) STRICT;

CREATE TABLE benefit_measurements (
  id INTEGER PRIMARY KEY,
  benefit_id INTEGER NOT NULL REFERENCES benefits(id),
  measured_on TEXT NOT NULL CHECK (measured_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  value_milli INTEGER NOT NULL,
  data_source TEXT NOT NULL CHECK (length(data_source) > 0),
  note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (benefit_id, measured_on)
) STRICT;
