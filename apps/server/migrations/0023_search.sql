-- Full-text search of a consultation's input: comments, the passages threads quote, the paper's
-- text as it is and in each version, and the published session notes.
--
-- The language the input is mostly written in decides how words are stemmed: with the database's
-- rules where it has them (Arabic, English, French, Russian, Spanish), as lower-cased words
-- (`simple`) otherwise. Changing it re-indexes the consultation.
ALTER TABLE consultations
  ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('ar', 'en', 'es', 'fr', 'ru', 'zh'));

CREATE FUNCTION search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (CASE language
    WHEN 'ar' THEN 'arabic' WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish'
    WHEN 'fr' THEN 'french' WHEN 'ru' THEN 'russian' ELSE 'simple' END)::regconfig
$$;

-- Chinese and Japanese are written without spaces, so the parser would take a whole clause for one
-- word. Each of their characters becomes a word of its own instead, in documents and queries
-- alike, and search_query asks for a run of them as a phrase: a run is found wherever it stands
-- in a sentence, the same on every backend (no segmenter or extension needed).
CREATE FUNCTION search_words(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(input,
    '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef])', ' \1 ', 'g')
$$;

CREATE FUNCTION search_vector(language text, input text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_tsvector(search_config(language), search_words(coalesce(input, ''))) $$;

-- A query as a search box takes it (quoted phrases, OR, -word); each run of Chinese or Japanese
-- characters becomes a phrase of its characters.
CREATE FUNCTION search_query(language text, input text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT websearch_to_tsquery(search_config(language), search_words(regexp_replace(input,
    '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]+)', '"\1"', 'g')))
$$;

-- Only text any reader of the thread may see is indexed: `comments.body` already holds nothing of
-- a hidden comment and only the shown parts of a redacted one (0008), and no name or email is.
ALTER TABLE comments ADD COLUMN search tsvector;
ALTER TABLE threads ADD COLUMN search tsvector;

CREATE FUNCTION comments_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := search_vector(
    (SELECT c.language FROM threads t JOIN consultations c ON c.id = t.consultation_id WHERE t.id = NEW.thread_id),
    NEW.body);
  RETURN NEW;
END $$;
CREATE TRIGGER comments_search BEFORE INSERT OR UPDATE OF body ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_search_update();

CREATE FUNCTION threads_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := search_vector((SELECT language FROM consultations WHERE id = NEW.consultation_id), NEW.quote);
  RETURN NEW;
END $$;
CREATE TRIGGER threads_search BEFORE INSERT OR UPDATE OF quote ON threads
  FOR EACH ROW EXECUTE FUNCTION threads_search_update();

-- The paper's text as plain text per section, for search: the current paper's (kept by the server
-- as it stores the paper, since SQL cannot read a Yjs document) and each version's (written once).
CREATE TABLE paper_section_texts (
  section_id      uuid PRIMARY KEY REFERENCES sections (id) ON DELETE CASCADE,
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  text            text NOT NULL,
  search          tsvector
);
CREATE TABLE paper_version_texts (
  version_id      uuid NOT NULL REFERENCES paper_versions (id) ON DELETE CASCADE,
  -- As the version's outline has it: the section may be gone from the paper since.
  section_id      uuid NOT NULL,
  consultation_id uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  text            text NOT NULL,
  search          tsvector,
  PRIMARY KEY (version_id, section_id)
);

CREATE FUNCTION texts_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := search_vector((SELECT language FROM consultations WHERE id = NEW.consultation_id), NEW.text);
  RETURN NEW;
END $$;
CREATE TRIGGER paper_section_texts_search BEFORE INSERT OR UPDATE OF text ON paper_section_texts
  FOR EACH ROW EXECUTE FUNCTION texts_search_update();
CREATE TRIGGER paper_version_texts_search BEFORE INSERT OR UPDATE OF text ON paper_version_texts
  FOR EACH ROW EXECUTE FUNCTION texts_search_update();

-- Published session notes are plain text already (0019): the questions' and the blocks' text.
CREATE FUNCTION notes_text(content jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg(value #>> '{}', E'\n' ORDER BY n), '')
  FROM jsonb_path_query(content, 'strict $.**.text') WITH ORDINALITY AS texts (value, n)
$$;
ALTER TABLE session_notes_publications ADD COLUMN search tsvector;
CREATE FUNCTION notes_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := search_vector((SELECT language FROM consultations WHERE id = NEW.consultation_id),
    notes_text(NEW.content));
  RETURN NEW;
END $$;
CREATE TRIGGER session_notes_publications_search BEFORE INSERT OR UPDATE OF content
  ON session_notes_publications FOR EACH ROW EXECUTE FUNCTION notes_search_update();

CREATE FUNCTION consultations_search_reindex() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET search = search_vector(NEW.language, quote) WHERE consultation_id = NEW.id;
  UPDATE comments SET search = search_vector(NEW.language, body)
    WHERE thread_id IN (SELECT id FROM threads WHERE consultation_id = NEW.id);
  UPDATE paper_section_texts SET search = search_vector(NEW.language, text) WHERE consultation_id = NEW.id;
  UPDATE paper_version_texts SET search = search_vector(NEW.language, text) WHERE consultation_id = NEW.id;
  UPDATE session_notes_publications SET search = search_vector(NEW.language, notes_text(content))
    WHERE consultation_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER consultations_search_reindex AFTER UPDATE OF language ON consultations
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language)
  EXECUTE FUNCTION consultations_search_reindex();

UPDATE threads t SET search = search_vector(c.language, t.quote) FROM consultations c WHERE c.id = t.consultation_id;
UPDATE comments SET body = body;
UPDATE session_notes_publications SET content = content;

CREATE INDEX comments_search_idx ON comments USING gin (search);
CREATE INDEX threads_search_idx ON threads USING gin (search);
CREATE INDEX paper_section_texts_search_idx ON paper_section_texts USING gin (search);
CREATE INDEX paper_version_texts_search_idx ON paper_version_texts USING gin (search);
CREATE INDEX session_notes_publications_search_idx ON session_notes_publications USING gin (search);
