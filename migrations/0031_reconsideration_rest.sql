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
