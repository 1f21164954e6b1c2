-- The annual report (法治政府建设年度报告): one edition per year and region, written in the product. Its text is
-- blocks (the bureau's narrative and the lines' registered paragraphs, both templates whose {{placeholders}} are
-- indicators), versioned; the edition moves draft → reviewed (审核) → approved (签发) → published, and publication
-- freezes the composed text with its figures so later record changes never alter it.

CREATE TABLE annual_reports (
  id            bigserial PRIMARY KEY,
  year          int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  region        text NOT NULL CHECK (region ~ '^\d{6}(\d{3}(\d{3})?)?$'),
  org_id        bigint NOT NULL REFERENCES orgs (id),
  state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'reviewed', 'approved', 'published')),
  index_no      text,
  written_on    date,
  publisher     text NOT NULL,
  disclosure    text NOT NULL DEFAULT '主动公开',
  topic         text NOT NULL DEFAULT '司法',
  genre         text NOT NULL DEFAULT '报告',
  based_on      bigint REFERENCES annual_reports (id),
  version       int NOT NULL DEFAULT 1,
  created_by    bigint REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  reviewed_by   bigint REFERENCES users (id),
  reviewed_at   timestamptz,
  approved_by   bigint REFERENCES users (id),
  approved_at   timestamptz,
  published_by  bigint REFERENCES users (id),
  published_at  timestamptz,
  as_of         timestamptz,
  edition       jsonb,
  UNIQUE (year, region),
  CHECK ((state = 'published') = (edition IS NOT NULL AND as_of IS NOT NULL AND published_at IS NOT NULL))
);
COMMENT ON TABLE annual_reports IS 'Editions of the annual report, one per year and region; the org is the issuing bureau whose subtree the figures count and whose members may read, edit and approve it.';
COMMENT ON COLUMN annual_reports.state IS 'draft 草稿, reviewed 已审核, approved 已签发 (by a district-level leader), published 已发布 (frozen).';
COMMENT ON COLUMN annual_reports.index_no IS '索引号 of the government information disclosure catalogue, e.g. 002958773/2025-225339.';
COMMENT ON COLUMN annual_reports.written_on IS '成文日期.';
COMMENT ON COLUMN annual_reports.publisher IS '发布机构.';
COMMENT ON COLUMN annual_reports.disclosure IS '公开方式 (主动公开, 依申请公开, 不予公开).';
COMMENT ON COLUMN annual_reports.based_on IS 'The previous year''s edition whose text this draft started from.';
COMMENT ON COLUMN annual_reports.as_of IS 'The moment the records were read for the published figures.';
COMMENT ON COLUMN annual_reports.edition IS 'The published edition: every block''s template and composed segments (text and the indicator of each figure), the metadata; never changed after publication.';

CREATE TABLE annual_report_blocks (
  id             bigserial PRIMARY KEY,
  report_id      bigint NOT NULL REFERENCES annual_reports (id),
  part           text NOT NULL,
  position       int NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('heading', 'narrative', 'line')),
  section_id     text,
  new_paragraph  boolean NOT NULL DEFAULT false,
  omitted        boolean NOT NULL DEFAULT false,
  template       text NOT NULL CHECK (length(template) <= 20000),
  version        int NOT NULL DEFAULT 1,
  updated_by     bigint REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'line') = (section_id IS NOT NULL)),
  UNIQUE (report_id, section_id)
);
COMMENT ON TABLE annual_report_blocks IS 'The text of an edition: per part (title, preface, overview, work, business, safety, services, leaderDuty, plan) its heading, the bureau''s narrative and the lines'' registered paragraphs (section_id), in position order.';
COMMENT ON COLUMN annual_report_blocks.template IS 'Text with {{indicator}}, {{indicator|change}}, {{indicator|yoy}}, {{indicator|previous}} and {{report.year}} / {{report.nextYear}} placeholders.';
COMMENT ON COLUMN annual_report_blocks.omitted IS 'Left out of this edition (kept, so a line''s paragraph is not added again when the draft is reopened).';
COMMENT ON COLUMN annual_report_blocks.new_paragraph IS 'The block starts a new paragraph; otherwise it continues the paragraph of the block before it in its part.';
CREATE INDEX annual_report_blocks_report ON annual_report_blocks (report_id, part, position);

CREATE TABLE annual_report_block_versions (
  block_id     bigint NOT NULL REFERENCES annual_report_blocks (id),
  version      int NOT NULL,
  template     text NOT NULL,
  changed_by   bigint REFERENCES users (id),
  changed_name text NOT NULL,
  changed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (block_id, version)
);
COMMENT ON TABLE annual_report_block_versions IS 'Every version of a block''s text: who wrote what, when (append-only).';

CREATE FUNCTION annual_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'annual_report_block_versions' THEN
    RAISE EXCEPTION 'annual report block versions are append-only';
  END IF;
  IF TG_TABLE_NAME = 'annual_reports' THEN
    IF OLD.state = 'published' THEN RAISE EXCEPTION 'a published annual report is frozen'; END IF;
  ELSIF EXISTS (SELECT 1 FROM annual_reports r WHERE r.id = OLD.report_id AND r.state = 'published') THEN
    RAISE EXCEPTION 'a published annual report is frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER annual_reports_frozen BEFORE UPDATE OR DELETE ON annual_reports
  FOR EACH ROW EXECUTE FUNCTION annual_report_frozen();
CREATE TRIGGER annual_report_blocks_frozen BEFORE UPDATE OR DELETE ON annual_report_blocks
  FOR EACH ROW EXECUTE FUNCTION annual_report_frozen();
CREATE TRIGGER annual_report_block_versions_append_only BEFORE UPDATE OR DELETE ON annual_report_block_versions
  FOR EACH ROW EXECUTE FUNCTION annual_report_frozen();

-- The product role appends versions and never deletes an edition or its text (the triggers refuse a published one too).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fazhi_app') THEN
    REVOKE UPDATE, DELETE ON annual_report_block_versions FROM fazhi_app;
    REVOKE DELETE ON annual_reports, annual_report_blocks FROM fazhi_app;
  END IF;
END $$;
