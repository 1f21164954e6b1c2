-- Mediator relations (调解员利害关系登记): what a mediator has declared or the registry knows of their ties to a
-- party — kin, a colleague of the same unit, a former agent, another interest. The conflict check of an assignment
-- (回避: a mediator who is a party, or related to one, withdraws; the article is not verified in /work/shared) refuses
-- a mediator with a recorded relation to any party of the case, as it already refuses one who is a party.

CREATE TABLE mediator_relations (
  id           bigserial PRIMARY KEY,
  mediator_id  bigint NOT NULL REFERENCES mediators (id),
  party_id     bigint NOT NULL REFERENCES parties (id),
  relation     text NOT NULL CHECK (relation IN ('kin', 'colleague', 'agent', 'interest')),
  note         text CHECK (length(note) <= 200),
  recorded_on  date NOT NULL,
  recorded_by  bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (mediator_id, party_id, relation)
);
COMMENT ON TABLE mediator_relations IS 'A mediator''s recorded relation to a party of the parties registry; the assignment of mediators and the mediator picker refuse a mediator with a relation to any party of the case (回避).';
COMMENT ON COLUMN mediator_relations.relation IS 'kin 近亲属, colleague 同事（同一单位）, agent 曾任代理人, interest 其他利害关系.';
COMMENT ON COLUMN mediator_relations.note IS 'What the relation is, in the registrar''s words (e.g. 表兄弟).';
COMMENT ON COLUMN mediator_relations.recorded_on IS 'The business day the relation was recorded.';
COMMENT ON COLUMN mediator_relations.recorded_by IS 'The user who recorded it (NULL for the system, e.g. an import).';
CREATE INDEX mediator_relations_party ON mediator_relations (party_id);
