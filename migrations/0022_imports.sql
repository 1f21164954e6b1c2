-- Ledger import (台账导入): an uploaded ledger checked row by row (the dry run), fixed or skipped on the page, then
-- imported through the workflow engine. The cells of a row are kept only sealed with the data key (SM4, like the
-- parties' numbers) and only until the row is imported: the matter holds the data from then on.
CREATE TABLE import_batches (
  id           bigserial PRIMARY KEY,
  line         text NOT NULL,
  kind         text NOT NULL,
  org_id       bigint NOT NULL REFERENCES orgs (id),
  file_name    text NOT NULL,
  file_sha256  text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  total_rows   integer NOT NULL CHECK (total_rows >= 0),
  finished_at  timestamptz,
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE import_batches IS 'One uploaded ledger: the line and kind its rows become, the office importing it, the file''s SHA-256.';
CREATE INDEX import_batches_org ON import_batches (org_id, created_at DESC);

CREATE TABLE import_rows (
  batch_id   bigint NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  row_no     integer NOT NULL CHECK (row_no > 0),
  status     text NOT NULL CHECK (status IN ('ok', 'bad', 'skipped', 'imported', 'failed', 'already')),
  cells      bytea,
  errors     jsonb NOT NULL DEFAULT '[]',
  matter_id  bigint REFERENCES matters (id),
  PRIMARY KEY (batch_id, row_no),
  CHECK (status NOT IN ('imported', 'already') OR matter_id IS NOT NULL)
);
COMMENT ON TABLE import_rows IS 'Each row of a ledger and its outcome: ok/bad (dry run), skipped, imported, failed, already (imported from the same file before).';
COMMENT ON COLUMN import_rows.cells IS 'The row''s cells as JSON, SM4-CTR + HMAC-SM3 sealed; cleared once the row is imported.';
COMMENT ON COLUMN import_rows.errors IS 'The row''s problems: [{field, header, message}] in Chinese, quoting no identity or phone number.';
CREATE INDEX import_rows_ready ON import_rows (batch_id, row_no) WHERE status = 'ok';

-- What makes importing idempotent: a row of a file (by its SHA-256) becomes at most one matter of a kind, whoever
-- uploads the file again and however often.
CREATE TABLE imported_rows (
  line         text NOT NULL,
  kind         text NOT NULL,
  file_sha256  text NOT NULL,
  row_no       integer NOT NULL,
  matter_id    bigint NOT NULL REFERENCES matters (id),
  batch_id     bigint NOT NULL REFERENCES import_batches (id),
  PRIMARY KEY (line, kind, file_sha256, row_no)
);
COMMENT ON TABLE imported_rows IS 'The matter each imported ledger row became, keyed by file hash and row number: the same file never imports a row twice.';
