-- Rule-of-law inspection (法治督察), law-enforcement supervision (行政执法监督) and the township rule-of-law
-- evaluation (镇街法治建设数字化综合评价). The workflow (states, events, periods, documents) lives in the kernel's
-- tables; these rows hold what the line's indicators count, its documents quote and its checks need.

CREATE TABLE supervision_inspections (
  matter_id     bigint PRIMARY KEY REFERENCES matters (id),
  unit_org_id   bigint NOT NULL REFERENCES orgs (id),
  plan_name     text NOT NULL,
  team          text NOT NULL,
  starts_on     date NOT NULL,
  ends_on       date NOT NULL,
  focus         text NOT NULL,
  CHECK (ends_on >= starts_on)
);
COMMENT ON TABLE supervision_inspections IS 'One row per rule-of-law inspection (法治督察) of one unit (a department or a town government): the annual plan it belongs to, the inspection team and the on-site dates.';
COMMENT ON COLUMN supervision_inspections.unit_org_id IS 'The inspected unit; also the matter''s subject, so the unit''s own users read the inspection.';
COMMENT ON COLUMN supervision_inspections.starts_on IS 'The first day of the on-site inspection: "units inspected in a year" counts inspections by this date.';
CREATE INDEX supervision_inspections_unit ON supervision_inspections (unit_org_id, starts_on);

CREATE TABLE supervision_findings (
  matter_id            bigint PRIMARY KEY REFERENCES matters (id),
  inspection_matter_id bigint NOT NULL REFERENCES matters (id),
  responsible_org_id   bigint NOT NULL REFERENCES orgs (id),
  category             text NOT NULL,
  description          text NOT NULL,
  evidence             text NOT NULL DEFAULT '',
  found_on             date NOT NULL,
  rectify_by           date NOT NULL,
  reported_on          date,
  closed_on            date,
  sent_back            integer NOT NULL DEFAULT 0,
  escalation           text CHECK (escalation IN ('reminded', 'interviewed', 'referred'))
);
COMMENT ON TABLE supervision_findings IS 'Problems (问题) an inspection found, each a matter closed in a loop: rectification deadline, the unit''s report, the bureau''s verification, closure (销号) or sending back; escalation when overdue.';
COMMENT ON COLUMN supervision_findings.rectify_by IS 'The rectification deadline the inspection set (the 督察规定 gives no fixed period); moved when a report is sent back.';
COMMENT ON COLUMN supervision_findings.escalation IS 'The furthest escalation of an overdue rectification: reminded 督促提醒, interviewed 约谈, referred 移送纪检监察 (a record of the cooperation mechanism, not an integration).';
CREATE INDEX supervision_findings_inspection ON supervision_findings (inspection_matter_id);
CREATE INDEX supervision_findings_found ON supervision_findings (found_on);

CREATE TABLE supervision_instruments (
  matter_id          bigint PRIMARY KEY REFERENCES matters (id),
  instrument         text NOT NULL CHECK (instrument IN ('notice', 'recommendation')),
  department_org_id  bigint NOT NULL REFERENCES orgs (id),
  issued_on          date NOT NULL,
  reply_by           date NOT NULL,
  problems           text NOT NULL,
  requirements       text NOT NULL,
  campaign           text,
  post_id            bigint,
  replied_on         date,
  reply              text
);
COMMENT ON TABLE supervision_instruments IS 'Law-enforcement supervision instruments (行政执法监督通知书 notice, 行政执法监督建议书 recommendation) sent to an enforcement department, with the reply date the instrument sets and the reply.';
COMMENT ON COLUMN supervision_instruments.reply_by IS 'The reply date written in the instrument; no statutory reply period was verified (reference/deadline-rules-supervision.json: zfjd.reply).';
COMMENT ON COLUMN supervision_instruments.campaign IS 'The special supervision campaign (专项监督) the instrument belongs to, if any.';
CREATE INDEX supervision_instruments_issued ON supervision_instruments (issued_on);

CREATE TABLE supervision_posts (
  id           bigserial PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  host         text NOT NULL,
  owner_org_id bigint NOT NULL REFERENCES orgs (id),
  region_code  text NOT NULL,
  liaison      text NOT NULL,
  set_up_on    date NOT NULL,
  selection    text,
  selected_on  date,
  is_demo      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE supervision_posts IS 'Law-enforcement supervision observation posts (行政执法监督观察站/点): host, liaison staff, and the selection (e.g. 宁波市首批) with its date; the indicator counts selections by date.';
CREATE INDEX supervision_posts_selected ON supervision_posts (selected_on);

CREATE TABLE supervision_recognitions (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('bestPractice', 'landmark', 'assessmentTier', 'honour', 'exchange')),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  holder       text NOT NULL,
  owner_org_id bigint NOT NULL REFERENCES orgs (id),
  region_code  text NOT NULL,
  awarded_by   text NOT NULL,
  result       text NOT NULL,
  assessed_year integer,
  recorded_on  date NOT NULL,
  evidence     text NOT NULL,
  is_demo      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE supervision_recognitions IS 'External results recorded with their evidence: 最佳实践 projects (bestPractice), 标志性成果 (landmark), 法治宁波建设年度考评 tiers (assessmentTier), honours and exchanges; the annual report cites them from these rows.';
COMMENT ON COLUMN supervision_recognitions.assessed_year IS 'For an assessment tier: the year assessed (2023年度考评), which differs from the day the result was recorded.';
COMMENT ON COLUMN supervision_recognitions.recorded_on IS 'The day the result was announced (入选、获评); the indicators count by it.';
CREATE INDEX supervision_recognitions_kind ON supervision_recognitions (kind, recorded_on);

CREATE TABLE evaluation_items (
  id           bigserial PRIMARY KEY,
  year         integer NOT NULL,
  code         text NOT NULL,
  label        text NOT NULL,
  indicator_id text NOT NULL,
  weight       numeric(6, 2) NOT NULL CHECK (weight > 0),
  direction    text NOT NULL CHECK (direction IN ('higher', 'lower')),
  UNIQUE (year, code)
);
COMMENT ON TABLE evaluation_items IS 'The township evaluation''s indicator set per year: each item names a kernel indicator (computed for the town''s region), its weight and whether more is better. An item whose indicator no line registers shows as not available and its weight is left out.';

INSERT INTO evaluation_items (year, code, label, indicator_id, weight, direction)
SELECT y, code, label, indicator_id, weight, direction
FROM generate_series(2023, 2025) AS y,
     (VALUES ('mediationReceived', '矛盾纠纷调解受理量', 'mediation.received', 20, 'higher'),
             ('mediationSuccess', '调解成功率', 'mediation.successRate', 20, 'higher'),
             ('findingsClosed', '督察问题整改销号数', 'inspection.findingsClosed', 15, 'higher'),
             ('findingsOverdue', '督察问题逾期未整改数', 'inspection.findingsOverdue', 15, 'lower'),
             ('legalityReviews', '合法性审查事项数', 'legalityReview.reviews', 15, 'higher'),
             ('legalAidCases', '法律援助受理量', 'legalAid.cases', 15, 'higher'))
     AS v(code, label, indicator_id, weight, direction);
