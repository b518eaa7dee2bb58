-- The phase changes a consultation's dates schedule (issue 18): input opens at the start of
-- opens_on and closes at the end of closes_on, in the consultation's time zone. The application
-- computes due_at whenever the dates or the zone change; each instance's poller claims due rows
-- under a row lock, so every change, and the notice a day before it, happens exactly once.
CREATE TABLE scheduled_phase_changes (
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  -- The phase it moves to: 'open' from draft, 'closed' from open.
  phase           text NOT NULL CHECK (phase IN ('open', 'closed')),
  due_at          timestamptz NOT NULL,
  -- When members were told it is near; null until then.
  noticed_at      timestamptz,
  -- When its time came; applied is false when the phase was no longer the one it moves from.
  done_at         timestamptz,
  applied         boolean,
  PRIMARY KEY (consultation_id, phase),
  CHECK ((done_at IS NULL) = (applied IS NULL))
);
CREATE INDEX scheduled_phase_changes_due_idx ON scheduled_phase_changes (due_at) WHERE done_at IS NULL;

-- Consultations that already have dates: only what is still ahead is scheduled. A date already
-- past changes nothing, as when it is entered from now on (the organisers moved those by hand).
INSERT INTO scheduled_phase_changes (consultation_id, phase, due_at)
SELECT id, 'open', opens_on::timestamp AT TIME ZONE timezone
FROM consultations WHERE opens_on IS NOT NULL AND opens_on::timestamp AT TIME ZONE timezone > now()
UNION ALL
SELECT id, 'closed', (closes_on + 1)::timestamp AT TIME ZONE timezone
FROM consultations WHERE closes_on IS NOT NULL AND (closes_on + 1)::timestamp AT TIME ZONE timezone > now();

-- A scheduled change is made by no one: its audit entry names the schedule and has no role.
ALTER TABLE audit_log ALTER COLUMN actor_role DROP NOT NULL;

-- Members are told of every phase change, and a day before a scheduled one. A scheduled change
-- has no actor, so the actor's columns are null together.
ALTER TABLE notifications
  ALTER COLUMN actor_id DROP NOT NULL,
  ALTER COLUMN actor_role DROP NOT NULL,
  ALTER COLUMN actor_group DROP NOT NULL,
  ADD CONSTRAINT notifications_actor_check
    CHECK ((actor_id IS NULL) = (actor_role IS NULL) AND (actor_id IS NULL) = (actor_group IS NULL)),
  DROP CONSTRAINT notifications_kind_check,
  ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reply', 'resolution', 'commentHidden',
    'commentRedacted', 'commentRestored', 'attributionOpened', 'phaseChanged', 'phaseChangeDue')),
  ADD COLUMN new_phase text CHECK (new_phase IN ('draft', 'open', 'closed', 'published')),
  ADD COLUMN due_at timestamptz;
