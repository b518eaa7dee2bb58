-- Moderation: members flag comments; editors and admins hide or redact them, and restore them.
--
-- A moderated comment's text as written moves out of `comments.body` into this table, and
-- `comments.body` keeps only what may be shown: nothing when hidden, the text with its redacted
-- parts cut when redacted. So no query that reads comments — threads, live events, exports,
-- statistics, any later search — can reach the removed text; only the moderation queue reads it
-- here, and restoring puts it back.
CREATE TABLE comment_moderations (
  comment_id    uuid PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
  state         text NOT NULL CHECK (state IN ('hidden', 'redacted')),
  original_body text NOT NULL,
  -- The redacted parts of original_body: [{ "start", "end" }] in UTF-16 code units.
  ranges        jsonb NOT NULL DEFAULT '[]',
  -- Shown to the author, never to other members.
  reason        text NOT NULL,
  moderated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  moderated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Who flagged is kept only to hold one open flag per member and comment: the organisers see the
-- reasons, never who gave them, so flagging cannot single anyone out either.
CREATE TABLE comment_flags (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- Set when the organisers hide, redact or dismiss.
  closed_at  timestamptz
);
CREATE UNIQUE INDEX comment_flags_open_idx ON comment_flags (comment_id, user_id) WHERE closed_at IS NULL;
CREATE INDEX comment_flags_comment_idx ON comment_flags (comment_id, created_at);

-- Notifications now also tell authors about moderation (with the organisers' reason) and every
-- member about a switch to a more open attribution mode, which concerns no thread.
ALTER TABLE notifications
  ALTER COLUMN thread_id DROP NOT NULL,
  DROP CONSTRAINT notifications_kind_check,
  ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reply', 'resolution', 'commentHidden',
    'commentRedacted', 'commentRestored', 'attributionOpened')),
  ADD COLUMN comment_id uuid REFERENCES comments (id) ON DELETE CASCADE,
  ADD COLUMN note text,
  ADD COLUMN new_mode text CHECK (new_mode IN ('named', 'chatham', 'anonymous'));
