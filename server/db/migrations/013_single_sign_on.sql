-- 013: signing in with a force's own account (OpenID Connect).
-- A person is known to a provider by its stable subject id, never by email alone.
CREATE TABLE user_identities (
  provider TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_sign_in_at TEXT NOT NULL,
  PRIMARY KEY (provider, subject)
) STRICT;
CREATE INDEX user_identities_by_user ON user_identities (user_id);

-- A sign-in on its way to a provider and back: its PKCE verifier and nonce, found by the hash of
-- its state, bound to the browser that started it (the hash of a cookie), used once, for 10 minutes.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  browser_hash TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  next TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- Which provider a session came from, and its ID token, for signing out at the provider too.
CREATE TABLE oidc_sessions (
  token_hash TEXT PRIMARY KEY REFERENCES sessions(token_hash) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  id_token TEXT NOT NULL
) STRICT;
