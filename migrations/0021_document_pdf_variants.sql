-- A voided document (更正) is downloaded with its 作废 mark: its PDF is kept apart from the one made before it was
-- voided, so a PDF cached earlier never serves a voided document without the mark.
ALTER TABLE document_pdfs ADD COLUMN voided boolean NOT NULL DEFAULT false;
ALTER TABLE document_pdfs DROP CONSTRAINT document_pdfs_pkey;
ALTER TABLE document_pdfs ADD PRIMARY KEY (document_id, voided);
COMMENT ON COLUMN document_pdfs.voided IS 'True for the PDF of the document as voided (with its 作废 mark).';
