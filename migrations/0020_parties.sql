-- The parties registry (当事人主档): one record per person or organisation, shared by every line.
-- Identity and phone numbers are stored only as ciphertext (SM4, key outside the database) with a keyed blind
-- index for exact lookup and a masked copy for lists; the database never holds them in clear.
CREATE TABLE parties (
  id                  bigserial PRIMARY KEY,
  party_type          text NOT NULL CHECK (party_type IN ('person', 'organisation')),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  id_kind             text CHECK (id_kind IN ('residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit',
                                              'foreignPermanentResident', 'none')),
  id_number_enc       bytea,
  id_number_index     bytea,
  id_number_masked    text,
  sex                 text CHECK (sex IN ('male', 'female')),
  birth_date          date,
  credit_code         text CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  org_kind            text CHECK (org_kind IN ('enterprise', 'socialOrganisation', 'organ', 'other')),
  legal_representative text,
  phone_enc           bytea,
  phone_index         bytea,
  phone_masked        text,
  address             text,
  region_code         text,
  owner_org_id        bigint NOT NULL REFERENCES orgs (id),
  created_by          bigint REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  CHECK ((id_number_enc IS NULL) = (id_number_index IS NULL)),
  CHECK (party_type = 'person' OR id_number_enc IS NULL)
);
COMMENT ON TABLE parties IS 'Persons and organisations that are parties to matters of any line; one row per identity.';
COMMENT ON COLUMN parties.id_number_enc IS 'Identity document number, SM4-CTR + HMAC-SM3 sealed under the data key named inside the value.';
COMMENT ON COLUMN parties.id_number_index IS 'HMAC-SM3 blind index of (id_kind, number) under the active data key: exact lookup without the clear value.';
COMMENT ON COLUMN parties.id_number_masked IS 'The number as lists show it, e.g. 330211********123X.';
COMMENT ON COLUMN parties.owner_org_id IS 'The organisation whose staff created the record; who sees a party is decided by the matters it is linked to.';
-- The same identity never makes two records.
CREATE UNIQUE INDEX parties_identity ON parties (id_number_index) WHERE id_number_index IS NOT NULL;
CREATE UNIQUE INDEX parties_credit_code ON parties (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX parties_phone ON parties (phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX parties_name ON parties USING gin (name gin_trgm_ops);

CREATE TABLE matter_parties (
  matter_id  bigint NOT NULL REFERENCES matters (id),
  party_id   bigint NOT NULL REFERENCES parties (id),
  role       text NOT NULL CHECK (role ~ '^[a-z][A-Za-z]*$'),
  seq        integer NOT NULL,
  PRIMARY KEY (matter_id, role, seq)
);
COMMENT ON TABLE matter_parties IS 'Who is a party to a matter and in which line-defined role (applicant, representative, thirdParty, correctee …).';
CREATE INDEX matter_parties_party ON matter_parties (party_id);
ALTER TABLE matter_parties ADD COLUMN relation text;
COMMENT ON COLUMN matter_parties.relation IS 'For a representative: the relation to the party represented (律师、近亲属、法定代表人).';

-- Applications registered before the registry keep their parties in reconsideration_parties until the start-up
-- backfill (src/lines/reconsideration/legacy-parties.ts) has moved each row into the registry, sealing its numbers,
-- and deleted it; new applications link their parties through matter_parties only.
COMMENT ON TABLE reconsideration_parties IS 'Legacy: parties of applications registered before the parties registry; emptied at start-up into parties + matter_parties.';
