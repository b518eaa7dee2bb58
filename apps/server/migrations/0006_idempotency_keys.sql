-- The Idempotency-Key of each creating request, so that a retry answers with what the first
-- request created instead of creating it again (docs/api.md). A key is claimed in the same
-- transaction as the write, so it exists exactly when the write committed; kept 24 hours.
CREATE TABLE idempotency_keys (
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          text NOT NULL,
  -- SHA-256 of the method, path and body: the key used again for another request is refused.
  request_hash bytea NOT NULL,
  -- What the request created; set in the transaction that claims the key.
  resource_id  uuid,
  expires_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
-- The hourly sweep removes expired keys.
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
