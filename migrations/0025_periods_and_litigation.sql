-- Periods that start on receipt, the suspension arithmetic, and administrative litigation (行政应诉) with its periods
-- and hearings (issue 10 §3, §5, §6).

-- 1. A period the law counts from receipt (自收到…之日起: 行政复议法第四十八条、第五十四条第一款、第三十一条第二款、
--    第七十六条; 行政诉讼法第六十七条第一款) exists from the step that sends the paper, but counts only from the day
--    of receipt recorded by a later service (送达). Until then it is notStarted: no due date, never due soon nor
--    overdue.
ALTER TABLE deadlines DROP CONSTRAINT deadlines_status_check;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_status_check
  CHECK (status IN ('running', 'paused', 'met', 'stopped', 'notStarted'));
COMMENT ON COLUMN deadlines.status IS 'running, paused (中止), met, stopped, or notStarted (waits for the recorded service from which the law counts it). What a deadline shows is deadline_status().';

-- 2. base_due_on is the period's last day as counted, BEFORE a non-working last day is moved to the next working
--    day. Suspension counts the days left to it and extensions add to it, so the roll-over happens once, at the
--    end (before, the rolled day was kept and the roll-over counted twice after a suspension).
COMMENT ON COLUMN deadlines.base_due_on IS 'The last day of the period as counted (count units from count_from), before any extension and before a non-working last day moves to the next working day: suspension and extension count from it.';
COMMENT ON COLUMN deadlines.remaining IS 'While paused: the units from paused_on to base_due_on (negative when paused after it, inside an extension); counted again from the resumption.';
-- Rows written before this migration kept the rolled day there. For calendar and month periods counted forwards
-- the unrolled day is count_from + count (PostgreSQL clamps a month end as 民法典第二百零二条 does); working-day
-- periods never roll. A paused row's days left are recounted to that day. A row resumed before this migration keeps
-- the count it was resumed with (the pause that inflated it is only in the event journal).
UPDATE deadlines SET base_due_on = CASE count_unit
    WHEN 'calendar' THEN count_from + count
    ELSE (count_from + make_interval(months => count))::date END
WHERE status IN ('running', 'paused') AND kind <> 'beforeEvent' AND count_unit IN ('calendar', 'months')
  AND base_due_on IS NOT NULL;
UPDATE deadlines SET remaining = base_due_on - paused_on
WHERE status = 'paused' AND kind <> 'beforeEvent' AND count_unit IN ('calendar', 'months')
  AND base_due_on IS NOT NULL AND paused_on IS NOT NULL;

-- 3. The one status, now with notStarted and stoppedLate: an office period stopped after its due date had passed
--    (a case terminated or withdrawn once the decision period was already over) was late, and the overdue
--    indicator counts it (issue 10 §6) through this status rather than its own test of dates.
CREATE OR REPLACE FUNCTION deadline_status(
  status text, kind text, due_on date, ended_on date, on_expiry text, today date, soon_cutoff date
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status = 'notStarted' THEN 'notStarted'
    WHEN status = 'paused' THEN 'paused'
    WHEN status = 'stopped' THEN CASE
      WHEN ended_on > due_on AND on_expiry IS NULL AND kind IN ('deadline', 'beforeEvent') THEN 'stoppedLate'
      ELSE 'stopped' END
    WHEN status = 'met' THEN CASE
      WHEN ended_on IS NULL OR due_on IS NULL OR ended_on <= due_on THEN 'met'
      WHEN on_expiry IS NOT NULL OR kind = 'partyPeriod' THEN 'lapsed'
      WHEN kind IN ('deadline', 'beforeEvent') THEN 'metLate'
      ELSE 'met' END
    WHEN status <> 'running' THEN status
    WHEN kind IN ('guideline', 'duration', 'recurring') THEN 'guideline'
    WHEN kind = 'minimum' THEN CASE WHEN due_on < today THEN 'elapsed' ELSE 'running' END
    WHEN due_on < today THEN CASE WHEN on_expiry IS NOT NULL OR kind = 'partyPeriod' THEN 'lapsed' ELSE 'overdue' END
    WHEN kind = 'partyPeriod' THEN 'partyPeriod'
    WHEN due_on <= soon_cutoff THEN 'dueSoon'
    ELSE 'running'
  END
$$;
COMMENT ON FUNCTION deadline_status(text, text, date, date, text, date, date) IS 'The one definition of a deadline''s status (running, dueSoon, overdue, lapsed, partyPeriod, guideline, elapsed, paused, notStarted, met, metLate, stopped, stoppedLate) on a business day.';

-- 4. Administrative litigation. Case types beyond 行初/行终: 行申 (application for retrial, review), 行再 (retrial),
--    行赔初/行赔终 (compensation), 行审 (non-litigation enforcement review).
ALTER TABLE litigation_suits DROP CONSTRAINT litigation_suits_instance_check;
ALTER TABLE litigation_suits ADD CONSTRAINT litigation_suits_instance_check
  CHECK (instance IN ('first', 'second', 'retrialReview', 'retrial', 'enforcementReview'));
ALTER TABLE litigation_suits
  ADD COLUMN compensation boolean NOT NULL DEFAULT false,
  ADD COLUMN prior_matter_id bigint REFERENCES matters (id),
  ADD COLUMN reconsideration_organ_role text CHECK (reconsideration_organ_role IN ('coDefendant', 'defendant')),
  ADD COLUMN complaint_served_on date,
  ADD COLUMN defence_submitted_on date,
  ADD COLUMN document_kind text CHECK (document_kind IN ('judgment', 'ruling', 'mediation')),
  ADD COLUMN judgment_type text,
  ADD COLUMN grounds text,
  ADD COLUMN judgment_served_on date,
  ADD COLUMN reconsideration_decision_revoked boolean;
COMMENT ON COLUMN litigation_suits.prior_matter_id IS 'The suit of the earlier instance this one continues (the first instance of an appeal, the judgment a retrial reviews): the later instance decides the case''s final outcome.';
COMMENT ON COLUMN litigation_suits.reconsideration_organ_role IS 'The 复议机关 (the district government) in the suit (行政诉讼法第二十六条第二款): coDefendant after 维持 (驳回复议请求 included), defendant after it changed the act.';
COMMENT ON COLUMN litigation_suits.judgment_type IS 'The judgment as 行政诉讼法第六十九条至第七十八条 name it (dismissClaim, revoke, revokeRedo, perform, pay, confirmIllegal, confirmInvalid, change, agreement) or a ruling (dismissSuit, withdrawalAllowed).';
COMMENT ON COLUMN litigation_suits.reconsideration_decision_revoked IS 'Whether the court also ruled on the reconsideration decision (行政诉讼法第七十九条: with the 复议机关 as co-defendant, both acts are judged together).';

-- Hearings, one row each: an appearance is never overwritten by a later hearing (2020 规定第七条: one appearance
-- per instance fulfils the duty, so every hearing of the instance is kept).
CREATE TABLE litigation_hearings (
  id                 bigserial PRIMARY KEY,
  matter_id          bigint NOT NULL REFERENCES matters (id),
  event_id           bigint REFERENCES matter_events (id),
  held_on            date NOT NULL,
  notice_received_on date,
  appearance         text NOT NULL CHECK (appearance IN ('principal', 'deputy', 'inCharge', 'staff', 'none')),
  head_name          text,
  head_title         text,
  staff_name         text,
  absence_reason     text CHECK (absence_reason IN ('forceMajeure', 'accident', 'officialDuty', 'otherJustified')),
  absence_note       text
);
COMMENT ON TABLE litigation_hearings IS 'Each court hearing of a suit with who appeared for the defendant organ (最高人民法院关于行政机关负责人出庭应诉若干问题的规定（2020）第二条、第十条), the court notice''s receipt (第五条: three days before) and the reason for a head''s absence (第八条、第九条).';
COMMENT ON COLUMN litigation_hearings.appearance IS 'principal (正职负责人), deputy (副职负责人), inCharge (参与分管的负责人): a head appeared (规定第二条); staff (相应的工作人员, 第十条) or none: no head.';
CREATE INDEX litigation_hearings_matter ON litigation_hearings (matter_id);
INSERT INTO litigation_hearings (matter_id, held_on, appearance)
SELECT matter_id, hearing_on, CASE WHEN head_appeared THEN 'inCharge' ELSE 'staff' END
FROM litigation_suits WHERE hearing_on IS NOT NULL;
ALTER TABLE litigation_suits DROP COLUMN hearing_on, DROP COLUMN head_appeared;

-- 司法建议 and 检察建议 addressed to the defendant organ, with the reply.
CREATE TABLE litigation_suggestions (
  id           bigserial PRIMARY KEY,
  matter_id    bigint NOT NULL REFERENCES matters (id),
  kind         text NOT NULL CHECK (kind IN ('judicial', 'procuratorial')),
  received_on  date NOT NULL,
  content      text NOT NULL,
  replied_on   date,
  reply        text
);
COMMENT ON TABLE litigation_suggestions IS '司法建议 (行政诉讼法第六十六条、第九十六条) and 检察建议 (第九十三条) received in a suit, and the organ''s reply.';
CREATE INDEX litigation_suggestions_matter ON litigation_suggestions (matter_id);
