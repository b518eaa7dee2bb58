-- Accounts, sessions, consultations and their structure, members and invitations.
-- All ids are random UUIDs: nothing sequential that would reveal order or volume.

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  name          text NOT NULL,
  password_hash text NOT NULL,
  is_organiser  boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is stored: a leaked table does not yield usable tokens.
CREATE TABLE sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   bytea NOT NULL UNIQUE,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE consultations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title            text NOT NULL,
  description      text NOT NULL DEFAULT '',
  timezone         text NOT NULL,
  phase            text NOT NULL DEFAULT 'draft'
                   CHECK (phase IN ('draft', 'open', 'closed', 'published')),
  attribution_mode text NOT NULL DEFAULT 'chatham'
                   CHECK (attribution_mode IN ('named', 'chatham', 'anonymous')),
  opens_on         date,
  closes_on        date,
  k_threshold      integer NOT NULL DEFAULT 5 CHECK (k_threshold BETWEEN 2 AND 100),
  template_id      text,
  created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stakeholder_groups (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  name            text NOT NULL,
  position        integer NOT NULL,
  UNIQUE (consultation_id, name)
);

CREATE TABLE members (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('observer', 'reviewer', 'editor', 'admin')),
  group_id        uuid NOT NULL REFERENCES stakeholder_groups (id),
  joined_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (consultation_id, user_id)
);
CREATE INDEX members_user_id_idx ON members (user_id);

CREATE TABLE sections (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  number          text NOT NULL,
  title           text NOT NULL,
  position        integer NOT NULL,
  -- Starting text from the template; the shared paper is seeded from it once.
  initial_body    text NOT NULL DEFAULT ''
);
CREATE INDEX sections_consultation_idx ON sections (consultation_id, position);

CREATE TABLE agenda_sessions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  title           text NOT NULL,
  description     text NOT NULL DEFAULT '',
  speakers        text[] NOT NULL DEFAULT '{}',
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL CHECK (ends_at > starts_at)
);
CREATE INDEX agenda_sessions_consultation_idx ON agenda_sessions (consultation_id, starts_at);

CREATE TABLE agenda_session_sections (
  session_id uuid NOT NULL REFERENCES agenda_sessions (id) ON DELETE CASCADE,
  section_id uuid NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
  PRIMARY KEY (session_id, section_id)
);

CREATE TABLE guiding_questions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  number          integer NOT NULL,
  text            text NOT NULL,
  session_id      uuid REFERENCES agenda_sessions (id) ON DELETE SET NULL,
  UNIQUE (consultation_id, number)
);

CREATE TABLE guiding_question_sections (
  question_id uuid NOT NULL REFERENCES guiding_questions (id) ON DELETE CASCADE,
  section_id  uuid NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
  PRIMARY KEY (question_id, section_id)
);

CREATE TABLE checklist_items (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  position        integer NOT NULL,
  label           text NOT NULL,
  is_checked      boolean NOT NULL DEFAULT false,
  note            text NOT NULL DEFAULT '',
  updated_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at      timestamptz
);
CREATE INDEX checklist_items_consultation_idx ON checklist_items (consultation_id, position);

-- As for sessions, only the hash of an invitation token is kept.
CREATE TABLE invitations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  token_hash      bytea NOT NULL UNIQUE,
  role            text NOT NULL CHECK (role IN ('observer', 'reviewer', 'editor', 'admin')),
  group_id        uuid NOT NULL REFERENCES stakeholder_groups (id) ON DELETE CASCADE,
  email           text,
  label           text NOT NULL DEFAULT '',
  created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  used_by         uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at      timestamptz
);
CREATE INDEX invitations_consultation_idx ON invitations (consultation_id, created_at);

-- One-off data steps (the demo seed) recorded so they run once per database.
CREATE TABLE seeds (
  name       text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);
