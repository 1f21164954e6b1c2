-- The organs of 行政复议 as the law names them (issue 10 §1): the district government is the 行政复议机关 for cases
-- against its departments (行政复议法 第四条、第二十四条第一款第一项), the Justice Bureau its 行政复议机构.
--
-- orgs.kind gains 'government' (the district government is neither a department nor the bureau); an organ keeps
-- its 住所 and 法定代表人, which a decision states for the respondent. An application keeps the late-application
-- warning of its intake, so the facts and the timeline show it after the registration form is gone.
-- Who a document speaks as is declared by its template (speaksAs), not written here: the bureau profile's names
-- resolve it, so a later change of the 复议机关's name in the profile reaches every document that speaks as it.

ALTER TABLE orgs DROP CONSTRAINT orgs_kind_check;
ALTER TABLE orgs ADD CONSTRAINT orgs_kind_check
  CHECK (kind IN ('district', 'government', 'bureau', 'section', 'justiceOffice', 'department', 'court',
                  'mediationCommittee', 'lawFirm', 'station', 'other'));
ALTER TABLE orgs ADD COLUMN address text CHECK (length(address) <= 200);
ALTER TABLE orgs ADD COLUMN legal_representative text CHECK (length(legal_representative) <= 100);
COMMENT ON COLUMN orgs.address IS '住所 of an organ, as a decision names a respondent.';
COMMENT ON COLUMN orgs.legal_representative IS '法定代表人 (name and post, e.g. 李某，局长), as a decision names a respondent.';

ALTER TABLE reconsideration_applications ADD COLUMN late_warning text;
COMMENT ON COLUMN reconsideration_applications.late_warning IS 'The intake''s warning that the application may be out of time (Art. 20–21), kept as a fact of the matter.';
