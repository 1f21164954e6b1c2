-- The PDF of a published annual report edition, made by LibreOffice at its first download and kept: the edition
-- never changes, so neither does its PDF, and later downloads are sent from here without running LibreOffice again.

CREATE TABLE annual_report_pdfs (
  report_id     bigint PRIMARY KEY REFERENCES annual_reports (id),
  pdf           bytea NOT NULL,
  sha256        text NOT NULL,
  edition_hash  text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE annual_report_pdfs IS 'The PDF of a published annual report (GB/T 9704), rendered once and kept. A cache of the frozen edition: deleting a row (e.g. after installing licensed fonts) makes the next download render it again.';
COMMENT ON COLUMN annual_report_pdfs.sha256 IS 'SHA-256 of the PDF bytes (hex).';
COMMENT ON COLUMN annual_report_pdfs.edition_hash IS 'SHA-256 of the frozen edition and header it was rendered from; a row whose hash no longer matches is not served.';
