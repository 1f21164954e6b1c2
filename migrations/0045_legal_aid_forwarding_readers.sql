-- Legal aid, second part. (1) A detained person's application forwarded by the 办案机关/监管场所 within 24 hours
-- (法律援助法 第三十九条第一款) is a period counted in clock hours: the moments it was received there and reached
-- the centre, the due moment and the lateness, on the case. (2) Outside the centre, a legal-aid case is read by the
-- assigned worker's own account only, not by every member of the worker's firm: per-user readers of a matter.

ALTER TABLE legal_aid_cases
  ADD COLUMN forward_organ        text,
  ADD COLUMN forward_received_at  timestamp,
  ADD COLUMN forward_arrived_at   timestamp,
  ADD COLUMN forward_rule_id      text,
  ADD COLUMN forward_rule_version text,
  ADD COLUMN forward_due_at       timestamp,
  ADD COLUMN forward_late_minutes integer,
  ADD COLUMN worker_user_id       bigint REFERENCES users (id),
  ADD CONSTRAINT legal_aid_forwarding_complete CHECK (
    (forward_received_at IS NULL) = (forward_arrived_at IS NULL)
    AND (forward_received_at IS NULL) = (forward_due_at IS NULL)
    AND (forward_received_at IS NULL) = (forward_late_minutes IS NULL));
COMMENT ON COLUMN legal_aid_cases.forward_organ IS 'The 办案机关/监管场所 that forwarded the application (e.g. the detention house).';
COMMENT ON COLUMN legal_aid_cases.forward_received_at IS 'Asia/Shanghai wall-clock moment the 办案机关/监管场所 received the detained person''s application: the 24 clock hours of 第三十九条第一款 run from it, through nights, weekends and holidays.';
COMMENT ON COLUMN legal_aid_cases.forward_arrived_at IS 'Wall-clock moment the forwarded application reached the legal-aid centre (its date is received_on).';
COMMENT ON COLUMN legal_aid_cases.forward_due_at IS 'forward_received_at plus the hours of the rule forward_rule_id (version forward_rule_version), never moved off a holiday.';
COMMENT ON COLUMN legal_aid_cases.forward_late_minutes IS 'Minutes from forward_due_at to forward_arrived_at: above 0 the organ forwarded late (recorded on the case, not the centre''s own overdue); 0 or below in time.';
COMMENT ON COLUMN legal_aid_cases.worker_user_id IS 'The account of the assigned lawyer or legal worker: the only user outside the centre who reads the case (matter_readers).';
CREATE INDEX legal_aid_cases_forward_late ON legal_aid_cases (matter_id) WHERE forward_late_minutes > 0;

CREATE TABLE matter_readers (
  matter_id bigint NOT NULL REFERENCES matters (id),
  user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (matter_id, user_id)
);
COMMENT ON TABLE matter_readers IS 'Users who read one matter in person, beyond the org scopes (matterReadable): e.g. the lawyer assigned to a legal-aid case, and no one else of the lawyer''s firm. The line that grants a reading revokes it when the assignment changes.';

-- Legal-aid cases were read by every member of the assigned firm (the firm as subject org): that reading ends here;
-- the assigned worker's account reads the case once an assignment names it.
UPDATE matters SET subject_org_id = NULL WHERE line = 'legalAid' AND subject_org_id IS NOT NULL;
