-- Community correction (社区矫正) and resettlement of released persons (安置帮教): the most sensitive records the
-- bureau holds (PIPL 第二十八条; 社区矫正法 第四条 forbids discrimination). Two parts:
--  1. Restricted lines, a kernel notion: a line listed here is readable only by members of the owning office itself
--     (never through a district- or bureau-level membership) and by members of the reader organisations listed for
--     it (the 社区矫正科). The kernel's matterReadable() and rolesOver() read these tables.
--  2. The typed detail rows of the line's matters. Identity lives in the parties registry (sealed, masked).

CREATE TABLE restricted_lines (
  line  text PRIMARY KEY,
  label text NOT NULL
);
COMMENT ON TABLE restricted_lines IS 'Business lines whose matters only their own offices and named reader organisations may read (not bureau-wide scope). Other lines'' search and party pages show nothing of them, only that restricted lines exist.';

CREATE TABLE restricted_line_readers (
  line     text NOT NULL REFERENCES restricted_lines (line),
  org_code text NOT NULL,
  PRIMARY KEY (line, org_code)
);
COMMENT ON TABLE restricted_line_readers IS 'Organisations (by orgs.code) whose members read and act on every matter of a restricted line in the district, e.g. the 社区矫正科 (sec-correction). A deployment adds or removes rows here; the owning office always reads its own.';

INSERT INTO restricted_lines (line, label) VALUES ('communityCorrection', '社区矫正和安置帮教');
INSERT INTO restricted_line_readers (line, org_code) VALUES ('communityCorrection', 'sec-correction');

ALTER TABLE parties ADD COLUMN restricted boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN parties.restricted IS 'The person is a subject of a restricted line: the record is found by name or number only through a matter the reader may read, never through the office that created it.';

CREATE TABLE correction_subjects (
  matter_id          bigint PRIMARY KEY REFERENCES matters (id),
  party_id           bigint NOT NULL REFERENCES parties (id),
  office_id          bigint NOT NULL REFERENCES orgs (id),
  correction_type    text NOT NULL CHECK (correction_type IN ('control', 'probation', 'parole', 'medicalParole')),
  decision_organ     text NOT NULL,
  decision_no        text NOT NULL,
  effective_on       date NOT NULL,
  notice_received_on date NOT NULL,
  offence            text NOT NULL,
  term_start         date NOT NULL,
  term_end           date NOT NULL CHECK (term_end >= term_start),
  reported_on        date,
  level              text CHECK (level IN ('strict', 'ordinary', 'lenient')),
  ended_on           date,
  end_reason         text CHECK (end_reason IN ('expired', 'revoked', 'transferred', 'died')),
  to_resettlement    boolean,
  is_demo            boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE correction_subjects IS 'A correction subject''s case (社区矫正对象档案): one matter per subject and decision. The person is the party; nothing here names them.';
COMMENT ON COLUMN correction_subjects.correction_type IS 'control 管制, probation 缓刑, parole 假释, medicalParole 暂予监外执行.';
COMMENT ON COLUMN correction_subjects.effective_on IS 'The day the judgment/ruling/decision took effect (or, 暂予监外执行, the decision was received): the 10 days to report in run from it (社区矫正法 第二十一条).';
COMMENT ON COLUMN correction_subjects.level IS 'Classified management (分类管理, 社区矫正法 第二十四条 矫正方案): strict 严管, ordinary 普管, lenient 宽管; the latest plan''s.';
COMMENT ON COLUMN correction_subjects.ended_on IS 'The day correction ended (解除, revocation executed, transfer out): the subject stops counting as active the day after.';
CREATE INDEX correction_subjects_party ON correction_subjects (party_id);
CREATE INDEX correction_subjects_active ON correction_subjects (term_start, ended_on);

CREATE TABLE correction_leaves (
  id          bigserial PRIMARY KEY,
  matter_id   bigint NOT NULL REFERENCES matters (id),
  event_id    bigint NOT NULL,
  applied_on  date NOT NULL,
  leave_from  date NOT NULL,
  leave_to    date NOT NULL CHECK (leave_to >= leave_from),
  days        int NOT NULL CHECK (days > 0),
  destination text NOT NULL,
  reason      text NOT NULL,
  approver    text NOT NULL CHECK (approver IN ('office', 'county', 'higher')),
  decision    text CHECK (decision IN ('approved', 'refused', 'escalated')),
  decided_on  date,
  decision_event_id bigint
);
COMMENT ON TABLE correction_leaves IS 'Leave applications (外出申请): the level that must decide follows the days asked for (≤7 日 司法所 on the county''s delegation, ≤30 日 the county 社区矫正机构, beyond that the higher level), per the rules sqjz.leave.*.';
CREATE INDEX correction_leaves_matter ON correction_leaves (matter_id);

CREATE TABLE correction_sanctions (
  id            bigserial PRIMARY KEY,
  matter_id     bigint NOT NULL REFERENCES matters (id),
  event_id      bigint NOT NULL,
  decided_on    date NOT NULL,
  behaviour     text NOT NULL,
  measure       text NOT NULL CHECK (measure IN ('admonition', 'warning', 'policePenalty', 'revocation', 'recall')),
  within_benchmark boolean NOT NULL,
  justification text
);
COMMENT ON TABLE correction_sanctions IS 'Sanctions (训诫, 警告, 提请治安管理处罚, 提请撤销缓刑/假释, 提请收监执行) with the discretion benchmark (裁量基准) they were chosen against: a measure outside the behaviour''s range carries its written justification.';
CREATE INDEX correction_sanctions_matter ON correction_sanctions (matter_id);

CREATE TABLE resettlement_subjects (
  matter_id         bigint PRIMARY KEY REFERENCES matters (id),
  party_id          bigint NOT NULL REFERENCES parties (id),
  office_id         bigint NOT NULL REFERENCES orgs (id),
  source            text NOT NULL CHECK (source IN ('prison', 'correction')),
  released_on       date NOT NULL,
  releasing_organ   text NOT NULL,
  offence           text NOT NULL,
  correction_matter_id bigint REFERENCES matters (id),
  notice_received_on date,
  contacted_on      date,
  employment        text CHECK (employment IN ('baseEnterprise', 'employed', 'selfEmployed', 'unemployed', 'subsistence')),
  key_person        boolean NOT NULL DEFAULT false,
  ended_on          date,
  is_demo           boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE resettlement_subjects IS 'A released person in resettlement (安置帮教对象): from the prison''s notice or from the end of community correction (刑罚执行一体化), for the 帮教期 counted from release.';
COMMENT ON COLUMN resettlement_subjects.employment IS 'baseEnterprise 安置帮教基地企业, employed 就业, selfEmployed 自主创业/灵活就业, unemployed 未就业, subsistence 纳入低保.';
COMMENT ON COLUMN resettlement_subjects.ended_on IS 'The end of the 帮教期 (recorded by the end step): counts as active through the day before.';
CREATE INDEX resettlement_subjects_party ON resettlement_subjects (party_id);
CREATE INDEX resettlement_subjects_active ON resettlement_subjects (released_on, ended_on);

CREATE TABLE correction_assessments (
  matter_id       bigint PRIMARY KEY REFERENCES matters (id),
  party_id        bigint NOT NULL REFERENCES parties (id),
  office_id       bigint NOT NULL REFERENCES orgs (id),
  requesting_organ text NOT NULL,
  received_on     date NOT NULL,
  expedited       boolean NOT NULL,
  opinion         text CHECK (opinion IN ('suitable', 'unsuitable')),
  submitted_on    date
);
COMMENT ON TABLE correction_assessments IS 'Pre-sentence investigations (调查评估) requested by a court, procuratorate or public security organ: 10 working days, 5 for 速裁 (rules sqjz.assessment*).';
