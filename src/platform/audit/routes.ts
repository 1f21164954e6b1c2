import { z } from 'zod';
import { assertCan, assertDistrictLevel, isDistrictLevel, scopeRoots } from '../access/actor.ts';
import { likeEscape } from '../db/like.ts';
import type { Db } from '../db/pool.ts';
import type { App } from '../http/app.ts';
import { errorResponses } from '../http/contracts.ts';
import { verifyAuditChain } from './audit.ts';
import { auditPage, auditVerify } from './contracts.ts';
import { auditRowWithin } from './scope.ts';

/**
 * The audit trail, for holders of `audit.read` (administrators, leaders, auditors): a district-level reader sees
 * all of it, anyone else only the rows about their scope (`auditRowWithin`).
 */
export async function auditRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（按序号倒序，键集分页）',
        querystring: z.object({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          action: z.string().max(60).optional(),
          actor: z.string().max(60).optional(),
          outcome: z.enum(['success', 'failure', 'denied']).optional(),
          objectType: z.string().max(40).optional(),
          objectId: z.string().max(40).optional(),
          from: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
          to: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
        }),
        response: { 200: auditPage, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'audit.read');
      const q = req.query;
      const scope = (await isDistrictLevel(db, req.actor, 'audit.read'))
        ? null
        : scopeRoots(req.actor, 'audit.read');
      const { rows } = await db.query(
        `SELECT seq, at, actor_id AS "actorId", actor_name AS "actorName", ip, request_id AS "requestId", action,
                object_type AS "objectType", object_id AS "objectId", outcome, summary
         FROM audit_log a
         WHERE ($1::bigint IS NULL OR seq < $1)
           AND ($2::text IS NULL OR action LIKE $2 || '%')
           AND ($3::text IS NULL OR actor_name LIKE '%' || $3 || '%')
           AND ($4::text IS NULL OR outcome = $4)
           AND ($5::text IS NULL OR object_type = $5)
           AND ($6::text IS NULL OR object_id = $6)
           AND ($7::date IS NULL OR at >= ($7::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
           AND ($8::date IS NULL OR at < (($8::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
           AND ${auditRowWithin(10)}
         ORDER BY seq DESC LIMIT $9`,
        [
          q.before ?? null,
          likeEscape(q.action),
          likeEscape(q.actor),
          q.outcome ?? null,
          q.objectType ?? null,
          q.objectId ?? null,
          q.from ?? null,
          q.to ?? null,
          q.limit,
          scope,
        ],
      );
      return { items: rows, nextBefore: rows.length === q.limit ? (rows.at(-1)!.seq as number) : null };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链',
        response: { 200: auditVerify, ...errorResponses },
      },
    },
    async (req) => {
      // The chain is one for the whole district: its length and breaks are for district-level readers.
      await assertDistrictLevel(db, req.actor, 'audit.read', '校验整条审计链');
      return verifyAuditChain(db);
    },
  );
}
