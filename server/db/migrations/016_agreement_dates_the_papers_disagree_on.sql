-- 016: where the papers disagree about one of an agreement's dates, every claim is kept with its
-- source, under the one thing they are about ("original end"), so the register shows them side by
-- side rather than choosing. The Seven Force agreement: "shall continue until 31 March 2017"
-- (paper 003, the agreement, 6.1) against "the original agreement is due to expire on the 31st March
-- 2019" (paper 003, decision record CPCC 2019-007). A database not yet seeded gets both from
-- data/papers/organisations.json instead.
ALTER TABLE agreement_milestones ADD COLUMN about TEXT;

UPDATE agreement_milestones SET about = 'original end'
 WHERE agreement_slug = 'seven-force' AND kind = 'expires' AND date = '2017-03-31';

INSERT INTO agreement_milestones (agreement_slug, kind, date, description, source_id, about)
SELECT 'seven-force', 'expires', '2019-03-31', 'Original agreement due to expire, as the decision record to extend it states', '003-cpcc-2019-007', 'original end'
 WHERE EXISTS (SELECT 1 FROM agreements WHERE slug = 'seven-force')
   AND EXISTS (SELECT 1 FROM sources WHERE id = '003-cpcc-2019-007')
   AND NOT EXISTS (SELECT 1 FROM agreement_milestones WHERE agreement_slug = 'seven-force' AND kind = 'expires' AND date = '2019-03-31');

-- The register filters by collaboration; a party's agreements are read for the force view.
CREATE INDEX agreement_parties_by_force ON agreement_parties (force_slug, agreement_slug);
