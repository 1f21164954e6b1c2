-- PDFs of issued documents, rendered once. An issued document never changes (documents is append-only), so
-- its PDF need not be rendered again on each download: LibreOffice takes 1.5–3 s of a core per conversion.
CREATE TABLE document_pdfs (
  document_id   bigint PRIMARY KEY REFERENCES documents (id),
  pdf           bytea NOT NULL,
  sha256        text NOT NULL,
  content_hash  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE document_pdfs IS 'The PDF of an issued document, made by LibreOffice at its first download and kept. A cache of the DOCX: deleting a row (e.g. after installing licensed fonts) makes the next download render it again.';
COMMENT ON COLUMN document_pdfs.pdf IS 'The PDF bytes as first sent.';
COMMENT ON COLUMN document_pdfs.sha256 IS 'SHA-256 of the PDF bytes (hex).';
COMMENT ON COLUMN document_pdfs.content_hash IS 'documents.content_hash of the document it was rendered from, so a PDF can be traced to the issued DOCX.';
