-- How reviewers may change the paper's text: edit it directly, or only comment while the editors
-- change it. Editors and admins always edit directly. 'suggest' is reserved for proposed changes
-- the editors accept or reject.
ALTER TABLE consultations
  ADD COLUMN text_changes text NOT NULL DEFAULT 'edit' CHECK (text_changes IN ('suggest', 'edit', 'comment'));
