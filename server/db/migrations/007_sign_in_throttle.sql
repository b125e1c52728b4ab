-- 007: sign-in throttling by account and address together (a stranger's guesses lock only their
-- own address out of an account), and failures pruned by time.
CREATE INDEX sign_in_failures_by_email_address ON sign_in_failures (email, address, at);
CREATE INDEX sign_in_failures_by_time ON sign_in_failures (at);
