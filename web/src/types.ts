// Shapes of the platform API payloads, inferred from the server's response schemas (src/platform/*/contracts.ts).

// Roles, permissions and org kinds come from the server's own definitions: one list, never transcribed twice.
export { type Permission, type Role, roles } from '../../src/platform/access/roles.ts';
export { type OrgKind, orgKinds } from '../../src/platform/orgs/kinds.ts';

import type * as creditRepair from '../../src/lines/business-services/credit-repair/contracts.ts';
import type * as compliance from '../../src/lines/business-services/enterprise-services/contracts.ts';
import type * as lawyers from '../../src/lines/business-services/lawyers/contracts.ts';
import type * as legalAid from '../../src/lines/legal-aid/contracts.ts';
import type * as legality from '../../src/lines/legality-review/contracts.ts';
import type * as mediation from '../../src/lines/mediation/contracts.ts';
import type * as reconsideration from '../../src/lines/reconsideration/contracts.ts';
import type * as supervision from '../../src/lines/supervision/contracts.ts';
import type * as audit from '../../src/platform/audit/contracts.ts';
import type * as auth from '../../src/platform/auth/contracts.ts';
import type * as orgs from '../../src/platform/orgs/contracts.ts';
import type * as users from '../../src/platform/users/contracts.ts';
import type { Wire } from './kernel/types.ts';

export type Membership = Wire<typeof auth.membership>;
export type Me = Wire<typeof auth.meSchema>;
export type Org = Wire<typeof orgs.orgSchema>;
/** An entry of the district's organ directory: names only, open to every signed-in user. */
export type OrgDirectoryEntry = Wire<typeof orgs.orgDirectoryEntry>;
export type Region = Wire<typeof orgs.region>;
export type User = Wire<typeof users.userSchema>;
export type UserPage = Wire<typeof users.userPage>;
export type UserCreated = Wire<typeof users.userCreated>;
export type AccountActionResult = Wire<typeof users.accountActionResult>;
export type AuditOutcome = Wire<typeof audit.auditOutcome>;
export type AuditEntry = Wire<typeof audit.auditEntry>;
export type AuditPage = Wire<typeof audit.auditPage>;
export type AuditVerify = Wire<typeof audit.auditVerify>;
/** The mediation line's registries (GET /api/lines/mediation/organisations, /mediators). */
export type MediationOrganisation = Wire<typeof mediation.organisationRow>;
export type Mediator = Wire<typeof mediation.mediatorRow>;
/** The supervision line's pages (GET /api/lines/supervision/evaluation, /posts, /recognitions, /departments/:id/risk). */
export type TownEvaluation = Wire<typeof supervision.townScore>;
export type EvaluationItem = Wire<typeof supervision.itemScore>;
export type SupervisionPost = Wire<typeof supervision.postRow>;
export type Recognition = Wire<typeof supervision.recognitionRow>;
export type DepartmentRisk = Wire<typeof supervision.riskAnswer>;
/** The legality review line's registries (GET /api/lines/legalityReview/reviewers, /decisions). */
export type LegalityAssessment = Wire<typeof legality.assessment>;
export type LegalityReviewer = Wire<typeof legality.reviewerRow>;
export type LegalityCatalogueRow = Wire<typeof legality.catalogueRow>;
export type ReconsiderationStaff = Wire<typeof reconsideration.staffRow>;
export type ReconsiderationStaffCase = Wire<typeof reconsideration.staffCaseRow>;
/** The business-environment registers (GET /api/lines/creditRepair/proactive, /lawyers/…, /compliance/…). */
export type ProactiveRecord = Wire<typeof creditRepair.proactiveRow>;
export type LawFirm = Wire<typeof lawyers.firmRow>;
export type Lawyer = Wire<typeof lawyers.lawyerRow>;
export type ComplianceGuideline = Wire<typeof compliance.guidelineRow>;
export type EnterpriseService = Wire<typeof compliance.serviceRow>;
/** The legal-aid line's station network and 15-minute circle (GET /api/lines/legalAid/coverage). */
export type Coverage = Wire<typeof legalAid.coverageBody>;
export type CoverageVillage = Wire<typeof legalAid.villageRow>;
export type CoverageStation = Wire<typeof legalAid.stationRow>;
export type LegalAidVisit = Wire<typeof legalAid.visitRow>;
