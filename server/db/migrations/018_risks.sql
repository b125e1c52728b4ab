-- 018: the risks the papers name, each with its source; the title is Realise's summary and the
-- source's quote is the paper's words. Seeded from data/papers/risks.json; a database seeded before
-- this migration gets them (and the dis-benefits added to the benefits register) at the next start.
CREATE TABLE risks (
  code TEXT PRIMARY KEY,
  collaboration_slug TEXT NOT NULL REFERENCES collaborations(slug),
  function_slug TEXT REFERENCES functions(slug),
  area TEXT NOT NULL,
  title TEXT NOT NULL,
  mitigation TEXT,
  source_id TEXT NOT NULL REFERENCES sources(id)
) STRICT;
CREATE INDEX risks_by_function ON risks (function_slug) WHERE function_slug IS NOT NULL;
