-- An issued document's record is its text: `documents.fields`, the specification the template produced (numbered,
-- signed and dated inside the issuing transaction), with `content_hash` its SHA-256. The DOCX is a rendering of that
-- text, made at the first download and kept here, so that issuing a document costs no rendering inside the step's
-- transaction (the number counter and the audit chain are held there) — the high-volume lines issue thousands a day.
-- Documents issued before this migration keep the DOCX stored with them in `documents.docx`.
ALTER TABLE documents ALTER COLUMN docx DROP NOT NULL;
COMMENT ON COLUMN documents.docx IS 'The DOCX as rendered when issued, for documents issued before migration 0027; NULL since: see document_docx.';
COMMENT ON COLUMN documents.content_hash IS 'SHA-256 (hex) of the issued text: the canonical JSON of `fields` (of the DOCX, for documents issued before migration 0027).';

CREATE TABLE document_docx (
  document_id   bigint NOT NULL REFERENCES documents (id),
  voided        boolean NOT NULL,
  docx          bytea NOT NULL,
  sha256        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, voided)
);
COMMENT ON TABLE document_docx IS 'The DOCX (GB/T 9704) of an issued document, rendered from its text at the first download and kept; a voided document has a second one with its 作废 mark.';
COMMENT ON COLUMN document_docx.sha256 IS 'SHA-256 of the DOCX bytes (hex).';
