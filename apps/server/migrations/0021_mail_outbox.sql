-- Outgoing mail (issue 21). A mail is written here in the transaction of what it is about, and
-- each instance's worker sends it later (docs/architecture.md, "Outgoing mail"): a mail server
-- outage delays mail but loses none, and a restart does not send a mail twice.
CREATE TABLE mail_outbox (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('passwordReset')),
  recipient       text NOT NULL,
  subject         text NOT NULL,
  text_body       text NOT NULL,
  html_body       text NOT NULL,
  -- The Message-ID header every attempt sends, so a copy sent twice can be recognised as one.
  message_id      text NOT NULL UNIQUE,
  -- pending: to be sent; sending: claimed by a worker until claimed_until; sent; failed: given up;
  -- kept: no SMTP_URL, readable in the app by installation organisers only.
  status          text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'kept')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_until   timestamptz,
  last_error      text,
  sent_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'sending') = (claimed_until IS NOT NULL)),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
-- What a worker's claim reads: mail due now, and claims whose holder has not finished in time.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_claimed_idx ON mail_outbox (claimed_until) WHERE status = 'sending';
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);

-- Password reset links: only the SHA-256 of the token is stored, as for sessions. A link works
-- once, until expires_at; a reset uses up every other link of the account too.
CREATE TABLE password_resets (
  token_hash bytea PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at);
