-- Business-environment services (法护营商): credit repair (信用修复), law firms and lawyers (律师行业管理), the industry
-- compliance centre (产业合规中心) and foreign-related legal services (涉外法律服务). Enterprises and persons are the
-- kernel's parties; credit-repair work runs as matters (kernel tables); the rest are registries of the line.

CREATE TABLE credit_records (
  matter_id          bigint PRIMARY KEY REFERENCES matters (id),
  party_id           bigint NOT NULL REFERENCES parties (id),
  source             text NOT NULL CHECK (source IN ('creditChina', 'enterprisePublicity', 'department', 'court')),
  category           text NOT NULL CHECK (category IN ('penalty', 'dishonesty')),
  deciding_organ     text NOT NULL,
  decision_no        text,
  decided_on         date NOT NULL,
  severity           text NOT NULL CHECK (severity IN ('minor', 'general', 'serious')),
  publication_months int CHECK (publication_months BETWEEN 0 AND 60),
  fulfilled_on       date,
  first_applied_on   date,
  applied_on         date,
  result             text CHECK (result IN ('repaired', 'rejected')),
  result_on          date,
  CHECK (fulfilled_on IS NULL OR fulfilled_on >= decided_on),
  CHECK (applied_on IS NULL OR applied_on >= decided_on)
);
COMMENT ON TABLE credit_records IS 'Adverse credit records (失信信息 / 行政处罚信息 published on 信用中国 and other sites) of a credit subject, one matter each (kind creditRepair/record): entered or imported from the 信用中国 export, then applied for repair and decided on the official platform.';
COMMENT ON COLUMN credit_records.decided_on IS 'The day the deciding organ''s document found the conduct (认定之日): the minimum publication period runs from it, and the repair rules in force on it apply.';
COMMENT ON COLUMN credit_records.severity IS 'minor 轻微, general 一般, serious 严重: decides the minimum and maximum publication periods.';
COMMENT ON COLUMN credit_records.publication_months IS 'The publication period the record carries as published (公示期, months), when the export gives it.';
COMMENT ON COLUMN credit_records.fulfilled_on IS 'The day the subject fulfilled its obligations (履行法定义务、纠正失信行为), a condition of repair.';
COMMENT ON COLUMN credit_records.first_applied_on IS 'The first day the subject applied for repair on the official platform: "repair in progress" counts from it.';
COMMENT ON COLUMN credit_records.result IS 'repaired 修复成功 (publication ended), rejected 未通过 (the subject may apply again).';
CREATE INDEX credit_records_party ON credit_records (party_id);
CREATE INDEX credit_records_decided ON credit_records (decided_on);

CREATE TABLE credit_guidance (
  matter_id    bigint PRIMARY KEY REFERENCES matters (id),
  party_id     bigint NOT NULL REFERENCES parties (id),
  consulted_on date NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('window', 'phone', 'online', 'visit')),
  topic        text NOT NULL,
  guided_on    date,
  outcome      text CHECK (outcome IN ('repairing', 'noRecord', 'notEligible', 'declined'))
);
COMMENT ON TABLE credit_guidance IS 'Credit-repair guidance (信用法律咨询及修复指导) given to a credit subject: the consultation, the guidance (what to correct, which documents, the official free channel), the closing outcome.';
CREATE INDEX credit_guidance_party ON credit_guidance (party_id);

CREATE TABLE law_firms (
  org_id      bigint PRIMARY KEY REFERENCES orgs (id),
  licence_no  text NOT NULL UNIQUE,
  firm_form   text NOT NULL CHECK (firm_form IN ('partnership', 'sole', 'state')),
  founded_on  date NOT NULL,
  settled_on  date NOT NULL,
  left_on     date,
  partners    int NOT NULL DEFAULT 0 CHECK (partners >= 0),
  address     text,
  changed_on  date,
  change_filed_on date,
  CHECK (settled_on >= founded_on),
  CHECK (left_on IS NULL OR left_on >= settled_on)
);
COMMENT ON TABLE law_firms IS 'Law firms of the district (orgs of kind lawFirm under the bureau''s 律师工作科): licence, form, founding and the day they settled in the district.';
COMMENT ON COLUMN law_firms.changed_on IS 'The last change of the firm''s 住所 or 合伙人: it must be filed within 15 days (律师法 第二十一条第二款, rule lsgl.firm.change).';
COMMENT ON COLUMN law_firms.change_filed_on IS 'The day that change was filed with the bureau (备案); NULL while not filed.';
COMMENT ON COLUMN law_firms.settled_on IS 'The day the firm was set up in, or moved into, the district (落户): "firms settled in a year" counts these dates.';

CREATE TABLE lawyers (
  id             bigserial PRIMARY KEY,
  org_id         bigint NOT NULL REFERENCES orgs (id),
  party_id       bigint NOT NULL REFERENCES parties (id),
  certificate_no text NOT NULL UNIQUE,
  lawyer_type    text NOT NULL CHECK (lawyer_type IN ('fullTime', 'partTime', 'government', 'corporate', 'legalAid')),
  licensed_on    date NOT NULL,
  left_on        date,
  foreign_related boolean NOT NULL DEFAULT false,
  in_pool        boolean NOT NULL DEFAULT false,
  is_demo        boolean NOT NULL DEFAULT false,
  CHECK (left_on IS NULL OR left_on >= licensed_on)
);
COMMENT ON TABLE lawyers IS 'Practising lawyers (执业律师) with their practice certificates: at a law firm (专职/兼职), or government lawyers (公职律师) at their department, corporate lawyers at their company''s org.';
COMMENT ON COLUMN lawyers.in_pool IS 'Government lawyers: in the district''s 公职律师人才库, assignable to other departments'' matters.';
COMMENT ON COLUMN lawyers.left_on IS 'The day the lawyer stopped practising here (transfer, cancellation): head counts at a date count lawyers licensed and not yet left.';
CREATE INDEX lawyers_org ON lawyers (org_id);

CREATE TABLE firm_revenue_returns (
  org_id    bigint NOT NULL REFERENCES orgs (id),
  year      int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  revenue   numeric(14, 2) NOT NULL CHECK (revenue >= 0),
  filed_on  date NOT NULL,
  PRIMARY KEY (org_id, year)
);
COMMENT ON TABLE firm_revenue_returns IS 'A firm''s annual return of its revenue (业务收入, yuan) for a year: the industry''s revenue and its year-on-year growth are summed from these.';

CREATE TABLE lawyer_assessments (
  id          bigserial PRIMARY KEY,
  org_id      bigint NOT NULL REFERENCES orgs (id),
  lawyer_id   bigint REFERENCES lawyers (id),
  year        int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  result      text NOT NULL CHECK (result IN ('pass', 'fail', 'competent', 'basicallyCompetent', 'incompetent')),
  decided_on  date NOT NULL,
  note        text,
  CHECK ((lawyer_id IS NULL) = (result IN ('pass', 'fail')))
);
COMMENT ON TABLE lawyer_assessments IS 'Annual inspection of a firm (年度检查考核: 合格/不合格, 司法部令第121号 — no 基本合格 grade was found) or annual assessment of a lawyer (律师执业年度考核: 称职/基本称职/不称职, rated by the bar association and filed with the bureau).';
CREATE UNIQUE INDEX lawyer_assessments_once ON lawyer_assessments (org_id, coalesce(lawyer_id, 0), year);

CREATE TABLE government_lawyer_assignments (
  id           bigserial PRIMARY KEY,
  lawyer_id    bigint NOT NULL REFERENCES lawyers (id),
  to_org_id    bigint NOT NULL REFERENCES orgs (id),
  task         text NOT NULL,
  assigned_on  date NOT NULL,
  done_on      date,
  CHECK (done_on IS NULL OR done_on >= assigned_on)
);
COMMENT ON TABLE government_lawyer_assignments IS 'A government lawyer of the pool lent to another department''s matter (公职律师跨部门统筹共享): the workload per lawyer is counted from these.';

CREATE TABLE compliance_guidelines (
  id              bigserial PRIMARY KEY,
  owner_org_id    bigint NOT NULL REFERENCES orgs (id),
  industry        text NOT NULL,
  title           text NOT NULL,
  version         int NOT NULL DEFAULT 1 CHECK (version >= 1),
  authors         text NOT NULL,
  published_on    date NOT NULL,
  enterprises_reached int NOT NULL DEFAULT 0 CHECK (enterprises_reached >= 0),
  is_demo         boolean NOT NULL DEFAULT false,
  UNIQUE (industry, version)
);
COMMENT ON TABLE compliance_guidelines IS 'Compliance guidelines (合规指引) of the industry compliance centre, one row per published version of an industry''s guideline.';

CREATE TABLE enterprise_services (
  id            bigserial PRIMARY KEY,
  owner_org_id  bigint NOT NULL REFERENCES orgs (id),
  centre        text NOT NULL CHECK (centre IN ('compliance', 'foreignRelated')),
  service       text NOT NULL CHECK (service IN ('appointment', 'consultation', 'riskCheck', 'training')),
  party_id      bigint NOT NULL REFERENCES parties (id),
  topic         text NOT NULL,
  country       text,
  requested_on  date NOT NULL,
  slot_on       date,
  status        text NOT NULL CHECK (status IN ('requested', 'confirmed', 'done', 'cancelled')),
  adviser       text,
  advice        text,
  done_on       date,
  is_demo       boolean NOT NULL DEFAULT false,
  CHECK ((status = 'done') = (done_on IS NOT NULL AND advice IS NOT NULL)),
  CHECK (done_on IS NULL OR done_on >= requested_on)
);
COMMENT ON TABLE enterprise_services IS 'Services to enterprises of the compliance centre and of the 宁波国际法律服务中心镇海分中心 (foreignRelated): 预约式指导 appointments (booked → confirmed with an adviser → advice recorded), consultations, risk checks.';
COMMENT ON COLUMN enterprise_services.country IS 'Foreign-related services: the country or region concerned.';
CREATE INDEX enterprise_services_party ON enterprise_services (centre, party_id, done_on);
