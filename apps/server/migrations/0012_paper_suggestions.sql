-- Who made each suggested change of a paper (SPEC §2, §4). The suggestion itself lives in the
-- paper as marks carrying its id; this row ties the id to its author, for good: nobody else can
-- take it over, and the author's stakeholder group, the attribution mode in force and the scope
-- the group label had are kept as they were when the suggestion was made (as for comments,
-- migration 0007). Written in the same statement as the update that brought the suggestion in.
CREATE TABLE paper_suggestions (
  consultation_id  uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  suggestion_id    text NOT NULL,
  author_id        uuid REFERENCES users (id) ON DELETE SET NULL,
  group_id         uuid REFERENCES stakeholder_groups (id) ON DELETE SET NULL,
  attribution_mode text NOT NULL CHECK (attribution_mode IN ('named', 'chatham', 'anonymous')),
  label_scope      text NOT NULL CHECK (label_scope IN ('group', 'pool', 'participant')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultation_id, suggestion_id)
);
