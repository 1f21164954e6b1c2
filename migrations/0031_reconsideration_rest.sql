-- 行政复议: the facts of intake that change the application period (Art. 20(3)) and the submission through the
-- organ that made an on-the-spot penalty (Art. 32).
ALTER TABLE reconsideration_applications
  ADD COLUMN right_not_informed boolean NOT NULL DEFAULT false,
  ADD COLUMN right_known_on date,
  ADD COLUMN via_penalty_organ boolean NOT NULL DEFAULT false,
  ADD COLUMN penalty_organ_received_on date;
COMMENT ON COLUMN reconsideration_applications.right_not_informed IS 'The organ did not tell the applicant of the right to apply, the 复议机关 or the period (Art. 20(3)): the period counts from knowing them, at most one year from knowing the act.';
COMMENT ON COLUMN reconsideration_applications.right_known_on IS 'The day the applicant knew (or should have known) the right, the organ and the period (Art. 20(3)); null when not informed and unknown.';
COMMENT ON COLUMN reconsideration_applications.via_penalty_organ IS 'Submitted through the organ that made an on-the-spot (or electronically recorded) penalty, which forwards it (Art. 32).';
COMMENT ON COLUMN reconsideration_applications.penalty_organ_received_on IS 'The day that organ received the application: its five working days to forward run from it (Art. 32(2), Art. 88(2)); the application period is met on this day.';

-- The register of 行政复议人员 (行政复议法第六条; 2017年法第三条第二款: those first taking up the work since
-- 2018-01-01 hold the 法律职业资格) and who handles each application (实施条例第三十二条: two or more).
CREATE TABLE reconsideration_staff (
  id bigserial PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  name text NOT NULL,
  qualification text NOT NULL CHECK (qualification IN ('legalProfession', 'before2018')),
  certificate_no text,
  since date NOT NULL,
  left_on date,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (qualification <> 'legalProfession' OR certificate_no IS NOT NULL),
  CHECK (qualification <> 'before2018' OR since < DATE '2018-01-01')
);
COMMENT ON TABLE reconsideration_staff IS 'The register of 行政复议人员 of the 复议机构 (行政复议法第六条): who, qualification, certificate, since when.';
COMMENT ON COLUMN reconsideration_staff.qualification IS 'legalProfession: holds the 法律职业资格 (certificate_no required); before2018: in the work before the requirement took effect (2018-01-01).';
COMMENT ON COLUMN reconsideration_staff.since IS 'The day the person took up reconsideration work.';
CREATE UNIQUE INDEX reconsideration_staff_name ON reconsideration_staff (org_id, name) WHERE left_on IS NULL;

CREATE TABLE reconsideration_handlers (
  matter_id bigint NOT NULL REFERENCES matters(id),
  staff_id bigint NOT NULL REFERENCES reconsideration_staff(id),
  role text NOT NULL CHECK (role IN ('lead', 'assistant')),
  event_id bigint NOT NULL REFERENCES matter_events(id),
  PRIMARY KEY (matter_id, staff_id)
);
COMMENT ON TABLE reconsideration_handlers IS 'Who handles an application (主办/协办), as the latest assignHandlers step recorded; rewritten by each assignment.';
CREATE INDEX reconsideration_handlers_staff ON reconsideration_handlers (staff_id);
