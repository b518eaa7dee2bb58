-- Live session mode (issue 18).
--
-- Agenda items that frame the meeting without content to review — dial-in, opening remarks, an
-- overview, the wrap-up — are agenda sessions of kind 'programme': title, speakers and times,
-- no sections and no guiding questions. Every existing session is a review session.
ALTER TABLE agenda_sessions
  ADD COLUMN kind text NOT NULL DEFAULT 'review' CHECK (kind IN ('review', 'programme'));

-- Every change of any consultation's live state takes the next number: clients keep the state
-- with the highest one, whether it came in an answer or an event. A sequence, not a counter on the
-- row, so it keeps growing when a row is replaced.
CREATE SEQUENCE live_session_revisions;

-- The agenda item a consultation runs live now, or ran last: one row per consultation, so two
-- cannot run at once. Every change locks and renumbers the row, which orders concurrent changes.
-- The state outlives a restart of every instance: the time left is read back from ends_at.
CREATE TABLE live_sessions (
  consultation_id   uuid PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE,
  -- Null once the item was deleted from the agenda: the run is then over.
  agenda_session_id uuid REFERENCES agenda_sessions (id) ON DELETE SET NULL,
  started_at        timestamptz NOT NULL,
  -- The item's end on the agenda, later once the facilitator extended it.
  ends_at           timestamptz NOT NULL,
  -- Null while running.
  ended_at          timestamptz,
  -- What the room discusses now: one guiding question or one section, or neither.
  focus_question_id uuid REFERENCES guiding_questions (id) ON DELETE SET NULL,
  focus_section_id  uuid REFERENCES sections (id) ON DELETE SET NULL,
  revision          bigint NOT NULL DEFAULT nextval('live_session_revisions'),
  CHECK (focus_question_id IS NULL OR focus_section_id IS NULL),
  CHECK (ends_at > started_at)
);

-- Raised hands of the running item, in the order they went up. Like input, a hand keeps the
-- member's role and group, the attribution mode in force and its group label's k-anonymous scope
-- when it was raised (migration 0007), so the queue is labelled by the rules it was raised under.
CREATE TABLE live_hands (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id  uuid NOT NULL REFERENCES live_sessions (consultation_id) ON DELETE CASCADE,
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('observer', 'reviewer', 'editor', 'admin')),
  group_id         uuid NOT NULL REFERENCES stakeholder_groups (id) ON DELETE CASCADE,
  attribution_mode text NOT NULL CHECK (attribution_mode IN ('named', 'chatham', 'anonymous')),
  label_scope      text NOT NULL CHECK (label_scope IN ('group', 'pool', 'participant')),
  -- The guiding question under discussion when it went up.
  question_id      uuid REFERENCES guiding_questions (id) ON DELETE SET NULL,
  raised_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  UNIQUE (consultation_id, user_id)
);
CREATE INDEX live_hands_queue_idx ON live_hands (consultation_id, seq);

-- The mode comes from the consultation row at the moment of the write, never from the caller.
CREATE FUNCTION record_hand_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.attribution_mode := OLD.attribution_mode;
  ELSE
    NEW.attribution_mode := consultation_attribution_mode(NEW.consultation_id);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER live_hands_mode_recorded BEFORE INSERT OR UPDATE ON live_hands
  FOR EACH ROW EXECUTE FUNCTION record_hand_mode();
