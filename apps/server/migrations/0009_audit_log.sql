-- The organisers' own record (SPEC §3): every action an editor or admin takes on attribution,
-- figures, phases, members, invitations, exports, moderation, resolutions and versions, with who
-- (by name, as they were called then), what, when, and the state before and after.
--
-- Append-only: the application has no statement that changes or removes an entry, and the
-- database refuses UPDATE, DELETE and TRUNCATE on the table whoever asks. The consultation
-- reference has no cascade, so a consultation with a record cannot be deleted with it either.
CREATE TABLE audit_log (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id),
  -- No foreign key: the record outlives the account.
  actor_id        uuid,
  actor_name      text NOT NULL,
  actor_role      text NOT NULL CHECK (actor_role IN ('observer', 'reviewer', 'editor', 'admin')),
  action          text NOT NULL,
  target_type     text NOT NULL,
  target_id       uuid,
  target_label    text NOT NULL DEFAULT '',
  before          jsonb,
  after           jsonb,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_log_consultation_idx ON audit_log (consultation_id, created_at, id);

CREATE FUNCTION refuse_audit_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_change();
CREATE TRIGGER audit_log_never_truncated BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_change();
