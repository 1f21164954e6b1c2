-- Correction (更正) of a mistaken step: the step's event is kept and marked voided by the correction event, the
-- documents it issued are kept and marked 作废, and every deadline row an event touches leaves a before-image so
-- the correction can put each period back exactly as it was.

ALTER TABLE matter_events ADD COLUMN voided_by bigint REFERENCES matter_events (id);
COMMENT ON COLUMN matter_events.voided_by IS 'The correction event (action kernel.correct) that voided this step; NULL while the step stands. Indicators, histories and guards ignore voided events.';
CREATE INDEX matter_events_live ON matter_events (matter_id, seq) WHERE voided_by IS NULL;

ALTER TABLE documents
  ADD COLUMN voided_by bigint REFERENCES matter_events (id),
  ADD COLUMN voided_on date,
  ADD COLUMN void_reason text,
  ADD CHECK ((voided_by IS NULL) = (voided_on IS NULL) AND (voided_by IS NULL) = (void_reason IS NULL));
COMMENT ON COLUMN documents.voided_by IS 'The correction event that voided (作废) this document; the document and its number stay, the number is never reused.';
COMMENT ON COLUMN documents.voided_on IS 'Business date of the voiding (the correction event''s date).';
COMMENT ON COLUMN documents.void_reason IS 'Why the document was voided: the correction''s reason.';

-- Both tables stay append-only except for one change: marking a row voided, once. TG_ARGV names the void columns;
-- every other column must be unchanged.
CREATE FUNCTION append_only_except_void() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) ->> 'voided_by' IS NULL AND to_jsonb(NEW) ->> 'voided_by' IS NOT NULL
     AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed (only voiding a row once)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER matter_events_no_change ON matter_events;
CREATE TRIGGER matter_events_no_change BEFORE UPDATE OR DELETE ON matter_events
  FOR EACH ROW EXECUTE FUNCTION append_only_except_void('voided_by');
DROP TRIGGER documents_no_change ON documents;
CREATE TRIGGER documents_no_change BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION append_only_except_void('voided_by', 'voided_on', 'void_reason');

CREATE TABLE deadline_changes (
  id           bigserial PRIMARY KEY,
  event_id     bigint NOT NULL REFERENCES matter_events (id),
  deadline_id  bigint NOT NULL,
  before       jsonb
);
COMMENT ON TABLE deadline_changes IS 'Journal of what each event did to deadline rows: the row as it was before the event (before-image), or NULL when the event created it. A correction restores the before-images and removes the created rows.';
COMMENT ON COLUMN deadline_changes.deadline_id IS 'The deadline row touched (no foreign key: a correction deletes rows its step created).';
CREATE INDEX deadline_changes_event ON deadline_changes (event_id);
