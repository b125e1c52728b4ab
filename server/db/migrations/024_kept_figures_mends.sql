-- 024: two mends to 023 and 021.
-- The kept figures (services/figures.ts) read no commentary, report, benefit, risk or decision, so a
-- comment written or a report published no longer sets every function's kept figures aside; the
-- whole answers kept above them still give way to any write. test/api/figures.test.ts ('every
-- table the figures read moves figures_versions') lists these tables as not read.
DROP TRIGGER figures_versions_commentary_insert;
DROP TRIGGER figures_versions_commentary_update;
DROP TRIGGER figures_versions_commentary_delete;
DROP TRIGGER figures_versions_reports_insert;
DROP TRIGGER figures_versions_reports_update;
DROP TRIGGER figures_versions_reports_delete;
DROP TRIGGER figures_versions_benefits_insert;
DROP TRIGGER figures_versions_benefits_update;
DROP TRIGGER figures_versions_benefits_delete;
DROP TRIGGER figures_versions_benefit_measurements_insert;
DROP TRIGGER figures_versions_benefit_measurements_update;
DROP TRIGGER figures_versions_benefit_measurements_delete;
DROP TRIGGER figures_versions_risks_insert;
DROP TRIGGER figures_versions_risks_update;
DROP TRIGGER figures_versions_risks_delete;
DROP TRIGGER figures_versions_decisions_insert;
DROP TRIGGER figures_versions_decisions_update;
DROP TRIGGER figures_versions_decisions_delete;
DROP TRIGGER figures_versions_decision_links_insert;
DROP TRIGGER figures_versions_decision_links_update;
DROP TRIGGER figures_versions_decision_links_delete;

-- A recorded cost can now be withdrawn: its id is never given to another cost, so the audit log's
-- "programme-cost N" always means one cost, and a stale page cannot withdraw a newer one.
CREATE TABLE programme_costs_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO programme_costs_new SELECT * FROM programme_costs;
-- Ids already given out (and audited) stay given out, even to a cost since withdrawn.
DELETE FROM sqlite_sequence WHERE name = 'programme_costs_new';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'programme_costs_new', max(ifnull((SELECT max(id) FROM programme_costs), 0),
                                    ifnull((SELECT max(CAST(entity_id AS INTEGER)) FROM audit_log WHERE entity = 'programme-cost'), 0));
DROP TABLE programme_costs;
ALTER TABLE programme_costs_new RENAME TO programme_costs;
CREATE INDEX programme_costs_by_collaboration ON programme_costs (collaboration_slug, fiscal_year);
CREATE TRIGGER figures_versions_programme_costs_insert AFTER INSERT ON programme_costs BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_costs_update AFTER UPDATE ON programme_costs BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_costs_delete AFTER DELETE ON programme_costs BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
