-- Comment threads on guiding questions and passages of the paper, their comments and endorsements.
-- Authorship is kept in full here; what a viewer may see of it is decided where data leaves the
-- server (SPEC §3). Ids are random UUIDs, so they reveal neither order nor authorship.

CREATE TABLE threads (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  -- Null: general input. A removed question turns its threads into general input.
  question_id     uuid REFERENCES guiding_questions (id) ON DELETE SET NULL,
  -- The anchor: encoded Yjs relative positions inside the section's fragment, and the quote.
  -- No foreign key on the section: input on a section that was later removed stays readable.
  section_id      uuid,
  anchor_start    bytea,
  anchor_end      bytea,
  quote           text,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  outcome         text CHECK (outcome IN ('accepted', 'partly_accepted', 'not_accepted', 'no_change_needed')),
  resolution_note text,
  resolved_by     uuid REFERENCES users (id),
  resolver_role   text CHECK (resolver_role IN ('observer', 'reviewer', 'editor', 'admin')),
  resolver_group  uuid REFERENCES stakeholder_groups (id),
  resolved_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((section_id IS NULL) = (anchor_start IS NULL)
     AND (section_id IS NULL) = (anchor_end IS NULL)
     AND (section_id IS NULL) = (quote IS NULL)),
  CHECK ((status = 'resolved') = (outcome IS NOT NULL)
     AND (status = 'resolved') = (resolved_at IS NOT NULL)
     AND (status = 'resolved') = (resolved_by IS NOT NULL))
);
CREATE INDEX threads_consultation_idx ON threads (consultation_id, created_at);

-- The author's group and role are stored as they were at posting time. Group references block
-- deleting a group that holds input (the groups endpoint answers GROUP_IN_USE).
CREATE TABLE comments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id    uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  author_id    uuid NOT NULL REFERENCES users (id),
  author_role  text NOT NULL CHECK (author_role IN ('observer', 'reviewer', 'editor', 'admin')),
  author_group uuid NOT NULL REFERENCES stakeholder_groups (id),
  -- Emptied when deleted: the tombstone keeps only its place and authorship.
  body         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  edited_at    timestamptz,
  deleted_at   timestamptz
);
CREATE INDEX comments_thread_idx ON comments (thread_id, created_at);

-- One endorsement per person and comment, counted under the group they were in when endorsing.
CREATE TABLE endorsements (
  comment_id uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id),
  group_id   uuid NOT NULL REFERENCES stakeholder_groups (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_id, user_id)
);

-- In-app notifications: a reply to, or the resolution of, a thread the recipient opened. The
-- actor's role and group are kept as they were, like a comment's author.
CREATE TABLE notifications (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  thread_id       uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('reply', 'resolution')),
  actor_id        uuid NOT NULL REFERENCES users (id),
  actor_role      text NOT NULL CHECK (actor_role IN ('observer', 'reviewer', 'editor', 'admin')),
  actor_group     uuid NOT NULL REFERENCES stakeholder_groups (id),
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  read_at         timestamptz
);
CREATE INDEX notifications_recipient_idx ON notifications (user_id, consultation_id, created_at);
