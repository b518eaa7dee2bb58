-- What the editors decided about each suggested change (SPEC §2, §4), part of the disposition
-- record: the outcome, the reason given, who decided and when, and the section it was in. Written
-- before the text is changed to match; a suggestion is decided once.
ALTER TABLE paper_suggestions
  ADD COLUMN outcome    text CHECK (outcome IN ('accepted', 'rejected')),
  ADD COLUMN reason     text NOT NULL DEFAULT '',
  ADD COLUMN section_id uuid REFERENCES sections (id) ON DELETE SET NULL,
  ADD COLUMN decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN decided_at timestamptz,
  ADD CONSTRAINT paper_suggestions_decided CHECK ((outcome IS NULL) = (decided_at IS NULL));
