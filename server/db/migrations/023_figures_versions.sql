-- 023: what each kept figure was worked out from, so a write to one function's ledger lets only
-- that function's figures be worked out again (services/figures.ts). A function's row moves with
-- every entry of its ledger; the row '*' moves with a write to anything else the figures read (plans,
-- targets, members, shares, agreements, sources, commentary…), which is rare and moves them all. A
-- large write (ledger_bulk_write set) moves its functions itself, once (repositories/rollups.ts).
-- Every table but the ledger, its roll-ups and the accounts, sessions and audit has the three
-- triggers below; test/api/figures.test.ts fails on a table added without them (024 takes them off
-- the tables no kept figure reads).
CREATE TABLE figures_versions (
  scope TEXT PRIMARY KEY,           -- a function's slug, or '*'
  version INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO figures_versions (scope, version) VALUES ('*', 1);

CREATE TRIGGER figures_versions_entry_insert AFTER INSERT ON ledger_entries
WHEN NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  INSERT INTO figures_versions (scope, version) SELECT function_slug, 1 FROM savings_lines WHERE id = NEW.savings_line_id
  ON CONFLICT DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER figures_versions_entry_delete AFTER DELETE ON ledger_entries
WHEN NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  INSERT INTO figures_versions (scope, version) SELECT function_slug, 1 FROM savings_lines WHERE id = OLD.savings_line_id
  ON CONFLICT DO UPDATE SET version = version + 1;
END;
-- An entry moved to another line moves both functions.
CREATE TRIGGER figures_versions_entry_update AFTER UPDATE ON ledger_entries
WHEN NOT EXISTS (SELECT 1 FROM ledger_bulk_write)
BEGIN
  INSERT INTO figures_versions (scope, version) SELECT function_slug, 1 FROM savings_lines WHERE id IN (OLD.savings_line_id, NEW.savings_line_id)
  ON CONFLICT DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER figures_versions_agreement_milestones_insert AFTER INSERT ON agreement_milestones BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreement_milestones_update AFTER UPDATE ON agreement_milestones BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreement_milestones_delete AFTER DELETE ON agreement_milestones BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreement_parties_insert AFTER INSERT ON agreement_parties BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreement_parties_update AFTER UPDATE ON agreement_parties BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreement_parties_delete AFTER DELETE ON agreement_parties BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreements_insert AFTER INSERT ON agreements BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreements_update AFTER UPDATE ON agreements BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_agreements_delete AFTER DELETE ON agreements BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_apportionment_shares_insert AFTER INSERT ON apportionment_shares BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_apportionment_shares_update AFTER UPDATE ON apportionment_shares BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_apportionment_shares_delete AFTER DELETE ON apportionment_shares BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_baselines_insert AFTER INSERT ON baselines BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_baselines_update AFTER UPDATE ON baselines BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_baselines_delete AFTER DELETE ON baselines BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_benefit_measurements_insert AFTER INSERT ON benefit_measurements BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_benefit_measurements_update AFTER UPDATE ON benefit_measurements BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_benefit_measurements_delete AFTER DELETE ON benefit_measurements BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_benefits_insert AFTER INSERT ON benefits BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_benefits_update AFTER UPDATE ON benefits BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_benefits_delete AFTER DELETE ON benefits BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_collaboration_members_insert AFTER INSERT ON collaboration_members BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_collaboration_members_update AFTER UPDATE ON collaboration_members BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_collaboration_members_delete AFTER DELETE ON collaboration_members BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_collaborations_insert AFTER INSERT ON collaborations BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_collaborations_update AFTER UPDATE ON collaborations BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_collaborations_delete AFTER DELETE ON collaborations BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_commentary_insert AFTER INSERT ON commentary BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_commentary_update AFTER UPDATE ON commentary BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_commentary_delete AFTER DELETE ON commentary BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_decision_links_insert AFTER INSERT ON decision_links BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_decision_links_update AFTER UPDATE ON decision_links BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_decision_links_delete AFTER DELETE ON decision_links BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_decisions_insert AFTER INSERT ON decisions BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_decisions_update AFTER UPDATE ON decisions BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_decisions_delete AFTER DELETE ON decisions BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_force_bases_insert AFTER INSERT ON force_bases BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_force_bases_update AFTER UPDATE ON force_bases BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_force_bases_delete AFTER DELETE ON force_bases BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_forces_insert AFTER INSERT ON forces BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_forces_update AFTER UPDATE ON forces BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_forces_delete AFTER DELETE ON forces BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_functions_insert AFTER INSERT ON functions BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_functions_update AFTER UPDATE ON functions BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_functions_delete AFTER DELETE ON functions BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_papers_insert AFTER INSERT ON papers BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_papers_update AFTER UPDATE ON papers BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_papers_delete AFTER DELETE ON papers BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_costs_insert AFTER INSERT ON programme_costs BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_costs_update AFTER UPDATE ON programme_costs BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_costs_delete AFTER DELETE ON programme_costs BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_figure_parts_insert AFTER INSERT ON programme_figure_parts BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_figure_parts_update AFTER UPDATE ON programme_figure_parts BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_figure_parts_delete AFTER DELETE ON programme_figure_parts BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_figures_insert AFTER INSERT ON programme_figures BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_figures_update AFTER UPDATE ON programme_figures BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_programme_figures_delete AFTER DELETE ON programme_figures BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_reports_insert AFTER INSERT ON reports BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_reports_update AFTER UPDATE ON reports BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_reports_delete AFTER DELETE ON reports BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_risks_insert AFTER INSERT ON risks BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_risks_update AFTER UPDATE ON risks BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_risks_delete AFTER DELETE ON risks BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_savings_lines_insert AFTER INSERT ON savings_lines BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_savings_lines_update AFTER UPDATE ON savings_lines BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_savings_lines_delete AFTER DELETE ON savings_lines BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_sources_insert AFTER INSERT ON sources BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_sources_update AFTER UPDATE ON sources BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_sources_delete AFTER DELETE ON sources BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_stated_totals_insert AFTER INSERT ON stated_totals BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_stated_totals_update AFTER UPDATE ON stated_totals BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_stated_totals_delete AFTER DELETE ON stated_totals BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_targets_insert AFTER INSERT ON targets BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_targets_update AFTER UPDATE ON targets BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
CREATE TRIGGER figures_versions_targets_delete AFTER DELETE ON targets BEGIN UPDATE figures_versions SET version = version + 1 WHERE scope = '*'; END;
