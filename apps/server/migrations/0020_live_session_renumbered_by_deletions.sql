-- Deleting the agenda item that runs live, or the question or section in the room's focus, clears
-- it on the live row by its foreign key (migration 0018), which no change of ours renumbers: this
-- renumbers every update of the row that kept its revision, so clients take the state as newer.
CREATE FUNCTION renumber_live_session() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.revision = OLD.revision THEN
    NEW.revision := nextval('live_session_revisions');
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER live_sessions_renumbered BEFORE UPDATE ON live_sessions
  FOR EACH ROW EXECUTE FUNCTION renumber_live_session();
