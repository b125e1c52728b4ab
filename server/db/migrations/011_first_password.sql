-- 011: an account an administrator creates, or whose password an administrator resets, must change
-- that password at its next sign-in before it can do anything else: the administrator knew it.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
