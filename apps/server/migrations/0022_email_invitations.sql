-- Invitations by email and stakeholders who name their own group.

-- Invitation mail goes through the outbox like password reset mail.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check
  CHECK (kind IN ('passwordReset', 'invitation'));

-- What a group stands for, shown to invitees who pick their own group.
ALTER TABLE stakeholder_groups ADD COLUMN description text NOT NULL DEFAULT '';

-- No group: the invitee picks one when accepting. An emailed invitation is bound to its address
-- (only an account with that email may use it); mail_id is its latest mail, whose outbox status
-- tells whether it was sent or given up; opened_at is the first time its link was looked at.
ALTER TABLE invitations ALTER COLUMN group_id DROP NOT NULL;
ALTER TABLE invitations
  ADD COLUMN bound_to_email boolean NOT NULL DEFAULT false,
  ADD COLUMN mail_id uuid REFERENCES mail_outbox (id) ON DELETE SET NULL,
  ADD COLUMN opened_at timestamptz,
  ADD COLUMN resends integer NOT NULL DEFAULT 0,
  ADD CHECK (NOT bound_to_email OR email IS NOT NULL);
CREATE INDEX invitations_email_idx ON invitations (consultation_id, email) WHERE bound_to_email;

-- The member picked the group themselves; an admin confirming or changing it clears the mark.
ALTER TABLE members ADD COLUMN group_self_identified boolean NOT NULL DEFAULT false;

-- A member asks the admins to move them to another group; an admin approves or declines.
CREATE TABLE group_change_requests (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  member_id       uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  group_id        uuid NOT NULL REFERENCES stakeholder_groups (id) ON DELETE CASCADE,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  decided_at      timestamptz,
  decided_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One open request per member: asking again replaces the group asked for.
CREATE UNIQUE INDEX group_change_requests_open_idx ON group_change_requests (member_id)
  WHERE status = 'pending';
CREATE INDEX group_change_requests_consultation_idx ON group_change_requests (consultation_id, created_at);
