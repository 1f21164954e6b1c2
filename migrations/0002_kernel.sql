-- Kernel: matters and their history, statutory deadlines, official documents, attachments, notifications, jobs,
-- loaded holiday notices and idempotency keys. Every business line stores its matters here; a line adds typed
-- detail tables of its own for what its indicators count.

CREATE TABLE holiday_calendars (
  year       integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  notice     jsonb NOT NULL,
  loaded_by  bigint REFERENCES users (id),
  loaded_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE holiday_calendars IS 'State Council holiday notices loaded by an administrator; they override the notices shipped in reference/.';

CREATE TABLE matters (
  id            bigserial PRIMARY KEY,
  line          text NOT NULL,
  kind          text NOT NULL,
  ref_no        text NOT NULL,
  title         text NOT NULL,
  owner_org_id  bigint NOT NULL REFERENCES orgs (id),
  region_code   text NOT NULL REFERENCES regions (code),
  subject_org_id bigint REFERENCES orgs (id),
  state         text NOT NULL,
  opened_on     date NOT NULL,
  closed_on     date,
  version       integer NOT NULL DEFAULT 1,
  is_demo       boolean NOT NULL DEFAULT false,
  sensitive     boolean NOT NULL DEFAULT false,
  search_text   text NOT NULL DEFAULT '',
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (line, ref_no)
);
COMMENT ON TABLE matters IS 'One unit of work (事项/案件) of a business line. state is a cache of the last event in matter_events.';
COMMENT ON COLUMN matters.owner_org_id IS 'The organisation that handles the matter; scope filters use it.';
COMMENT ON COLUMN matters.subject_org_id IS 'The organisation the matter is about (respondent, defendant, inspected unit), if any: a department sees matters about itself.';
COMMENT ON COLUMN matters.opened_on IS 'The business date the matter began (e.g. application received), Asia/Shanghai calendar day.';
COMMENT ON COLUMN matters.sensitive IS 'Reads of a sensitive matter are written to the audit trail.';
COMMENT ON COLUMN matters.search_text IS 'Text searched by the list (title, parties, numbers), matched with LIKE through a trigram index.';
CREATE INDEX matters_scope_list ON matters (owner_org_id, line, id DESC);
CREATE INDEX matters_line_state ON matters (line, kind, state, id DESC);
CREATE INDEX matters_subject ON matters (subject_org_id, line) WHERE subject_org_id IS NOT NULL;
CREATE INDEX matters_opened ON matters (line, opened_on);
CREATE INDEX matters_region ON matters (region_code, line);

CREATE TABLE matter_events (
  id           bigserial PRIMARY KEY,
  matter_id    bigint NOT NULL REFERENCES matters (id),
  seq          integer NOT NULL,
  action       text NOT NULL,
  from_state   text,
  to_state     text NOT NULL,
  occurred_on  date NOT NULL,
  actor_id     bigint REFERENCES users (id),
  actor_name   text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}',
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (matter_id, seq)
);
COMMENT ON TABLE matter_events IS 'Append-only history of each matter: who did which action, on which business date, with what data.';
COMMENT ON COLUMN matter_events.occurred_on IS 'The business date of the event (may be earlier than recorded_at, e.g. a letter received yesterday).';
CREATE INDEX matter_events_action ON matter_events (action, occurred_on);

CREATE FUNCTION matter_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'matter_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER matter_events_no_change BEFORE UPDATE OR DELETE ON matter_events
  FOR EACH ROW EXECUTE FUNCTION matter_events_append_only();

CREATE TABLE deadlines (
  id             bigserial PRIMARY KEY,
  matter_id      bigint NOT NULL REFERENCES matters (id),
  key            text NOT NULL,
  rule_id        text NOT NULL,
  rule_version   text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('deadline', 'minimum', 'guideline', 'beforeEvent')),
  start_on       date NOT NULL,
  count_from     date NOT NULL,
  count          integer NOT NULL,
  count_unit     text NOT NULL CHECK (count_unit IN ('working', 'calendar', 'months')),
  due_on         date,
  status         text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'stopped')),
  provisional    boolean NOT NULL DEFAULT false,
  paused_on      date,
  remaining      integer,
  base_due_on    date,
  extended_days  integer NOT NULL DEFAULT 0,
  ended_on       date,
  owner_org_id   bigint NOT NULL REFERENCES orgs (id),
  region_code    text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE deadlines IS 'A statutory period running on a matter, computed from a rule (rule_id, in the version in force at start_on).';
COMMENT ON COLUMN deadlines.key IS 'The line''s name for this period on the matter, e.g. acceptance, decision; one running period per key.';
COMMENT ON COLUMN deadlines.count_from IS 'The day counting runs from: the start, or the resumption after a pause (that day not counted).';
COMMENT ON COLUMN deadlines.count IS 'How many units are counted from count_from: the rule''s count, or what was left at the pause.';
COMMENT ON COLUMN deadlines.remaining IS 'While paused: the units left when the period was paused (counted again from the resumption).';
COMMENT ON COLUMN deadlines.extended_days IS 'Calendar days added by an approved extension, counted from the unextended due date.';
COMMENT ON COLUMN deadlines.provisional IS 'The due date depends on a year whose official holiday notice is not loaded yet.';
CREATE UNIQUE INDEX deadlines_one_live_per_key ON deadlines (matter_id, key) WHERE status IN ('running', 'paused');
CREATE INDEX deadlines_due ON deadlines (due_on) WHERE status = 'running';
CREATE INDEX deadlines_owner ON deadlines (owner_org_id, status, due_on);
CREATE INDEX deadlines_matter ON deadlines (matter_id);

CREATE TABLE doc_number_counters (
  prefix  text NOT NULL,
  year    integer NOT NULL,
  last    integer NOT NULL,
  PRIMARY KEY (prefix, year)
);
COMMENT ON TABLE doc_number_counters IS 'Last document number per prefix and year. Taken under a row lock inside the issuing transaction: no gaps, no duplicates.';

CREATE TABLE documents (
  id             bigserial PRIMARY KEY,
  matter_id      bigint NOT NULL REFERENCES matters (id),
  event_id       bigint REFERENCES matter_events (id),
  kind           text NOT NULL,
  title          text NOT NULL,
  doc_number     text NOT NULL UNIQUE,
  prefix         text NOT NULL,
  year           integer NOT NULL,
  seq            integer NOT NULL,
  issued_on      date NOT NULL,
  fields         jsonb NOT NULL,
  docx           bytea NOT NULL,
  content_hash   text NOT NULL,
  template_hash  text NOT NULL,
  owner_org_id   bigint NOT NULL REFERENCES orgs (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (prefix, year, seq)
);
COMMENT ON TABLE documents IS 'Issued official documents (文书). Immutable: the DOCX, its SHA-256 and the template''s hash are kept as issued.';
CREATE INDEX documents_matter ON documents (matter_id);
CREATE INDEX documents_kind_year ON documents (kind, issued_on);
CREATE TRIGGER documents_no_change BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION matter_events_append_only();

CREATE TABLE attachments (
  id           bigserial PRIMARY KEY,
  matter_id    bigint NOT NULL REFERENCES matters (id),
  file_name    text NOT NULL,
  mime_type    text NOT NULL,
  size_bytes   integer NOT NULL,
  sha256       text NOT NULL,
  data         bytea NOT NULL,
  uploaded_by  bigint REFERENCES users (id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE attachments IS 'Files attached to a matter. The type is sniffed from the bytes, the name made safe, the checksum kept.';
CREATE INDEX attachments_matter ON attachments (matter_id);

CREATE TABLE idempotency_keys (
  user_id       bigint NOT NULL REFERENCES users (id),
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status        integer NOT NULL,
  response      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
COMMENT ON TABLE idempotency_keys IS 'Idempotency-Key of create and transition requests: a retry returns the first response; the same key with another body is refused.';

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  matter_id   bigint REFERENCES matters (id),
  deadline_id bigint REFERENCES deadlines (id),
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  created_on  date NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
COMMENT ON TABLE notifications IS 'In-app notifications: deadline reminders and the daily digest.';
CREATE INDEX notifications_user ON notifications (user_id, read_at, id DESC);
CREATE UNIQUE INDEX notifications_once_a_day ON notifications (user_id, kind, coalesce(deadline_id, 0), created_on);

CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  run_at       timestamptz NOT NULL DEFAULT now(),
  payload      jsonb NOT NULL DEFAULT '{}',
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  done_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE jobs IS 'Background work run by the server on PostgreSQL itself (FOR UPDATE SKIP LOCKED): reminders, digests, recomputation.';
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
CREATE UNIQUE INDEX jobs_one_pending_per_kind ON jobs (kind, (payload->>'day')) WHERE done_at IS NULL;

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX matters_search ON matters USING gin (search_text gin_trgm_ops);

CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_by bigint REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE settings IS 'Deployment settings an administrator may change, e.g. document number prefixes (docPrefix.<template>).';
