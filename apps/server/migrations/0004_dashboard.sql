-- The input-tracking dashboard: the phase history its phase filter reads, and indexes for its
-- aggregate queries.

-- Each phase a consultation entered and when. Written by a trigger so every change is recorded
-- however it is made (the phase endpoint, seeds, maintenance SQL).
CREATE TABLE consultation_phase_changes (
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  phase           text NOT NULL CHECK (phase IN ('draft', 'open', 'closed', 'published')),
  changed_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (consultation_id, changed_at)
);

CREATE FUNCTION record_consultation_phase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.phase = NEW.phase THEN
    RETURN NULL;
  END IF;
  INSERT INTO consultation_phase_changes (consultation_id, phase) VALUES (NEW.id, NEW.phase)
  ON CONFLICT (consultation_id, changed_at) DO UPDATE SET phase = EXCLUDED.phase;
  RETURN NULL;
END
$$;

CREATE TRIGGER consultations_phase_recorded
  AFTER INSERT OR UPDATE OF phase ON consultations
  FOR EACH ROW EXECUTE FUNCTION record_consultation_phase();

-- History before this migration is unknown: existing consultations start their record now, so
-- earlier input counts in the unfiltered dashboard but under no phase filter.
INSERT INTO consultation_phase_changes (consultation_id, phase)
SELECT id, phase FROM consultations;
