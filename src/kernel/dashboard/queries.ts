/**
 * The dashboard's own SQL: overdue and due-soon counts by owning office. Everything else on the dashboard is an
 * indicator. A period's status is deadline_status() through deadlineStatusSql(), as on the matter page, the
 * deadlines page and the workbench; rows are scoped in SQL (matterReadable: the viewer's matter.read subtree, a
 * restricted line only to its readers).
 */
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { deadlineStatusSql, officeKindsSql } from '../deadlines/badge.ts';
import { matterReadable, matterReadParam } from '../workflow/access.ts';

export interface OfficeDeadlines {
  orgId: number;
  orgName: string;
  /** Matters with at least one office period overdue (逾期), resp. due within 3 working days (临期). */
  overdue: number;
  dueSoon: number;
}

/** The SQL of deadlinesByOffice, with its parameters: exported for the bench, which times it raw. */
export function deadlinesByOfficeSql(
  actor: Actor,
  o: { region: string; subjectOrgId: number | null; today: string; soon: string },
) {
  return {
    text: `SELECT o.id AS "orgId", o.name AS "orgName",
                  (count(DISTINCT m.id) FILTER (WHERE s.st = 'overdue'))::int AS overdue,
                  (count(DISTINCT m.id) FILTER (WHERE s.st = 'dueSoon'))::int AS "dueSoon"
           FROM deadlines dl
           JOIN matters m ON m.id = dl.matter_id
           JOIN orgs o ON o.id = m.owner_org_id
           CROSS JOIN LATERAL (SELECT ${deadlineStatusSql('dl', '$3', '$4')} AS st) s
           WHERE dl.status = 'running' AND dl.kind IN ${officeKindsSql} AND s.st IN ('overdue', 'dueSoon')
             AND m.region_code LIKE $2 || '%' AND ($5::bigint IS NULL OR m.subject_org_id = $5)
             AND ${matterReadable(1)}
           GROUP BY o.id, o.name
           ORDER BY 3 DESC, 4 DESC, o.name`,
    values: [matterReadParam(actor), o.region, o.today, o.soon, o.subjectOrgId],
  };
}

/** Per owning office, how many matters have an overdue period and how many one due soon. */
export async function deadlinesByOffice(
  db: Queryable,
  actor: Actor,
  o: { region: string; subjectOrgId: number | null; today: string; soon: string },
): Promise<OfficeDeadlines[]> {
  const { text, values } = deadlinesByOfficeSql(actor, o);
  return (await db.query<OfficeDeadlines>(text, values)).rows;
}
