-- 020: what a programme figure says it includes ("including Joint Protective Services and ERSOU",
-- paper 004, 3.4), so a goal is measured against the ledger with what the ledger lacks named beside
-- it. Each part names the function it would be in Realise, if Realise held it. Seeded from
-- data/papers/programme.json; a database seeded earlier gets them at the next start.
CREATE TABLE programme_figure_parts (
  code TEXT NOT NULL REFERENCES programme_figures(code),
  name TEXT NOT NULL,
  function_slug TEXT NOT NULL,   -- not a foreign key: the function may not be in Realise (yet)
  PRIMARY KEY (code, function_slug)
) STRICT, WITHOUT ROWID;
