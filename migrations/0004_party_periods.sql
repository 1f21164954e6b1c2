-- A party's period (e.g. the applicant's 15 days to sue after a reconsideration decision, 行政诉讼法第四十五条)
-- is tracked on the matter for information: it lapses, it is never the office's overdue deadline.
ALTER TABLE deadlines DROP CONSTRAINT deadlines_kind_check;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_kind_check
  CHECK (kind IN ('deadline', 'minimum', 'guideline', 'beforeEvent', 'partyPeriod'));
