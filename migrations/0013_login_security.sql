-- Sign-in lockout per account and source, and the passwords an account used before (等保 2.0: no reuse of the last 5).

CREATE TABLE login_failures (
  user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  source          text NOT NULL,
  failures        integer NOT NULL DEFAULT 0,
  lockouts        integer NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, source)
);
COMMENT ON TABLE login_failures IS 'Wrong passwords per account and client address. Five in a row lock the account for that address only, so a stranger cannot lock out the administrator everywhere; each further lockout within a day lasts twice as long.';
COMMENT ON COLUMN login_failures.source IS 'The client address as the server sees it (X-Forwarded-For only from a trusted proxy).';
COMMENT ON COLUMN login_failures.lockouts IS 'Lockouts from this address since the last quiet day: the next one lasts 15 minutes × 2^lockouts, at most 24 hours.';
CREATE INDEX login_failures_recent ON login_failures (user_id, last_failure_at);

COMMENT ON COLUMN users.failed_attempts IS 'Unused since 0013: failures are counted per source in login_failures.';
COMMENT ON COLUMN users.locked_until IS 'Unused since 0013: lockouts are kept per source in login_failures.';

CREATE TABLE password_history (
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  retired_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE password_history IS 'Hashes (argon2id) of passwords an account no longer uses; a new password may not match the current one or the last four retired.';
CREATE INDEX password_history_user ON password_history (user_id, retired_at DESC);
