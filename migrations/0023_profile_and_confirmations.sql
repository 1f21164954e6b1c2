-- The bureau profile (本机关设置) and the second person's confirmation of changes that move legal deadlines or
-- official documents (issue 9 §5, issue 11 finding 2).
--
-- pending_changes: a holiday notice or a profile change is first proposed (kept with its content and proposer);
-- it takes effect only when a different district-level administrator confirms it, or ends rejected or withdrawn.
-- profile_versions: every confirmed profile is a new version; the settings rows the kernel reads are derived from
-- the latest one. documents.issued_with: the issuer, signature, seal and prefix a document was issued with.

CREATE TABLE pending_changes (
  id             bigserial PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('calendar', 'profile')),
  -- What the change is about: the calendar year, or 'profile'. One pending change per subject at a time.
  subject        text NOT NULL,
  payload        jsonb NOT NULL,
  reason         text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- The profile version a profile change was proposed against (its diff is shown against it).
  base_version   integer,
  state          text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'rejected', 'withdrawn')),
  proposed_by    bigint NOT NULL REFERENCES users (id),
  proposed_at    timestamptz NOT NULL DEFAULT now(),
  -- NULL with decided_via = 'cli' when the server's operator confirmed on the command line.
  decided_by     bigint REFERENCES users (id),
  decided_via    text CHECK (decided_via IN ('web', 'cli')),
  decided_at     timestamptz,
  decision_note  text CHECK (length(decision_note) <= 500),
  -- What confirming did, e.g. { checked, changed } deadlines of a calendar load, or the new profile version.
  result         jsonb,
  CHECK ((state = 'pending') = (decided_at IS NULL)),
  CHECK ((state = 'pending') = (decided_via IS NULL)),
  -- Four eyes, also against a bug in the code: the proposer never confirms their own change.
  CHECK (state <> 'confirmed' OR decided_by IS NULL OR decided_by <> proposed_by),
  CHECK (state <> 'withdrawn' OR decided_by = proposed_by)
);
COMMENT ON TABLE pending_changes IS 'Changes proposed by one district-level administrator (holiday notices, bureau profile) that take effect only when another confirms them.';
CREATE UNIQUE INDEX pending_changes_one_open ON pending_changes (kind, subject) WHERE state = 'pending';
CREATE INDEX pending_changes_recent ON pending_changes (proposed_at DESC);

-- A decided change stays as decided: it cannot be reopened, re-decided or deleted.
CREATE FUNCTION pending_changes_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.state <> 'pending' THEN
    RAISE EXCEPTION 'pending_changes: a decided change cannot be changed (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.kind <> OLD.kind OR NEW.subject <> OLD.subject OR NEW.payload <> OLD.payload OR NEW.reason <> OLD.reason
     OR NEW.proposed_by <> OLD.proposed_by OR NEW.proposed_at <> OLD.proposed_at THEN
    RAISE EXCEPTION 'pending_changes: what was proposed cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER pending_changes_no_rewrite BEFORE UPDATE OR DELETE ON pending_changes
  FOR EACH ROW EXECUTE FUNCTION pending_changes_decided_once();

CREATE TABLE profile_versions (
  version       integer PRIMARY KEY CHECK (version >= 1),
  -- The entries set by the bureau (settings key → value); an entry not listed takes its default.
  content       jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  reason        text NOT NULL,
  proposed_by   bigint REFERENCES users (id),
  confirmed_by  bigint REFERENCES users (id),
  change_id     bigint REFERENCES pending_changes (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE profile_versions IS 'Every confirmed version of the bureau profile (本机关设置); the profile entries of settings mirror the latest.';
CREATE TRIGGER profile_versions_no_change BEFORE UPDATE OR DELETE ON profile_versions
  FOR EACH ROW EXECUTE FUNCTION matter_events_append_only();

-- Version 1: what settings held when the profile arrived (every profile entry is one of these key families).
INSERT INTO profile_versions (version, content, reason)
SELECT 1, coalesce(jsonb_object_agg(key, value) FILTER (WHERE key IS NOT NULL), '{}'::jsonb), '初始版本（启用本机关设置时的设置）'
FROM settings
WHERE key LIKE 'profile.%' OR key LIKE 'docPrefix.%' OR key LIKE 'docIssuer.%' OR key LIKE 'docSignature.%'
   OR key LIKE 'docSeal.%' OR key LIKE 'refPrefix.%';

ALTER TABLE documents ADD COLUMN issued_with jsonb;
COMMENT ON COLUMN documents.issued_with IS 'What the document was issued with: { organ, signature, seal, prefix, profileVersion }. NULL for documents issued before migration 0023 (their signature is in their text, fields).';

-- The product role appends versions and never rewrites them (the trigger refuses too).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fazhi_app') THEN
    REVOKE UPDATE, DELETE ON profile_versions FROM fazhi_app;
    REVOKE DELETE ON pending_changes FROM fazhi_app;
  END IF;
END $$;
