-- Platform: regions, organisations, accounts, sessions and the append-only audit trail.

CREATE TABLE regions (
  code        text PRIMARY KEY CHECK (code ~ '^\d{6}(\d{3}(\d{3})?)?$'),
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('district', 'town', 'village')),
  kind        text NOT NULL,
  parent_code text REFERENCES regions (code),
  source      text NOT NULL
);
COMMENT ON TABLE regions IS 'Administrative divisions: GB/T 2260 district code (6 digits) and NBS statistical codes for towns (9) and villages (12).';
COMMENT ON COLUMN regions.kind IS '区 / 街道 / 镇 / 居民委员会 / 村民委员会 as the source names them.';
COMMENT ON COLUMN regions.source IS 'Where the code comes from and its vintage, e.g. NBS 2023 statistical division codes.';
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE orgs (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  short_name  text,
  kind        text NOT NULL CHECK (kind IN ('district', 'bureau', 'section', 'justiceOffice', 'department', 'court',
                                            'mediationCommittee', 'lawFirm', 'station', 'other')),
  parent_id   bigint REFERENCES orgs (id),
  region_code text NOT NULL REFERENCES regions (code),
  is_demo     boolean NOT NULL DEFAULT false,
  active      boolean NOT NULL DEFAULT true,
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS DISTINCT FROM id)
);
COMMENT ON TABLE orgs IS 'Organisations: the bureau, its sections, township justice offices, departments, courts, committees, firms, stations. A tree through parent_id.';
COMMENT ON COLUMN orgs.code IS 'Stable machine name, e.g. bureau, jo-330211001, dept-market.';
COMMENT ON COLUMN orgs.is_demo IS 'Loaded by the demo district; a real deployment can tell and remove them.';
COMMENT ON COLUMN orgs.version IS 'Optimistic lock: incremented on every update.';
CREATE INDEX orgs_parent ON orgs (parent_id);

CREATE TABLE org_closure (
  ancestor_id   bigint NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  descendant_id bigint NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  depth         integer NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
);
COMMENT ON TABLE org_closure IS 'Every (ancestor, descendant) pair of the org tree, self included at depth 0: scope filters are one join.';
CREATE INDEX org_closure_descendant ON org_closure (descendant_id);

CREATE TABLE users (
  id                   bigserial PRIMARY KEY,
  username             text NOT NULL CHECK (username ~ '^[a-zA-Z0-9][a-zA-Z0-9._-]{2,31}$'),
  display_name         text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  phone                text,
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled             boolean NOT NULL DEFAULT false,
  failed_attempts      integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  is_demo              boolean NOT NULL DEFAULT false,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE users IS 'Accounts. Passwords are argon2id hashes; failed_attempts and locked_until implement the lockout.';
CREATE UNIQUE INDEX users_username ON users (lower(username));

CREATE TABLE memberships (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id  bigint NOT NULL REFERENCES orgs (id),
  role    text NOT NULL CHECK (role IN ('admin', 'leader', 'sectionStaff', 'townshipStaff', 'submitter',
                                        'mediator', 'lawyer', 'auditor')),
  PRIMARY KEY (user_id, org_id, role)
);
COMMENT ON TABLE memberships IS 'A role a user holds in an organisation; the user''s scope for that role is the organisation''s subtree.';
CREATE INDEX memberships_org ON memberships (org_id);

CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text,
  revoked_at   timestamptz
);
COMMENT ON TABLE sessions IS 'Server-side sessions. id is the SHA-256 of the cookie token, so a leaked table gives no usable cookie.';
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit trail: append-only and hash-chained. Each row's hash covers the previous row's hash and
-- every field of the row, so an edited or removed row breaks the chain at that point.
CREATE TABLE audit_log (
  seq         bigint PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    bigint,
  actor_name  text,
  ip          text,
  request_id  text,
  action      text NOT NULL,
  object_type text,
  object_id   text,
  outcome     text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  summary     jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL
);
COMMENT ON TABLE audit_log IS 'Who did and who viewed what: every write, sign-in, denial, export and sensitive read. Insert-only; hash-chained.';
COMMENT ON COLUMN audit_log.at IS 'UTC instant of the action (transaction time).';
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_action ON audit_log (action, seq);

CREATE TABLE audit_head (
  id   integer PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_head IS 'The chain''s last link. Its row lock serialises appends, so seq order is chain order.';
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_digest(prev text, seq bigint, at timestamptz, actor_id bigint, actor_name text, ip text,
                             request_id text, action text, object_type text, object_id text, outcome text,
                             summary jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f', prev, seq::text,
    ((extract(epoch FROM at) * 1000000)::bigint)::text, coalesce(actor_id::text, ''), coalesce(actor_name, ''),
    coalesce(ip, ''), coalesce(request_id, ''), action, coalesce(object_type, ''), coalesce(object_id, ''),
    outcome, coalesce(summary::text, '')), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_append(p_actor_id bigint, p_actor_name text, p_ip text, p_request_id text, p_action text,
                             p_object_type text, p_object_id text, p_outcome text, p_summary jsonb)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  h audit_head;
  t timestamptz := now();
  new_hash text;
BEGIN
  SELECT * INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
  new_hash := audit_digest(h.hash, h.seq + 1, t, p_actor_id, p_actor_name, p_ip, p_request_id, p_action,
                           p_object_type, p_object_id, p_outcome, p_summary);
  INSERT INTO audit_log (seq, at, actor_id, actor_name, ip, request_id, action, object_type, object_id, outcome,
                         summary, prev_hash, hash)
  VALUES (h.seq + 1, t, p_actor_id, p_actor_name, p_ip, p_request_id, p_action, p_object_type, p_object_id,
          p_outcome, p_summary, h.hash, new_hash);
  UPDATE audit_head SET seq = h.seq + 1, hash = new_hash WHERE id = 1;
  RETURN h.seq + 1;
END $$;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- The first chain break, or none: recomputes every link in one set-based pass.
CREATE FUNCTION audit_verify() RETURNS TABLE (broken_seq bigint, reason text) LANGUAGE sql STABLE AS $$
  WITH links AS (
    SELECT a.seq, a.hash, a.prev_hash,
           lag(a.hash, 1, repeat('0', 64)) OVER (ORDER BY a.seq) AS expected_prev,
           lag(a.seq, 1, 0::bigint) OVER (ORDER BY a.seq) AS previous_seq,
           audit_digest(a.prev_hash, a.seq, a.at, a.actor_id, a.actor_name, a.ip, a.request_id, a.action,
                        a.object_type, a.object_id, a.outcome, a.summary) AS recomputed
    FROM audit_log a
  )
  SELECT seq, CASE WHEN seq <> previous_seq + 1 THEN 'missing row before this one'
                   WHEN prev_hash <> expected_prev THEN 'previous hash does not match'
                   ELSE 'row content does not match its hash' END
  FROM links
  WHERE seq <> previous_seq + 1 OR prev_hash <> expected_prev OR hash <> recomputed
  ORDER BY seq LIMIT 1
$$;
