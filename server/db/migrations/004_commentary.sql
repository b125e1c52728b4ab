-- 004: commentary on a function's figures for a period, kept with its author and time. A new
-- comment is added, never written over, so what was said at each Summit stays.

CREATE TABLE commentary (
  id INTEGER PRIMARY KEY,
  function_slug TEXT NOT NULL REFERENCES functions(slug),
  period TEXT NOT NULL CHECK (length(period) BETWEEN 3 AND 24),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX commentary_by_function ON commentary (function_slug, period, created_at);
