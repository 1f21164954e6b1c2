-- The audit chain is sealed at commit, no longer in the statement that appends.
--
-- Until now audit_append() locked the chain's head row when it was called and the lock was held to the end of the
-- transaction: every write of the district queued on that one row for the rest of its transaction, including the
-- round trips to the server process that sent its last statements and its COMMIT. Eight clients registering at once
-- ran barely faster than one.
--
-- Now audit_append() only queues the entry in audit_pending, in the caller's transaction, and a deferred constraint
-- trigger seals it when that transaction commits: it takes the head, links the entry (seq, prev_hash, hash) into
-- audit_log and removes it from the queue, all inside COMMIT. The head is held from there to the end of the commit
-- alone. Entries of one transaction are sealed in the order they were appended (deferred triggers fire in the order
-- their events were queued); transactions are sealed in commit order. A transaction that rolls back leaves nothing.
--
-- Threat model, unchanged in what it guarantees: an entry commits if and only if its action commits (same
-- transaction); the product's role cannot write audit_pending, audit_log or audit_head except through
-- audit_append() and the sealing trigger, both running with the owner's rights; an entry is in audit_pending only
-- inside its own uncommitted transaction, so no other session can see or change it there; once sealed, every later
-- hash depends on it and the signed checkpoints (0014) anchor the chain outside the database. The owner of the
-- schema could always rewrite both tables; that is what the checkpoints detect.
CREATE TABLE audit_pending (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    bigint,
  actor_name  text,
  ip          text,
  request_id  text,
  action      text NOT NULL,
  object_type text,
  object_id   text,
  outcome     text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  summary     jsonb
);
COMMENT ON TABLE audit_pending IS 'Audit entries of transactions not yet committed; the commit seals each into audit_log and removes it. Empty outside a running transaction.';

CREATE OR REPLACE FUNCTION audit_append(p_actor_id bigint, p_actor_name text, p_ip text, p_request_id text,
                                        p_action text, p_object_type text, p_object_id text, p_outcome text,
                                        p_summary jsonb)
RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO audit_pending (at, actor_id, actor_name, ip, request_id, action, object_type, object_id, outcome,
                             summary)
  VALUES (now(), p_actor_id, p_actor_name, p_ip, p_request_id, p_action, p_object_type, p_object_id, p_outcome,
          p_summary)
  RETURNING id
$$;
COMMENT ON FUNCTION audit_append(bigint, text, text, text, text, text, text, text, jsonb) IS 'Queues an audit entry in the calling transaction; it is chained into audit_log when that transaction commits. Returns its place in the queue, not its seq.';

CREATE FUNCTION audit_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h audit_head;
  new_hash text;
BEGIN
  SELECT * INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
  new_hash := audit_digest(h.hash, h.seq + 1, NEW.at, NEW.actor_id, NEW.actor_name, NEW.ip, NEW.request_id,
                           NEW.action, NEW.object_type, NEW.object_id, NEW.outcome, NEW.summary);
  INSERT INTO audit_log (seq, at, actor_id, actor_name, ip, request_id, action, object_type, object_id, outcome,
                         summary, prev_hash, hash)
  VALUES (h.seq + 1, NEW.at, NEW.actor_id, NEW.actor_name, NEW.ip, NEW.request_id, NEW.action, NEW.object_type,
          NEW.object_id, NEW.outcome, NEW.summary, h.hash, new_hash);
  UPDATE audit_head SET seq = h.seq + 1, hash = new_hash WHERE id = 1;
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_pending_seal AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_seal();

COMMENT ON TABLE audit_head IS 'The chain''s last link. Taken by audit_seal() at commit, so seq order is commit order.';

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fazhi_app') THEN
    REVOKE ALL ON audit_pending FROM fazhi_app;
    REVOKE ALL ON SEQUENCE audit_pending_id_seq FROM fazhi_app;
  END IF;
END $$;
