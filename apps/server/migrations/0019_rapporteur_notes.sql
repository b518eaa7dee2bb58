-- Rapporteur notes (issue 18): brief notes per agenda session, written live by the session's
-- rapporteurs and the organisers, and published to every member without attribution.

-- The members named to write a session's notes. Removing the member, or the session, removes the
-- naming; a rapporteur who becomes an observer keeps the row but may no longer open the notes.
CREATE TABLE session_rapporteurs (
  session_id uuid NOT NULL REFERENCES agenda_sessions (id) ON DELETE CASCADE,
  member_id  uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, member_id)
);
CREATE INDEX session_rapporteurs_member_idx ON session_rapporteurs (member_id);

-- A session's notes are a Yjs document stored as the paper is (migration 0002): an append-only
-- log of accepted updates, compacted into one snapshot. Deleting the session deletes them.
CREATE TABLE notes_updates (
  session_id uuid NOT NULL REFERENCES agenda_sessions (id) ON DELETE CASCADE,
  -- Internal order of the log; never sent to clients.
  id         bigint GENERATED ALWAYS AS IDENTITY,
  user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  data       bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, id)
);

-- Every update with id <= last_update_id is merged into data.
CREATE TABLE notes_snapshots (
  session_id     uuid PRIMARY KEY REFERENCES agenda_sessions (id) ON DELETE CASCADE,
  data           bytea NOT NULL,
  last_update_id bigint NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Each publication of a session's notes, the latest being what members read: the text as it was
-- published and who published it (the audit log records it too, by name).
CREATE TABLE session_notes_publications (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  session_id      uuid NOT NULL REFERENCES agenda_sessions (id) ON DELETE CASCADE,
  -- { "questions": [{ "questionId", "number", "text", "blocks" }], "general": blocks }, where a
  -- block is { "type": "paragraph" | "heading" | "item", "text" }: plain text, no attribution.
  content         jsonb NOT NULL,
  published_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  published_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX session_notes_publications_session_idx
  ON session_notes_publications (session_id, published_at DESC);

-- Members are told when a session's notes are published.
ALTER TABLE notifications
  DROP CONSTRAINT notifications_kind_check,
  ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reply', 'resolution', 'commentHidden',
    'commentRedacted', 'commentRestored', 'attributionOpened', 'phaseChanged', 'phaseChangeDue',
    'notesPublished')),
  ADD COLUMN session_id uuid REFERENCES agenda_sessions (id) ON DELETE CASCADE;
CREATE INDEX notifications_session_idx ON notifications (session_id) WHERE session_id IS NOT NULL;
