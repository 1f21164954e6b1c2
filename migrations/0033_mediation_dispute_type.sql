-- The mediation list filtered by dispute type (纠纷类型, the line's list filter mediation.disputeType): the cases of
-- one type in matter id order, so a page of a town's cases of that type is a merge of two index walks, newest first,
-- instead of reading every case row to keep one in ten.
CREATE INDEX mediation_cases_dispute_type ON mediation_cases (dispute_type, matter_id DESC);
