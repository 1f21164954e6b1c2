/**
 * The accounts a legal-aid case can be assigned to (the lookup of the assignment form): the lawyer-role users of the
 * chosen law firm or 基层法律服务所, each with the cases in hand already assigned to them (the workload the centre
 * weighs). Only the account chosen reads the case afterwards (matter_readers).
 */
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { WORKER_ACCOUNTS_URL } from './schemas.ts';

const workerOption = z.object({
  value: z.number(),
  label: z.string(),
  note: z.string(),
  conflict: z.string().nullable(),
  checked: z.string().nullable(),
});

export function workerRoutes(app: App, db: Db) {
  app.get(
    WORKER_ACCOUNTS_URL,
    {
      schema: {
        tags: ['legalAid'],
        summary: '可指派的承办人员账户（承办单位的律师账户及其在办法律援助案件数）',
        querystring: z.object({
          firmOrgId: z.coerce.number().int().positive('承办单位编号无效').optional(),
          matterId: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: z.array(workerOption), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.write');
      if (!req.query.firmOrgId) return [];
      const { rows } = await db.query<z.infer<typeof workerOption>>(
        `SELECT u.id::int AS value, u.display_name AS label,
                '在办法律援助案件 ' || (SELECT count(*) FROM legal_aid_cases c JOIN matters m ON m.id = c.matter_id
                                  WHERE c.worker_user_id = u.id AND m.closed_on IS NULL)::text || ' 件' AS note,
                NULL AS conflict, NULL AS checked
         FROM memberships ms JOIN users u ON u.id = ms.user_id JOIN orgs o ON o.id = ms.org_id
         WHERE ms.org_id = $1 AND ms.role = 'lawyer' AND o.kind = 'lawFirm' AND NOT u.disabled
         ORDER BY u.display_name, u.id`,
        [req.query.firmOrgId],
      );
      return rows;
    },
  );
}
