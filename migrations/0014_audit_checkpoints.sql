-- Signed checkpoints of the audit chain. The key is kept outside the database (FAZHI_AUDIT_KEY or
-- <data dir>/audit-key), so whoever can rewrite the database cannot sign a checkpoint for a rewritten chain.

CREATE TABLE audit_checkpoints (
  id        bigserial PRIMARY KEY,
  seq       bigint NOT NULL,
  hash      text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  signature text NOT NULL
);
COMMENT ON TABLE audit_checkpoints IS 'Signed (HMAC-SHA-256, key outside the database) statements "the chain had this hash at this seq". audit:verify checks each against audit_log: a rewritten row changes every later hash, a truncated tail loses the checkpointed row. The latest is also written to a file outside the database, so deleting checkpoints is detected too.';
COMMENT ON COLUMN audit_checkpoints.signature IS 'hex HMAC-SHA-256 of "fazhi-audit-checkpoint:<seq>:<hash>".';
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
