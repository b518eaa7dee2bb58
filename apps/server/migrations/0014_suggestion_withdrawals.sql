-- A suggestion its author withdrew is part of the disposition record too (SPEC §4): recorded,
-- like an editor's decision, before the author's browser takes it out of the text.
ALTER TABLE paper_suggestions
  DROP CONSTRAINT paper_suggestions_outcome_check,
  ADD CONSTRAINT paper_suggestions_outcome_check CHECK (outcome IN ('accepted', 'rejected', 'withdrawn'));

-- What the suggestion inserted and deleted, read from the paper when it was settled: the
-- disposition record and version compare say what was decided, after the text has moved on.
ALTER TABLE paper_suggestions
  ADD COLUMN inserted_text text NOT NULL DEFAULT '',
  ADD COLUMN deleted_text  text NOT NULL DEFAULT '';
