-- Public legal services and legal aid (公共法律服务与法律援助): the station network of the 15-minute circle as
-- registry entries, the visits and hotline log (来电来访), and the typed details of legal-aid cases. The workflow
-- (states, events, deadlines, documents) lives in the kernel's tables and the applicants in its parties registry.

CREATE TABLE legal_service_stations (
  org_id          bigint PRIMARY KEY REFERENCES orgs (id),
  station_kind    text NOT NULL CHECK (station_kind IN ('station', 'workstation', 'liaison', 'practice')),
  level           smallint CHECK (level BETWEEN 1 AND 3),
  region_code     text NOT NULL,
  host            text,
  address         text NOT NULL,
  lat             numeric(9, 6),
  lng             numeric(9, 6),
  position_approx boolean NOT NULL DEFAULT true,
  opening_hours   text,
  staff           text,
  duty_lawyers    text,
  services        text[] NOT NULL DEFAULT '{}',
  founded_on      date NOT NULL,
  closed_on       date,
  CHECK ((station_kind = 'station') = (level IS NOT NULL)),
  CHECK (closed_on IS NULL OR closed_on >= founded_on)
);
COMMENT ON TABLE legal_service_stations IS 'The public legal service network (公共法律服务实体平台) as registry entries, each an org of kind station: level 1 district centres, level 2 town stations, level 3 village/community rooms, legal-aid workstations and liaison points, and 新时代法治实践站点.';
COMMENT ON COLUMN legal_service_stations.station_kind IS 'station 公共法律服务站点 (with its level), workstation 法律援助工作站, liaison 法律援助联络点, practice 新时代法治实践站点.';
COMMENT ON COLUMN legal_service_stations.region_code IS 'The village/community (12 digits) or town (9 digits) the station serves; the district code for district centres.';
COMMENT ON COLUMN legal_service_stations.position_approx IS 'True when lat/lng are an approximate placement (not surveyed): the map says so.';
COMMENT ON COLUMN legal_service_stations.founded_on IS 'The day it opened: "added in a year" counts these dates; a stock at a year''s end counts stations founded and not closed.';
CREATE INDEX legal_service_stations_kind ON legal_service_stations (station_kind, level);

CREATE TABLE legal_service_places (
  region_code     text PRIMARY KEY,
  lat             numeric(9, 6) NOT NULL,
  lng             numeric(9, 6) NOT NULL,
  position_approx boolean NOT NULL DEFAULT true,
  source          text NOT NULL
);
COMMENT ON TABLE legal_service_places IS 'A representative position of each village/community (its committee''s office), for the 15-minute circle. Approximate positions are marked so and never presented as surveyed.';

CREATE TABLE legal_aid_visits (
  id             bigserial PRIMARY KEY,
  station_org_id bigint NOT NULL REFERENCES orgs (id),
  visited_on     date NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('window', 'hotline', 'online', 'outreach')),
  topic          text NOT NULL,
  service        text NOT NULL CHECK (service IN ('answer', 'drafting', 'aidApplication', 'mediation', 'referral')),
  party_id       bigint REFERENCES parties (id),
  village_code   text,
  duration_min   integer CHECK (duration_min BETWEEN 0 AND 600),
  note           text,
  matter_id      bigint REFERENCES matters (id),
  recorded_by    bigint,
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE legal_aid_visits IS 'The visits and hotline log (来电来访): one row per person served (人次), not a case. A visit may start a legal-aid application (matter_id).';
COMMENT ON COLUMN legal_aid_visits.village_code IS 'Where the visitor lives, when known: demand per village beside the 15-minute circle.';
CREATE INDEX legal_aid_visits_station ON legal_aid_visits (station_org_id, visited_on);
CREATE INDEX legal_aid_visits_on ON legal_aid_visits (visited_on);

CREATE TABLE legal_aid_cases (
  matter_id           bigint PRIMARY KEY REFERENCES matters (id),
  source              text NOT NULL CHECK (source IN ('application', 'detained', 'notice')),
  case_type           text NOT NULL,
  counting            text NOT NULL CHECK (counting IN ('zhejiang', 'national')),
  received_on         date NOT NULL,
  station_org_id      bigint REFERENCES orgs (id),
  visit_id            bigint REFERENCES legal_aid_visits (id),
  eligibility         text CHECK (eligibility IN ('certificate', 'pledge', 'exempt', 'noCheck')),
  exemption           text,
  notifying_organ     text,
  notice_no           text,
  limitation_ends_on  date,
  matter_summary      text NOT NULL,
  decision            text CHECK (decision IN ('granted', 'refused', 'advanced', 'notice')),
  decided_on          date,
  refusal_ground      text,
  aid_worker          text,
  aid_worker_kind     text CHECK (aid_worker_kind IN ('lawyer', 'grassroots', 'staff')),
  law_firm_org_id     bigint REFERENCES orgs (id),
  assigned_on         date,
  ended_on            date,
  closed_on           date,
  quality_score       numeric(5, 1) CHECK (quality_score BETWEEN 0 AND 100),
  subsidy             numeric(10, 2),
  terminated_on       date,
  is_demo             boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE legal_aid_cases IS 'One row per legal-aid matter: how it came (application, a detained person''s forwarded application, a notice from court/procuratorate/police), eligibility, the decision, the assignment, closing and quality score.';
COMMENT ON COLUMN legal_aid_cases.counting IS 'How this case''s periods are counted, pinned at intake from the setting legalAid.counting: zhejiang (浙江省法律援助条例: 工作日, the default) or national (法律援助法: 日).';
COMMENT ON COLUMN legal_aid_cases.decided_on IS 'The day the case was accepted (给予/先行提供 decision, or a notice received) or refused: 受理援助案件 counts accepted cases by this date.';
COMMENT ON COLUMN legal_aid_cases.law_firm_org_id IS 'The assigned worker''s unit (law firm / 基层法律服务所); also set as the matter''s subject org, so that its lawyers read the case.';
CREATE INDEX legal_aid_cases_decided ON legal_aid_cases (decided_on);

CREATE TABLE legal_aid_rights_notices (
  id          bigserial PRIMARY KEY,
  matter_id   bigint NOT NULL REFERENCES matters (id),
  event_id    bigint REFERENCES matter_events (id),
  notified_on date NOT NULL,
  method      text NOT NULL CHECK (method IN ('written', 'oral', 'phone', 'online')),
  notified    text NOT NULL,
  content     text NOT NULL
);
COMMENT ON TABLE legal_aid_rights_notices IS '法律援助权利告知 (the district''s best-practice project): every notification of an applicant''s or aided person''s rights is a record.';
CREATE INDEX legal_aid_rights_notices_matter ON legal_aid_rights_notices (matter_id);
