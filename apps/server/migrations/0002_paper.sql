-- The shared paper: an append-only log of accepted Yjs updates, compacted into one snapshot per
-- consultation. Attribution is kept by user and by the stakeholder group at the time of the edit.

-- One index only (the key), as every read is "this paper's log in order": each edit is a row,
-- so per-row overhead is most of what an edit costs on disk.
CREATE TABLE paper_updates (
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  -- Internal order of the log; never sent to clients.
  id              bigint GENERATED ALWAYS AS IDENTITY,
  user_id         uuid REFERENCES users (id) ON DELETE SET NULL,
  data            bytea NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, id)
);

-- Every update with id <= last_update_id is merged into data.
CREATE TABLE paper_snapshots (
  consultation_id uuid PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  data            bytea NOT NULL,
  last_update_id  bigint NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Characters each member inserted and deleted per section per day, for input tracking.
-- section_id has no foreign key: text written in a section that was later removed still counts.
CREATE TABLE paper_contributions (
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  group_id        uuid NOT NULL,
  section_id      uuid NOT NULL,
  day             date NOT NULL,
  chars_inserted  bigint NOT NULL DEFAULT 0,
  chars_deleted   bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (consultation_id, user_id, group_id, section_id, day)
);

-- Named, immutable snapshots of the paper: written once, never updated.
CREATE TABLE paper_versions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  name            text NOT NULL,
  -- The whole paper as one Yjs update.
  data            bytea NOT NULL,
  -- The sections as they were: [{ "id", "number", "title" }] in paper order.
  outline         jsonb NOT NULL,
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  -- The creator's role at the time, shown to viewers not entitled to names.
  creator_role    text NOT NULL CHECK (creator_role IN ('observer', 'reviewer', 'editor', 'admin')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (consultation_id, name)
);
