-- Comments on a suggested change (issue 17): a thread may discuss one suggestion of its
-- consultation's paper, anchored to the suggested passage. Should a suggestion's record ever go,
-- its threads stay, as input on the passage alone.
ALTER TABLE threads
  ADD COLUMN suggestion_id text,
  ADD CONSTRAINT threads_suggestion_fkey FOREIGN KEY (consultation_id, suggestion_id)
    REFERENCES paper_suggestions (consultation_id, suggestion_id) ON DELETE SET NULL (suggestion_id);
CREATE INDEX threads_suggestion_idx ON threads (consultation_id, suggestion_id)
  WHERE suggestion_id IS NOT NULL;

-- The guiding question a suggestion answers: the one its author chose when first opening a
-- thread on it with a question. A removed question leaves the suggestion answering none.
ALTER TABLE paper_suggestions
  ADD COLUMN question_id uuid REFERENCES guiding_questions (id) ON DELETE SET NULL;
