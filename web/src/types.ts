// Shapes of the platform API payloads, inferred from the server's response schemas (src/platform/*/contracts.ts).

// Roles, permissions and org kinds come from the server's own definitions: one list, never transcribed twice.
export { type Permission, type Role, roles } from '../../src/platform/access/roles.ts';
export { type OrgKind, orgKinds } from '../../src/platform/orgs/kinds.ts';

import type * as legalAid from '../../src/lines/legal-aid/contracts.ts';
import type * as mediation from '../../src/lines/mediation/contracts.ts';
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
/** The legal-aid line's station network and 15-minute circle (GET /api/lines/legalAid/coverage). */
export type Coverage = Wire<typeof legalAid.coverageBody>;
export type CoverageVillage = Wire<typeof legalAid.villageRow>;
export type CoverageStation = Wire<typeof legalAid.stationRow>;
