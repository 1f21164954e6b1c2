-- A matter's named reader may also act on that matter in one role: the lawyer assigned to a legal-aid case records
-- the progress and submits the closing materials of that case as `lawyer`, though the lawyer's membership is at the
-- firm, not at the legal-aid centre that owns the case. The engine counts the role only while one of the user's
-- memberships holds it (rolesOnMatter); a reader without a role reads only.

ALTER TABLE matter_readers
  ADD COLUMN role text CHECK (role IN ('admin', 'leader', 'sectionStaff', 'townshipStaff', 'submitter',
                                       'mediator', 'lawyer', 'auditor'));
COMMENT ON COLUMN matter_readers.role IS 'The role the user acts in on this matter only (its steps that list the role), beyond the roles the user''s memberships give over the owning office; NULL: reads only. Counted only while the user holds the role in some membership.';

-- The readers named so far are the accounts assigned to legal-aid cases, each checked as a lawyer-role account.
UPDATE matter_readers mr SET role = 'lawyer' FROM matters m WHERE m.id = mr.matter_id AND m.line = 'legalAid';
