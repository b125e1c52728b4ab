-- 026: a recurring saving carried into the years after its business case's last target, shown as
-- carried (the same saving kept) rather than as a new promise. A line's carry names the last
-- financial year its latest yearly target is carried to; the carried years' targets are worked
-- out, never stored (domain/carry.ts), so the business case's own targets stay as the paper gives
-- them. Who set it and when: NULL for Realise's own reading of the papers, with the reason in
-- carry_note (AOJ's £654K "from April 2017", seeded from data/papers/functions.json).
ALTER TABLE savings_lines ADD COLUMN carried_through TEXT CHECK (carried_through IS NULL OR carried_through GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]');
ALTER TABLE savings_lines ADD COLUMN carry_note TEXT;
ALTER TABLE savings_lines ADD COLUMN carry_set_by TEXT;
ALTER TABLE savings_lines ADD COLUMN carry_set_at TEXT;
