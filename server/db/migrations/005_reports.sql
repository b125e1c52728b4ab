-- 005: the six-monthly report. A published report is a frozen snapshot: the report as it was
-- drafted, stored whole with who published it, when, and a SHA-256 hash of its content. It is never
-- changed or removed; publishing again adds a new version beside it.

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  collaboration_slug TEXT NOT NULL REFERENCES collaborations(slug),
  half TEXT NOT NULL CHECK (half GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-H[12]'),
  version INTEGER NOT NULL CHECK (version >= 1),
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_by_name TEXT NOT NULL,
  content TEXT NOT NULL CHECK (json_valid(content)),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  format_version INTEGER NOT NULL,
  database_version INTEGER NOT NULL,
  realise_version TEXT NOT NULL,
  UNIQUE (collaboration_slug, half, version)
) STRICT;

CREATE TRIGGER reports_are_frozen BEFORE UPDATE ON reports
BEGIN
  SELECT RAISE(ABORT, 'a published report cannot be changed; publish a new version');
END;
CREATE TRIGGER reports_are_kept BEFORE DELETE ON reports
BEGIN
  SELECT RAISE(ABORT, 'a published report cannot be removed');
END;

-- A programme officer publishes the reports. SQLite cannot change a CHECK, so the grants table is
-- rebuilt with the new role allowed, its rows copied as they are.
CREATE TABLE user_roles_005 (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'force-editor', 'function-owner', 'programme-officer', 'administrator')),
  force_slug TEXT REFERENCES forces(slug),
  function_slug TEXT REFERENCES functions(slug),
  CHECK ((role = 'force-editor') = (force_slug IS NOT NULL)),
  CHECK ((role = 'function-owner') = (function_slug IS NOT NULL))
) STRICT;
INSERT INTO user_roles_005 (id, user_id, role, force_slug, function_slug)
  SELECT id, user_id, role, force_slug, function_slug FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_005 RENAME TO user_roles;
CREATE UNIQUE INDEX user_roles_one_grant ON user_roles (user_id, role, ifnull(force_slug, ''), ifnull(function_slug, ''));
