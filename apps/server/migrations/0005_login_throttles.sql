-- Sign-in attempts per account, whatever address they come from (docs/operations.md). Keyed by
-- the SHA-256 of the normalised email, so an email without an account is throttled exactly like
-- one with an account, and no address someone typed is kept in clear.
CREATE TABLE login_throttles (
  email_hash      bytea PRIMARY KEY,
  -- Attempts since the last successful sign-in, each counted before its password is checked.
  failures        integer NOT NULL,
  -- No further attempt is checked before this instant; null: none is held back.
  blocked_until   timestamptz,
  last_attempt_at timestamptz NOT NULL
);
-- The hourly sweep removes rows of attempts long past.
CREATE INDEX login_throttles_last_attempt_idx ON login_throttles (last_attempt_at);
