-- Attribution fixed when input is made (SPEC §3). Comments, endorsements, resolutions,
-- notifications, paper edits and versions keep the attribution mode in force when they were
-- made; what a viewer sees follows the more closed of that mode and the current one, so a switch
-- to a more open mode never reveals earlier input. The database records the mode itself, from
-- the consultation row at the moment of the write, so no code path can record a more open one.
--
-- Input also keeps the k-anonymous scope its group label had when it was made (`label_scope`:
-- group, pool or participant, decided by the application's one label rule): a group that grows
-- past k later does not name input made while it was small.

-- The more closed of two modes (the same order as `stricterMode` in packages/shared).
CREATE FUNCTION stricter_attribution_mode(a text, b text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN a IS NULL THEN b
    WHEN b IS NULL THEN a
    WHEN 'anonymous' IN (a, b) THEN 'anonymous'
    WHEN 'chatham' IN (a, b) THEN 'chatham'
    ELSE 'named'
  END
$$;

-- The mode in force; the most closed one for a consultation that is gone, so a write the
-- foreign key is about to refuse fails on that rather than on a missing mode.
CREATE FUNCTION consultation_attribution_mode(consultation uuid) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT attribution_mode FROM consultations WHERE id = consultation), 'anonymous')
$$;

ALTER TABLE comments
  ADD COLUMN attribution_mode text CHECK (attribution_mode IN ('named', 'chatham', 'anonymous')),
  ADD COLUMN label_scope text NOT NULL DEFAULT 'group' CHECK (label_scope IN ('group', 'pool', 'participant'));
ALTER TABLE endorsements
  ADD COLUMN attribution_mode text CHECK (attribution_mode IN ('named', 'chatham', 'anonymous')),
  ADD COLUMN label_scope text NOT NULL DEFAULT 'group' CHECK (label_scope IN ('group', 'pool', 'participant'));
ALTER TABLE threads
  ADD COLUMN resolver_mode text CHECK (resolver_mode IN ('named', 'chatham', 'anonymous')),
  ADD COLUMN resolver_scope text CHECK (resolver_scope IN ('group', 'pool', 'participant'));
ALTER TABLE notifications
  ADD COLUMN actor_mode text CHECK (actor_mode IN ('named', 'chatham', 'anonymous')),
  ADD COLUMN actor_scope text NOT NULL DEFAULT 'group' CHECK (actor_scope IN ('group', 'pool', 'participant'));
ALTER TABLE paper_contributions
  ADD COLUMN attribution_mode text CHECK (attribution_mode IN ('named', 'chatham', 'anonymous'));
ALTER TABLE paper_versions
  ADD COLUMN creator_mode text CHECK (creator_mode IN ('named', 'chatham', 'anonymous'));

-- Under which mode earlier input was made is not known: a consultation in `named` mode may have
-- been in the default Chatham House mode when it was given. It counts as made under the more
-- closed of the current mode and `chatham`, so the upgrade reveals no name.
UPDATE comments c SET attribution_mode = stricter_attribution_mode(con.attribution_mode, 'chatham')
FROM threads t JOIN consultations con ON con.id = t.consultation_id WHERE t.id = c.thread_id;
UPDATE endorsements e SET attribution_mode = c.attribution_mode FROM comments c WHERE c.id = e.comment_id;
UPDATE threads t SET resolver_mode = stricter_attribution_mode(con.attribution_mode, 'chatham'),
  resolver_scope = 'group'
FROM consultations con WHERE con.id = t.consultation_id AND t.status = 'resolved';
UPDATE notifications n SET actor_mode = stricter_attribution_mode(con.attribution_mode, 'chatham')
FROM consultations con WHERE con.id = n.consultation_id;
UPDATE paper_contributions p SET attribution_mode = stricter_attribution_mode(con.attribution_mode, 'chatham')
FROM consultations con WHERE con.id = p.consultation_id;
UPDATE paper_versions v SET creator_mode = stricter_attribution_mode(con.attribution_mode, 'chatham')
FROM consultations con WHERE con.id = v.consultation_id;

ALTER TABLE comments ALTER COLUMN attribution_mode SET NOT NULL;
ALTER TABLE endorsements ALTER COLUMN attribution_mode SET NOT NULL;
ALTER TABLE notifications ALTER COLUMN actor_mode SET NOT NULL;
ALTER TABLE paper_contributions ALTER COLUMN attribution_mode SET NOT NULL;
ALTER TABLE paper_versions ALTER COLUMN creator_mode SET NOT NULL;
ALTER TABLE threads ADD CHECK ((status = 'resolved') = (resolver_mode IS NOT NULL)
  AND (status = 'resolved') = (resolver_scope IS NOT NULL));

-- Set on insert from the consultation, never changed after: a row's mode is the one in force
-- when it was written (or a more closed one the writer asked for, as a notification does).
CREATE FUNCTION record_comment_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.attribution_mode := OLD.attribution_mode;
  ELSE
    NEW.attribution_mode := consultation_attribution_mode((SELECT consultation_id FROM threads
                                                           WHERE id = NEW.thread_id));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER comments_mode_recorded BEFORE INSERT OR UPDATE ON comments
  FOR EACH ROW EXECUTE FUNCTION record_comment_mode();

CREATE FUNCTION record_endorsement_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.attribution_mode := OLD.attribution_mode;
  ELSE
    NEW.attribution_mode := consultation_attribution_mode((SELECT t.consultation_id FROM comments c
                                                           JOIN threads t ON t.id = c.thread_id
                                                           WHERE c.id = NEW.comment_id));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER endorsements_mode_recorded BEFORE INSERT OR UPDATE ON endorsements
  FOR EACH ROW EXECUTE FUNCTION record_endorsement_mode();

-- A resolution is recorded with the mode in force when it is made; reopening clears it. The
-- scope is the application's; a resolution written without one counts at its group's current.
CREATE FUNCTION record_resolver_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'resolved' THEN
    NEW.resolver_mode := NULL;
    NEW.resolver_scope := NULL;
  ELSIF TG_OP = 'UPDATE' AND OLD.status = 'resolved' THEN
    NEW.resolver_mode := OLD.resolver_mode;
  ELSE
    NEW.resolver_mode := consultation_attribution_mode(NEW.consultation_id);
    NEW.resolver_scope := coalesce(NEW.resolver_scope, 'group');
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER threads_resolver_mode_recorded BEFORE INSERT OR UPDATE ON threads
  FOR EACH ROW EXECUTE FUNCTION record_resolver_mode();

CREATE FUNCTION record_notification_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.actor_mode := OLD.actor_mode;
  ELSE
    NEW.actor_mode := stricter_attribution_mode(NEW.actor_mode,
                                                consultation_attribution_mode(NEW.consultation_id));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER notifications_mode_recorded BEFORE INSERT OR UPDATE ON notifications
  FOR EACH ROW EXECUTE FUNCTION record_notification_mode();

-- Edit counters are summed per member, section and day: a day's row keeps the most closed mode
-- in force during any of its edits.
CREATE FUNCTION record_contribution_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.attribution_mode := stricter_attribution_mode(
    CASE WHEN TG_OP = 'UPDATE' THEN OLD.attribution_mode END,
    consultation_attribution_mode(NEW.consultation_id));
  RETURN NEW;
END
$$;
CREATE TRIGGER paper_contributions_mode_recorded BEFORE INSERT OR UPDATE ON paper_contributions
  FOR EACH ROW EXECUTE FUNCTION record_contribution_mode();

CREATE FUNCTION record_version_mode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.creator_mode := consultation_attribution_mode(NEW.consultation_id);
  RETURN NEW;
END
$$;
CREATE TRIGGER paper_versions_mode_recorded BEFORE INSERT ON paper_versions
  FOR EACH ROW EXECUTE FUNCTION record_version_mode();
