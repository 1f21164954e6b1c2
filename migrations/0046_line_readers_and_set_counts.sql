-- Two small kernel additions, first used by the legality review line (合法性审查):
--  1. Line readers: organisations whose members read (and act on) every matter of an ordinary, unrestricted line
--     across the district, although the owning offices are not under them — the district review centre (法制审核科,
--     区合法性审查中心) supervises and co-reviews the towns' centres, which sit at the towns' justice offices. The
--     kernel's matterReadable(), rolesOver() and the indicators' scope read this table; ordinary scope still applies.
--  2. A deadline's own count: the count a step set for the matter where the law lets a party set it (the review
--     time a submitter offers, 不少于5个工作日), kept apart from `count`, which becomes what was left after a pause.

CREATE TABLE line_readers (
  line     text NOT NULL,
  org_code text NOT NULL,
  PRIMARY KEY (line, org_code)
);
COMMENT ON TABLE line_readers IS 'Organisations (by orgs.code) whose members read and act on every matter of a line in the district, on top of ordinary scope (e.g. the 区合法性审查中心 over the towns'' review centres). Not for restricted lines (restricted_line_readers). A deployment adds or removes rows here.';

INSERT INTO line_readers (line, org_code) VALUES ('legalityReview', 'sec-legality');

ALTER TABLE deadlines ADD COLUMN set_count integer;
COMMENT ON COLUMN deadlines.set_count IS 'The count the starting step set for this matter (e.g. the review time the submitter offered), in the rule''s unit; null when the period runs the rule''s own count.';
