-- Legality review (合法性审查): the review items of the district centre (区合法性审查中心, at 法制审核科) and of the
-- towns' centres, the opinion items and the submitter's feedback on each, the reviewers (法审员, government lawyers,
-- legal advisers) and their assignments. The workflow (states, events, periods, documents) lives in the kernel's
-- tables; these rows hold what the indicators count, the opinion quotes and the reviewers' assessment reads.

CREATE TABLE legality_reviewers (
  id             bigserial PRIMARY KEY,
  org_id         bigint NOT NULL REFERENCES orgs (id),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  reviewer_kind  text NOT NULL CHECK (reviewer_kind IN ('reviewer', 'governmentLawyer', 'legalAdviser')),
  qualification  text,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'left')),
  joined_on      date NOT NULL,
  left_on        date,
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'left') = (left_on IS NOT NULL))
);
COMMENT ON TABLE legality_reviewers IS 'Reviewers of a review centre: 法审员 of a town (镇(街道)法审员管理办法), government lawyers (公职律师) and legal advisers (法律顾问). org_id is the centre they serve (the district centre''s section or a town''s justice office), so scope is that subtree. Their annual assessment (履职考核) is computed from their assignments.';
COMMENT ON COLUMN legality_reviewers.qualification IS 'What qualifies them: 法律职业资格证书 number, 公职律师证 number, or the adviser''s firm.';
CREATE INDEX legality_reviewers_org ON legality_reviewers (org_id);

CREATE TABLE legality_reviews (
  matter_id            bigint PRIMARY KEY REFERENCES matters (id),
  centre_org_id        bigint NOT NULL REFERENCES orgs (id),
  centre_level         text NOT NULL CHECK (centre_level IN ('district', 'town')),
  submitter_org_id     bigint REFERENCES orgs (id),
  submitter_name       text NOT NULL,
  submitter_kind       text NOT NULL CHECK (submitter_kind IN ('government', 'department', 'town', 'townOffice')),
  item_kind            text NOT NULL CHECK (item_kind IN ('normativeDoc', 'majorDecision', 'contract', 'other')),
  item_title           text NOT NULL,
  legal_bases          text,
  drafting_note        text,
  consultation         text,
  offered_days         integer NOT NULL CHECK (offered_days BETWEEN 1 AND 120),
  short_time           boolean NOT NULL DEFAULT false,
  urgent               boolean NOT NULL DEFAULT false,
  market_activity      boolean NOT NULL DEFAULT false,
  fair_competition     text,
  received_on          date NOT NULL,
  accepted_on          date,
  co_review_requested_on date,
  co_reviewed_on       date,
  co_review_opinion    text,
  concluded_on         date,
  conclusion           text CHECK (conclusion IN ('lawful', 'lawfulIfAmended', 'unlawful')),
  issues_count         integer NOT NULL DEFAULT 0,
  on_time              boolean,
  feedback_on          date,
  adoption             text CHECK (adoption IN ('adopted', 'partly', 'rejected')),
  issued_doc_no        text,
  issued_on            date,
  filed_on             date,
  CHECK ((conclusion IS NULL) = (concluded_on IS NULL))
);
COMMENT ON TABLE legality_reviews IS 'One row per review item (matter kind legalityReview/item): who submitted it to which centre, its kind, the review time offered, the fair-competition flag, the co-review, the conclusion and the submitter''s feedback.';
COMMENT ON COLUMN legality_reviews.centre_level IS 'district: reviewed by the district centre (its own count); town: reviewed by a town''s centre (the towns'' count), possibly co-reviewed (协审) by the district centre as well, which then counts it once more in its own count.';
COMMENT ON COLUMN legality_reviews.submitter_kind IS 'government 区政府及其办公室 (reviewed, not co-reviewed), department 区级部门, town a 镇(街道) sending an item up, townOffice an office of the town (its own centre reviews it).';
COMMENT ON COLUMN legality_reviews.offered_days IS 'Working days of review time the submitter offered; at least 5 for a normative document (国办发〔2018〕115号) and 7 for a major decision (重大行政决策程序暂行条例 第二十六条).';
COMMENT ON COLUMN legality_reviews.short_time IS 'The offer fell below the minimum for its kind when submitted (flagged; acceptance waits for a sufficient offer).';
COMMENT ON COLUMN legality_reviews.market_activity IS 'The measure touches operators'' economic activity: a fair-competition review record is required (公平竞争审查条例 第二条、第十八条).';
COMMENT ON COLUMN legality_reviews.co_reviewed_on IS 'The day the district centre gave its co-review opinion on a town''s item: the day it counts in the district centre''s figures.';
COMMENT ON COLUMN legality_reviews.on_time IS 'The opinion was issued within the review period (the period met before its due date).';
CREATE INDEX legality_reviews_concluded ON legality_reviews (concluded_on);
CREATE INDEX legality_reviews_co_reviewed ON legality_reviews (co_reviewed_on) WHERE co_reviewed_on IS NOT NULL;
CREATE INDEX legality_reviews_centre ON legality_reviews (centre_org_id, concluded_on);

CREATE TABLE legality_opinion_items (
  matter_id       bigint NOT NULL REFERENCES matters (id),
  event_id        bigint NOT NULL REFERENCES matter_events (id),
  seq             integer NOT NULL,
  problem         text NOT NULL,
  basis           text NOT NULL,
  suggestion      text NOT NULL,
  adoption        text CHECK (adoption IN ('adopted', 'partly', 'rejected')),
  adoption_reason text,
  PRIMARY KEY (matter_id, event_id, seq)
);
COMMENT ON TABLE legality_opinion_items IS 'The issues an opinion raises (问题, 依据, 修改建议) and, once the submitter reports back, whether each was adopted (采纳/部分采纳/未采纳, with the reason).';

CREATE TABLE legality_assignments (
  matter_id      bigint NOT NULL REFERENCES matters (id),
  event_id       bigint NOT NULL REFERENCES matter_events (id),
  reviewer_id    bigint NOT NULL REFERENCES legality_reviewers (id),
  lead           boolean NOT NULL,
  assigned_on    date NOT NULL,
  PRIMARY KEY (matter_id, event_id, reviewer_id)
);
COMMENT ON TABLE legality_assignments IS 'Reviewers assigned to an item at acceptance, the first the lead; each declared no conflict of interest with the item.';
CREATE INDEX legality_assignments_reviewer ON legality_assignments (reviewer_id);

CREATE TABLE legality_decisions (
  matter_id                  bigint PRIMARY KEY REFERENCES matters (id),
  catalogue_year             integer NOT NULL CHECK (catalogue_year BETWEEN 2000 AND 2100),
  deciding_org_id            bigint NOT NULL REFERENCES orgs (id),
  decision_title             text NOT NULL,
  listed_on                  date NOT NULL,
  public_participation_on    date,
  expert_argument_on         date,
  risk_assessment_on         date,
  legality_review_on         date,
  review_matter_id           bigint REFERENCES matters (id),
  collective_discussion_on   date,
  decided_on                 date,
  decision_doc_no            text,
  discussed_without_review   boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE legality_decisions IS 'The year''s catalogue of major administrative decisions (重大行政决策事项目录), each with the procedural steps of 重大行政决策程序暂行条例 (public participation, expert argument, risk assessment, legality review, collective discussion) as a checklist of dates.';
COMMENT ON COLUMN legality_decisions.review_matter_id IS 'The legality review item (kind majorDecision) behind the legality review step, when it went through a centre here.';
COMMENT ON COLUMN legality_decisions.discussed_without_review IS 'Collective discussion was recorded while no legality review was: 条例第二十五条 (未经合法性审查或者经审查不合法的，不得提交讨论) — flagged on the catalogue.';
CREATE INDEX legality_decisions_year ON legality_decisions (catalogue_year);

CREATE TABLE legality_assessment_scores (
  id           bigserial PRIMARY KEY,
  reviewer_id  bigint NOT NULL REFERENCES legality_reviewers (id),
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  points       integer NOT NULL CHECK (points BETWEEN -20 AND 20),
  reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  entered_by   bigint REFERENCES users (id),
  entered_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE legality_assessment_scores IS 'Points the assessor adds or deducts in a reviewer''s annual assessment beyond what the records give (training, complaints, 履职不到位 reminders), each with its reason; summed into the year''s score.';
CREATE INDEX legality_assessment_scores_reviewer ON legality_assessment_scores (reviewer_id, year);
