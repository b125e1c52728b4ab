-- 017: the decision log. A decision record (CPCC 2019-007: number, date, title, what was decided,
-- its source) and the agreements and functions it concerns. Seeded from data/papers/decisions.json;
-- a database seeded before this migration gets them when the server next starts (db/seed.ts).
CREATE TABLE decisions (
  number TEXT PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  title TEXT NOT NULL,
  decision TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources(id),
  note TEXT
) STRICT;

CREATE TABLE decision_links (
  decision_number TEXT NOT NULL REFERENCES decisions(number),
  agreement_slug TEXT REFERENCES agreements(slug),
  function_slug TEXT REFERENCES functions(slug),
  CHECK ((agreement_slug IS NULL) <> (function_slug IS NULL))
) STRICT;
CREATE UNIQUE INDEX decision_links_one_each ON decision_links (decision_number, ifnull(agreement_slug, ''), ifnull(function_slug, ''));
CREATE INDEX decision_links_by_agreement ON decision_links (agreement_slug) WHERE agreement_slug IS NOT NULL;
CREATE INDEX decision_links_by_function ON decision_links (function_slug) WHERE function_slug IS NOT NULL;
