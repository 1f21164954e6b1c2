-- Administrative reconsideration (行政复议) and administrative litigation (行政应诉): the typed details of their
-- matters. The workflow itself (states, events, deadlines, documents) lives in the kernel's tables; these rows hold
-- what the line's indicators count and its documents quote.

CREATE TABLE reconsideration_applications (
  matter_id          bigint PRIMARY KEY REFERENCES matters (id),
  channel            text NOT NULL CHECK (channel IN ('window', 'mail', 'online', 'forwarded')),
  received_on        date NOT NULL,
  respondent_org_id  bigint NOT NULL REFERENCES orgs (id),
  act_kind           text NOT NULL,
  act_title          text NOT NULL,
  act_doc_no         text,
  act_date           date NOT NULL,
  act_known_on       date NOT NULL,
  real_property      boolean NOT NULL DEFAULT false,
  request            text NOT NULL,
  procedure          text CHECK (procedure IN ('ordinary', 'simplified')),
  decision_type      text,
  decided_on         date
);
COMMENT ON TABLE reconsideration_applications IS 'One row per reconsideration application (kind application): channel, respondent organ, contested act, request; procedure and decision as they are recorded.';
COMMENT ON COLUMN reconsideration_applications.act_known_on IS 'The date the applicant knew or should have known of the act: the 60-day application period (Art. 20) counts from it.';
COMMENT ON COLUMN reconsideration_applications.decision_type IS 'change, revoke, revokeRedo, confirmIllegal, confirmIllegalRedo, orderPerform, confirmInvalid, uphold, dismiss (Art. 63–69).';
CREATE INDEX reconsideration_applications_respondent ON reconsideration_applications (respondent_org_id);

CREATE TABLE reconsideration_parties (
  id           bigserial PRIMARY KEY,
  matter_id    bigint NOT NULL REFERENCES matters (id),
  role         text NOT NULL CHECK (role IN ('applicant', 'representative', 'thirdParty')),
  party_type   text NOT NULL CHECK (party_type IN ('person', 'organisation')),
  name         text NOT NULL,
  id_number    text,
  credit_code  text,
  phone        text,
  address      text,
  CHECK (party_type <> 'person' OR role = 'representative' OR id_number IS NOT NULL),
  CHECK (party_type <> 'organisation' OR credit_code IS NOT NULL)
);
COMMENT ON TABLE reconsideration_parties IS 'Applicants, representatives and third parties of an application. ID numbers are personal data: lists mask them.';
CREATE INDEX reconsideration_parties_matter ON reconsideration_parties (matter_id);
CREATE INDEX reconsideration_parties_identity ON reconsideration_parties (coalesce(id_number, credit_code)) WHERE role = 'applicant';

CREATE TABLE litigation_suits (
  matter_id            bigint PRIMARY KEY REFERENCES matters (id),
  court                text NOT NULL,
  case_number          text NOT NULL,
  instance             text NOT NULL CHECK (instance IN ('first', 'second')),
  defendant_org_id     bigint NOT NULL REFERENCES orgs (id),
  plaintiff            text NOT NULL,
  act_kind             text NOT NULL,
  filed_on             date NOT NULL,
  after_reconsideration boolean NOT NULL DEFAULT false,
  reconsideration_matter_id bigint REFERENCES matters (id),
  hearing_on           date,
  head_appeared        boolean,
  outcome              text CHECK (outcome IN ('won', 'lost', 'withdrawn', 'mediated', 'dismissed')),
  concluded_on         date,
  UNIQUE (court, case_number)
);
COMMENT ON TABLE litigation_suits IS 'Administrative suits in which a district organ is the defendant (行政应诉), whether after reconsideration or direct.';
COMMENT ON COLUMN litigation_suits.outcome IS 'won (驳回诉讼请求/维持), lost (败诉: revoked, confirmed unlawful, ordered to act, changed), withdrawn (撤诉), mediated (调解), dismissed (驳回起诉).';
CREATE INDEX litigation_suits_defendant ON litigation_suits (defendant_org_id);
