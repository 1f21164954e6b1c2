import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInChina } from '../calendar/index.ts';
import { currentCalendar } from '../calendar/service.ts';
import { badgeLabel, describeDeadline } from '../deadlines/badge.ts';
import { rolesOnMatter } from './access.ts';
import * as contract from './contracts.ts';
import { correctionEvent } from './correction-view.ts';
import { createMatter, offeredActions, transition } from './engine.ts';
import { idempotencyFor } from './idempotency.ts';
import { CORRECTION_ACTION, loadMatterView } from './matter-view.ts';
import { listMatters, matterDetail } from './queries.ts';
import { registrableKinds } from './registrable.ts';
import { allLines, getKind, linkedDetails } from './registry.ts';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

/** Generic matter routes, and for every line kind its own create and action routes (each with its schema). */
export async function matterRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const todayOf = today ?? (() => todayInChina());

  app.get(
    '/api/lines',
    {
      schema: {
        tags: ['matters'],
        summary: '业务条线、状态与操作表（前后端共用）',
        response: { 200: z.array(contract.lineDef), ...errorResponses },
      },
    },
    async () =>
      allLines().map((l) => ({
        id: l.id,
        label: l.label,
        ...(l.byTown ? { byTown: true } : {}),
        ...(l.listFilters?.length
          ? {
              listFilters: l.listFilters.map((f) => ({
                id: f.id,
                label: f.label,
                options: Object.entries(l.vocabularies?.[f.vocabulary] ?? {}).map(([value, label]) => ({
                  value,
                  label,
                })),
              })),
            }
          : {}),
        kinds: l.kinds.map((k) => ({
          id: k.id,
          label: k.label,
          initial: k.initial,
          states: k.states,
          create: {
            label: k.create.label,
            roles: k.create.roles,
            schema: z.toJSONSchema(k.create.schema, { unrepresentable: 'any', io: 'input' }),
          },
          actions: Object.fromEntries(
            Object.entries(k.actions).map(([n, a]) => [
              n,
              {
                label: a.label,
                from: a.from,
                roles: a.roles,
                primary: a.primary ?? false,
                closes: a.closes ?? false,
                schema: z.toJSONSchema(a.schema, { unrepresentable: 'any', io: 'input' }),
              },
            ]),
          ),
        })),
      })),
  );

  app.get(
    '/api/matters/registrable',
    {
      schema: {
        tags: ['matters'],
        summary: '当前用户可在哪些机构登记哪些业务类型',
        response: {
          200: z.array(z.object({ line: z.string(), kind: z.string(), orgIds: z.array(z.number()) })),
          ...errorResponses,
        },
      },
    },
    async (req) => registrableKinds(db, req.actor),
  );

  app.get(
    '/api/matters',
    {
      schema: {
        tags: ['matters'],
        summary: '案件列表（权限范围内，键集分页，中文检索）',
        querystring: z
          .object({
            line: z.string().max(40).optional(),
            kind: z.string().max(40).optional(),
            state: z.string().max(40).optional(),
            q: z.string().max(50).optional(),
            ownerOrgId: z.coerce.number().int().positive().optional(),
            region: z
              .string()
              .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字')
              .optional(),
            openedFrom: isoDate.optional(),
            openedTo: isoDate.optional(),
            overdue: z.enum(['true', 'false']).optional(),
            after: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          })
          // A line's own list filters (LineDef.listFilters, e.g. disputeType) come as further parameters.
          .catchall(z.unknown()),
        response: { 200: contract.matterPage, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      const today = todayOf();
      const { line, kind, state, q, ownerOrgId, region, openedFrom, openedTo, after, limit } = req.query;
      const declared = allLines().find((l) => l.id === line)?.listFilters ?? [];
      const fields: Record<string, string> = {};
      for (const f of declared) {
        const v = req.query[f.id];
        if (typeof v === 'string' && v) fields[f.id] = v;
        else if (v !== undefined && v !== '') throw new AppError('VALIDATION', `${f.label}只能选一项`);
      }
      const page = await listMatters(db, req.actor, {
        ...{ line, kind, state, q, ownerOrgId, region, openedFrom, openedTo, after, limit },
        overdue: req.query.overdue === 'true',
        fields,
        today,
      });
      // The badge of the most urgent deadline: its status from SQL (deadline_status), labelled as on the matter page.
      return {
        ...page,
        items: page.items.map(({ nextDueOnExpiry, ...m }) => ({
          ...m,
          nextDueBadgeLabel: m.nextDueBadge ? badgeLabel(m.nextDueBadge, nextDueOnExpiry) : null,
        })),
      };
    },
  );

  app.get(
    '/api/matters/:id',
    {
      schema: {
        tags: ['matters'],
        summary: '案件详情：时间线、期限（含法律依据）、文书、附件、可执行操作',
        params: idParams,
        querystring: z.object({
          // A restricted line's record (社区矫正) is read only for a stated purpose, kept in the audit.
          purpose: z.string().trim().max(100, '查阅目的不超过100字').optional(),
        }),
        response: { 200: contract.matterDetail, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return withTx(db, async (tx) => {
        const m = await loadMatterView(tx, req.params.id, { actor: req.actor });
        const purpose = await readPurpose(tx, m.line, req.query.purpose);
        const kind = getKind(m.line, m.kind);
        const today = todayOf();
        const detail = await matterDetail(tx, m.id, today);
        const cal = await currentCalendar(tx);
        const { rows } = await tx.query<{
          sensitive: boolean;
          ownerOrgName: string;
          subjectOrgName: string | null;
        }>(
          `SELECT m.sensitive, o.name AS "ownerOrgName", s.name AS "subjectOrgName" FROM matters m
           JOIN orgs o ON o.id = m.owner_org_id LEFT JOIN orgs s ON s.id = m.subject_org_id WHERE m.id = $1`,
          [m.id],
        );
        if (rows[0]!.sensitive || purpose)
          await audit(tx, req.actor, {
            action: 'matter.view',
            objectType: 'matter',
            objectId: m.id,
            ...(purpose ? { summary: { purpose } } : {}),
          });
        const { history: _h, ...matter } = m;
        return {
          matter: {
            ...matter,
            ...rows[0]!,
            stateLabel: kind.states[m.state]?.label ?? m.state,
            kindLabel: kind.label,
          },
          ...detail,
          events: detail.events.map((e) => {
            if (e.action === CORRECTION_ACTION) return correctionEvent(e, kind);
            const def = e.action === 'create' ? kind.create : kind.actions[e.action];
            const describe = def && 'describe' in def ? def.describe : undefined;
            return {
              ...e,
              label: def?.label ?? e.action,
              summary: describe ? describe(e.payload) : null,
              toStateLabel: kind.states[e.toState]?.label ?? e.toState,
            };
          }),
          details: [...(kind.details ? await kind.details(tx, m.id) : []), ...(await linkedDetails(tx, m))],
          deadlines: detail.deadlines.map((d) => describeDeadline(d, today, cal)),
          allowedActions: await offeredActions(
            tx,
            req.actor,
            m,
            await rolesOnMatter(tx, req.actor, m),
            today,
          ),
          today,
        };
      });
    },
  );
}

/**
 * The purpose stated for reading a matter of a restricted line (migration 0043): required there (refused without
 * one, before anything of the record is returned), ignored elsewhere.
 */
async function readPurpose(tx: Queryable, line: string, purpose: string | undefined) {
  const { rowCount } = await tx.query('SELECT 1 FROM restricted_lines WHERE line = $1', [line]);
  if (!rowCount) return null;
  if (!purpose || purpose.length < 2)
    throw new AppError(
      'VALIDATION',
      '查阅该条线的档案须说明查阅目的（如：日常监管、审批外出申请），查阅将记入审计',
      {
        errors: [{ field: 'purpose', message: '请说明查阅目的' }],
      },
    );
  return purpose;
}

/** Create and action routes for one line kind, so each has its own schema in the OpenAPI document. */
export async function lineKindRoutes(
  app: App,
  { db, today }: { db: Db; today?: () => string },
  lineId: string,
  kindId: string,
) {
  const kind = getKind(lineId, kindId);
  app.post(
    `/api/lines/${lineId}/${kindId}`,
    {
      schema: {
        tags: [lineId],
        summary: `${kind.create.label}（支持 Idempotency-Key）`,
        body: kind.create.schema,
        response: { 201: contract.createResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      reply.code(201);
      return createMatter(db, req.actor, lineId, kindId, req.body, {
        today: today?.(),
        idempotency: idempotencyFor(req, reply, 201),
      });
    },
  );
  for (const [name, action] of Object.entries(kind.actions)) {
    app.post(
      `/api/lines/${lineId}/${kindId}/:id/${name}`,
      {
        schema: {
          tags: [lineId],
          summary: `${action.label}（需带版本号；支持 Idempotency-Key）`,
          params: idParams,
          body: z.object({
            version: z.number().int().positive(),
            date: isoDate,
            data: action.schema.optional(),
          }),
          response: { 200: contract.transitionResult, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertCan(req.actor, 'matter.write');
        return transition(db, req.actor, req.params.id, name, req.body, {
          today: today?.(),
          idempotency: idempotencyFor(req, reply, 200),
          expect: { line: lineId, kind: kindId },
        });
      },
    );
  }
}
