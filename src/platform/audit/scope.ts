import { inScope } from '../access/actor.ts';

/** The audit row's object id as a bigint when it is one (a failed sign-in of an unknown name has none). */
const objectKey = `(CASE WHEN a.object_id ~ '^[0-9]{1,18}$' THEN a.object_id::bigint END)`;

/** Every membership of user `idExpr` lies in the scope bound to `$param`, and there is at least one. */
const userWithin = (idExpr: string, param: number) =>
  `(EXISTS (SELECT 1 FROM memberships am WHERE am.user_id = ${idExpr})
    AND NOT EXISTS (SELECT 1 FROM memberships am WHERE am.user_id = ${idExpr} AND NOT ${inScope('am.org_id', param)}))`;

/** The matter (alias am) is handled in, or is about, an organisation of the scope. */
const matterWithin = (param: number) =>
  `(${inScope('am.owner_org_id', param)} OR (am.subject_org_id IS NOT NULL AND ${inScope('am.subject_org_id', param)}))`;

/**
 * SQL condition: the audit row (alias a) concerns the scope bound to `$param` (null: the whole district).
 * A row about a matter, document or attachment follows that matter's scope, as reading the matter does; a row
 * about an organisation follows the organisation; a row about a user (creation, reset, sign-ins) is shown only
 * when every membership of that user lies in the scope, so a township auditor cannot read who holds bureau roles;
 * anything else (exports, calendar loads) is shown when the acting user lies wholly in the scope.
 * The platform names the kernel's matter tables here because the audit trail has no organisation column.
 */
export const auditRowWithin = (param: number) => `($${param}::bigint[] IS NULL OR CASE a.object_type
    WHEN 'matter' THEN EXISTS (SELECT 1 FROM matters am WHERE am.id = ${objectKey} AND ${matterWithin(param)})
    WHEN 'document' THEN EXISTS (SELECT 1 FROM documents ad JOIN matters am ON am.id = ad.matter_id
                                 WHERE ad.id = ${objectKey} AND ${matterWithin(param)})
    WHEN 'attachment' THEN EXISTS (SELECT 1 FROM attachments aa JOIN matters am ON am.id = aa.matter_id
                                   WHERE aa.id = ${objectKey} AND ${matterWithin(param)})
    WHEN 'org' THEN EXISTS (SELECT 1 FROM org_closure ac WHERE ac.descendant_id = ${objectKey}
                            AND ac.ancestor_id = ANY($${param}::bigint[]))
    WHEN 'user' THEN ${userWithin(objectKey, param)}
    ELSE a.actor_id IS NOT NULL AND ${userWithin('a.actor_id', param)}
  END)`;
