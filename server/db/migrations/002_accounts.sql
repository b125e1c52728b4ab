-- 002: accounts, roles, sessions and sign-in throttling. Passwords are stored only as scrypt
-- hashes; session and setup tokens only as SHA-256 hashes, so a copy of the database lets nobody in.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
  display_name TEXT NOT NULL CHECK (length(display_name) > 0),
  password_hash TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;

-- A force editor is named for one force, a function owner for one function: a row per grant.
CREATE TABLE user_roles (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'force-editor', 'function-owner', 'administrator')),
  force_slug TEXT REFERENCES forces(slug),
  function_slug TEXT REFERENCES functions(slug),
  CHECK ((role = 'force-editor') = (force_slug IS NOT NULL)),
  CHECK ((role = 'function-owner') = (function_slug IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX user_roles_one_grant ON user_roles (user_id, role, ifnull(force_slug, ''), ifnull(function_slug, ''));

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- The one-time link that creates the first administrator.
CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  used_at TEXT
) STRICT;

-- Failed sign-ins, counted per account name and per address to slow down guessing.
CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE,
  address TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX sign_in_failures_by_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);

-- Who did a write, for every ledger entry written from now on.
CREATE INDEX audit_log_by_time ON audit_log (at);
