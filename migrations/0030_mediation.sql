-- Mediation (大调解): the mediation organisations as registry entries, the district's mediator pool, and the typed
-- details of mediation cases. The workflow itself (states, events, deadlines, documents) lives in the kernel's
-- tables and the parties in the kernel's registry (parties + matter_parties); these rows hold what the line's
-- indicators count, its documents quote and its checks need.

CREATE TABLE mediation_organisations (
  org_id        bigint PRIMARY KEY REFERENCES orgs (id),
  org_kind      text NOT NULL CHECK (org_kind IN ('village', 'town', 'enterprise', 'industry', 'administrative',
                                                  'commercial', 'centre')),
  speciality    text,
  founded_on    date NOT NULL,
  dissolved_on  date,
  filed_on      date,
  CHECK (dissolved_on IS NULL OR dissolved_on >= founded_on)
);
COMMENT ON TABLE mediation_organisations IS 'Mediation organisations (orgs of kind mediationCommittee) with what the registry of mediation bodies keeps: their kind, founding and dissolution dates and the filing with the bureau. Their parent in orgs is the town''s justice office (village and town committees) or the bureau.';
COMMENT ON COLUMN mediation_organisations.org_kind IS 'village 村（社区）人民调解委员会, town 镇（街道）人民调解委员会, enterprise 企事业单位人民调解委员会, industry 行业性专业性人民调解委员会, administrative 行政调解组织, commercial 商事调解中心, centre 矛盾纠纷调处化解中心.';
COMMENT ON COLUMN mediation_organisations.founded_on IS 'The day it was set up: "added in a year" is a count of these dates; the 30 working days to file (宁波市人民调解条例 第十三条) run from it.';
COMMENT ON COLUMN mediation_organisations.filed_on IS 'The day the setting-up unit filed it with the district bureau (备案); NULL while not filed.';
CREATE INDEX mediation_organisations_founded ON mediation_organisations (founded_on);

CREATE TABLE mediators (
  id             bigserial PRIMARY KEY,
  org_id         bigint NOT NULL REFERENCES orgs (id),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  party_id       bigint REFERENCES parties (id),
  speciality     text NOT NULL,
  certificate_no text,
  employment     text NOT NULL CHECK (employment IN ('fullTime', 'partTime')),
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'left')),
  in_pool        boolean NOT NULL DEFAULT false,
  joined_on      date NOT NULL,
  left_on        date,
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'left') = (left_on IS NOT NULL))
);
COMMENT ON TABLE mediators IS 'Mediators of the mediation organisations; in_pool marks the district mediator pool (区级调解人才库). Workload and success rate are computed from their assignments.';
COMMENT ON COLUMN mediators.party_id IS 'The mediator''s own record in the parties registry, when known: a mediator is never assigned to a case where that record is a party.';
COMMENT ON COLUMN mediators.left_on IS 'The day the mediator left the organisation or the pool; the pool size at a year''s end counts mediators joined and not yet left.';
CREATE INDEX mediators_org ON mediators (org_id);

CREATE TABLE mediation_cases (
  matter_id                 bigint PRIMARY KEY REFERENCES matters (id),
  org_id                    bigint NOT NULL REFERENCES orgs (id),
  source                    text NOT NULL CHECK (source IN ('application', 'initiative', 'courtDelegated',
                                                'courtEntrusted', 'police', 'department', 'reconsideration')),
  channel                   text CHECK (channel IN ('window', 'phone', 'online')),
  dispute_type              text NOT NULL,
  amount                    numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  facts                     text NOT NULL,
  request                   text,
  received_on               date NOT NULL,
  quick                     boolean NOT NULL DEFAULT false,
  court_name                text,
  court_case_no             text,
  court_procedure           text CHECK (court_procedure IN ('ordinary', 'simple')),
  materials_received_on     date,
  referring_org_id          bigint REFERENCES orgs (id),
  reconsideration_matter_id bigint REFERENCES matters (id),
  respondent_org_id         bigint REFERENCES orgs (id),
  outcome                   text CHECK (outcome IN ('agreed', 'failed', 'refused')),
  outcome_on                date,
  agreement_form            text CHECK (agreement_form IN ('written', 'oral')),
  agreement                 text,
  amount_agreed             numeric(14, 2),
  performance               text CHECK (performance IN ('pending', 'immediate', 'instalments', 'performed', 'defaulted')),
  failure_reason            text,
  referred_to               text,
  confirmation_court        text,
  confirmation_applied_on   date,
  confirmation_result       text CHECK (confirmation_result IN ('valid', 'rejected')),
  confirmation_ruled_on     date,
  CHECK (source NOT IN ('courtDelegated', 'courtEntrusted') OR (court_name IS NOT NULL AND materials_received_on IS NOT NULL)),
  CHECK (source <> 'reconsideration' OR reconsideration_matter_id IS NOT NULL)
);
COMMENT ON TABLE mediation_cases IS 'One row per mediation case (kinds case and onSpot): where it came from, the dispute, the amount involved, the outcome, the judicial confirmation.';
COMMENT ON COLUMN mediation_cases.org_id IS 'The mediation organisation handling the case; also the matter''s owner, so scope is the organisation''s subtree.';
COMMENT ON COLUMN mediation_cases.amount IS 'The amount in dispute (涉及金额) in yuan; the indicator reports it in 万元.';
COMMENT ON COLUMN mediation_cases.quick IS 'Registered closed in one step: mediated on the spot with an oral agreement the mediator recorded (人民调解法 第二十八条).';
COMMENT ON COLUMN mediation_cases.materials_received_on IS 'Court referrals: the day the organisation signed for the court''s materials; the court''s mediation period runs from it (特邀调解规定 第二十七条第三款).';
COMMENT ON COLUMN mediation_cases.reconsideration_matter_id IS '调解+复议: the reconsideration application the case was handed over from; the outcome is written back onto it.';
COMMENT ON COLUMN mediation_cases.respondent_org_id IS '调解+复议: the administrative organ on the other side (the reconsideration respondent).';
COMMENT ON COLUMN mediation_cases.dispute_type IS 'marriage, neighbour, damages, labour, property, consumer, contract, traffic, medical, land, other (labels in the line''s vocabulary).';
CREATE INDEX mediation_cases_org ON mediation_cases (org_id, received_on);
CREATE INDEX mediation_cases_received ON mediation_cases (received_on);
CREATE INDEX mediation_cases_reconsideration ON mediation_cases (reconsideration_matter_id)
  WHERE reconsideration_matter_id IS NOT NULL;

CREATE TABLE mediation_assignments (
  matter_id      bigint NOT NULL REFERENCES matters (id),
  event_id       bigint NOT NULL REFERENCES matter_events (id),
  mediator_id    bigint NOT NULL REFERENCES mediators (id),
  lead           boolean NOT NULL,
  assigned_on    date NOT NULL,
  conflict_check text NOT NULL,
  PRIMARY KEY (matter_id, event_id, mediator_id)
);
COMMENT ON TABLE mediation_assignments IS 'Mediators assigned to a case (one or a panel), with the recorded conflict check: never a party to the case, and declared unrelated to the parties.';
CREATE INDEX mediation_assignments_mediator ON mediation_assignments (mediator_id);

CREATE TABLE mediation_sessions (
  id         bigserial PRIMARY KEY,
  matter_id  bigint NOT NULL REFERENCES matters (id),
  event_id   bigint NOT NULL REFERENCES matter_events (id),
  held_on    date NOT NULL,
  place      text NOT NULL,
  attendees  text NOT NULL,
  summary    text
);
COMMENT ON TABLE mediation_sessions IS 'Mediation sessions: when, where, who attended and what came of it (the 调解记录 a committee keeps, 人民调解法 第二十七条).';
CREATE INDEX mediation_sessions_matter ON mediation_sessions (matter_id);
