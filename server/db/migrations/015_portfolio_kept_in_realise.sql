-- 015: the portfolio kept in Realise, not only seeded from the papers.
-- Every police force of England and Wales and the British Transport Police (43 + 1), by their
-- official names, so that a national collaboration can be added. The nine the papers name are
-- seeded from data/papers; these are the other 35 (INSERT OR IGNORE: a database may hold some).
INSERT OR IGNORE INTO forces (slug, name) VALUES
  ('avon-and-somerset', 'Avon and Somerset Constabulary'),
  ('cheshire', 'Cheshire Constabulary'),
  ('city-of-london', 'City of London Police'),
  ('cleveland', 'Cleveland Police'),
  ('cumbria', 'Cumbria Constabulary'),
  ('derbyshire', 'Derbyshire Constabulary'),
  ('devon-and-cornwall', 'Devon and Cornwall Police'),
  ('dorset', 'Dorset Police'),
  ('durham', 'Durham Constabulary'),
  ('dyfed-powys', 'Dyfed-Powys Police'),
  ('gloucestershire', 'Gloucestershire Constabulary'),
  ('greater-manchester', 'Greater Manchester Police'),
  ('gwent', 'Gwent Police'),
  ('hampshire', 'Hampshire and Isle of Wight Constabulary'),
  ('humberside', 'Humberside Police'),
  ('lancashire', 'Lancashire Constabulary'),
  ('leicestershire', 'Leicestershire Police'),
  ('lincolnshire', 'Lincolnshire Police'),
  ('merseyside', 'Merseyside Police'),
  ('metropolitan', 'Metropolitan Police Service'),
  ('north-wales', 'North Wales Police'),
  ('north-yorkshire', 'North Yorkshire Police'),
  ('northamptonshire', 'Northamptonshire Police'),
  ('northumbria', 'Northumbria Police'),
  ('nottinghamshire', 'Nottinghamshire Police'),
  ('south-wales', 'South Wales Police'),
  ('south-yorkshire', 'South Yorkshire Police'),
  ('staffordshire', 'Staffordshire Police'),
  ('surrey', 'Surrey Police'),
  ('sussex', 'Sussex Police'),
  ('warwickshire', 'Warwickshire Police'),
  ('west-mercia', 'West Mercia Police'),
  ('west-midlands', 'West Midlands Police'),
  ('west-yorkshire', 'West Yorkshire Police'),
  ('wiltshire', 'Wiltshire Police');

-- A function or savings line entered in Realise says who entered it and when; NULL: from the papers.
-- Retiring one keeps its history: it leaves the portfolio from that date, its figures stay.
ALTER TABLE functions ADD COLUMN lead_force_slug TEXT REFERENCES forces(slug);
ALTER TABLE functions ADD COLUMN entered_at TEXT;
ALTER TABLE functions ADD COLUMN entered_by TEXT;
ALTER TABLE functions ADD COLUMN retired_on TEXT CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE savings_lines ADD COLUMN entered_at TEXT;
ALTER TABLE savings_lines ADD COLUMN entered_by TEXT;
ALTER TABLE savings_lines ADD COLUMN retired_on TEXT CHECK (retired_on IS NULL OR retired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- A document a figure entered in Realise rests on (a business case held outside Realise): a paper
-- row whose text Realise does not hold. Its passages are sources like the papers' own.
ALTER TABLE papers ADD COLUMN entered_at TEXT;
ALTER TABLE papers ADD COLUMN entered_by TEXT;

-- A force's memberships, for the list of forces and each force's view.
CREATE INDEX collaboration_members_by_force ON collaboration_members (force_slug, collaboration_slug);
