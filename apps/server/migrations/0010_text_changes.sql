-- How reviewers may change the paper's text: suggest changes the editors accept or reject, edit it
-- directly, or only comment while the editors change it. Editors and admins always edit directly.
-- Consultations made before keep what they had ('edit'); new ones get the application's default.
ALTER TABLE consultations
  ADD COLUMN text_changes text NOT NULL DEFAULT 'edit' CHECK (text_changes IN ('suggest', 'edit', 'comment'));
