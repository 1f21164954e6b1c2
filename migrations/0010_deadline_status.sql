-- One status of a deadline, defined here and nowhere else: the matter page's badges, the matter list (its badge
-- and 仅看超期), the deadlines page's filters, the daily reminders and the overdue indicators all call
-- deadline_status(). Before this, five places decided "overdue" each in its own way and disagreed (an application
-- whose review period lapsed into 视为受理 was listed as overdue while its badge said 期满视为受理).

-- What the rule says the expiry means (视为受理), copied from the rule version at start so that SQL can see it.
ALTER TABLE deadlines ADD COLUMN on_expiry text;
COMMENT ON COLUMN deadlines.on_expiry IS 'The legal consequence of the period running out, from the rule version (e.g. 视为受理): such a period lapses into it and is never overdue.';

-- Every kind a rule file may use is either tracked here or refused when a period would start (src/kernel/deadlines).
-- duration and recurring used to be filed silently as deadline.
ALTER TABLE deadlines DROP CONSTRAINT deadlines_kind_check;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_kind_check
  CHECK (kind IN ('deadline', 'beforeEvent', 'minimum', 'guideline', 'duration', 'recurring', 'partyPeriod'));
COMMENT ON COLUMN deadlines.kind IS 'The rule kind, as the rule version says: deadline and beforeEvent are the office''s to meet (they can be overdue); guideline, duration and recurring never are; minimum is a period that must have run; partyPeriod is a party''s and lapses.';

-- Rows written before this migration: the rule versions with a consequence on expiry and those of kind duration,
-- generated from reference/deadline-rules*.json as shipped with this migration (rows started from now on carry
-- both from their rule version).
UPDATE deadlines d SET on_expiry = v.on_expiry
FROM (VALUES
  ('xzfy.accept.review', '2024-01-01', '视为受理'),
  ('xzfy.accept.review', '1999-10-01', '视为受理'),
  ('xzfy.correction.submit', '2024-01-01', '视为申请人放弃行政复议申请')
) AS v (rule_id, rule_version, on_expiry)
WHERE d.rule_id = v.rule_id AND d.rule_version = v.rule_version;

UPDATE deadlines d SET kind = v.kind
FROM (VALUES
  ('sqjz.leave.limits', '2020-07-01', 'duration'),
  ('sqjz.frequent-travel.validity', '2020-07-01', 'duration')
) AS v (rule_id, rule_version, kind)
WHERE d.rule_id = v.rule_id AND d.rule_version = v.rule_version;

-- The status a deadline shows on business day `today`; `soon_cutoff` is the last day counted as due soon
-- (today + 3 working days: the working calendar lives in the application, so the caller passes the date;
-- NULL where "due soon" does not matter, e.g. in an indicator).
--   paused, stopped     as recorded (as is any status a later migration adds)
--   met                 ended by its due date; metLate when an office deadline ended after it; lapsed when the
--                       period had already run into its consequence (or was a party's)
--   guideline           a guideline, duration or recurring period: shown, never due soon nor overdue
--   running / elapsed   a minimum period still running / already run (the office may now act)
--   lapsed              past due, with a consequence in law (期满视为受理) or a party's period: not the office's fault
--   overdue             past due, the office's to meet (deadline, beforeEvent)
--   partyPeriod         a party's period still running
--   dueSoon / running   the office's period, due by soon_cutoff / later
CREATE FUNCTION deadline_status(
  status text, kind text, due_on date, ended_on date, on_expiry text, today date, soon_cutoff date
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status = 'paused' THEN 'paused'
    WHEN status = 'stopped' THEN 'stopped'
    WHEN status = 'met' THEN CASE
      WHEN ended_on IS NULL OR due_on IS NULL OR ended_on <= due_on THEN 'met'
      WHEN on_expiry IS NOT NULL OR kind = 'partyPeriod' THEN 'lapsed'
      WHEN kind IN ('deadline', 'beforeEvent') THEN 'metLate'
      ELSE 'met' END
    -- Any other recorded status (none today) is shown as recorded: only a running period can be late.
    WHEN status <> 'running' THEN status
    WHEN kind IN ('guideline', 'duration', 'recurring') THEN 'guideline'
    WHEN kind = 'minimum' THEN CASE WHEN due_on < today THEN 'elapsed' ELSE 'running' END
    WHEN due_on < today THEN CASE WHEN on_expiry IS NOT NULL OR kind = 'partyPeriod' THEN 'lapsed' ELSE 'overdue' END
    WHEN kind = 'partyPeriod' THEN 'partyPeriod'
    WHEN due_on <= soon_cutoff THEN 'dueSoon'
    ELSE 'running'
  END
$$;
COMMENT ON FUNCTION deadline_status(text, text, date, date, text, date, date) IS 'The one definition of a deadline''s status (running, dueSoon, overdue, lapsed, partyPeriod, guideline, elapsed, paused, met, metLate, stopped) on a business day.';
