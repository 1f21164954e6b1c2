import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { partyPageSchema, partySummary } from './contracts.ts';
import { findParties, likelyDuplicates, partyPage, revealParty } from './registry.ts';

/** The parties registry over HTTP: lookup for intake forms, the party page, and audited reveal of a number. */
export async function partyRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/parties',
    {
      schema: {
        tags: ['parties'],
        summary:
          '查找当事人：完整证件号码或统一社会信用代码精确查找；姓名/名称在权限范围内模糊查找（号码均脱敏）',
        querystring: z.object({
          q: z.string().trim().min(1, '请输入查找内容').max(50, '查找内容不超过 50 字'),
        }),
        response: { 200: z.object({ items: z.array(partySummary) }), ...errorResponses },
      },
    },
    async (req, reply) => {
      // Whoever registers matters may learn whether a number they hold is in the registry; others may not ask.
      assertCan(req.actor, 'matter.write');
      reply.header('cache-control', 'no-store');
      return { items: await findParties(db, req.actor, req.query.q) };
    },
  );

  app.post(
    '/api/parties/duplicates',
    {
      schema: {
        tags: ['parties'],
        summary: '新建当事人前提示可能重复的档案（同名且同电话或同出生日期）',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          phone: z.string().trim().max(20).optional(),
          birthDate: z.iso.date().optional(),
        }),
        response: { 200: z.object({ items: z.array(partySummary) }), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      reply.header('cache-control', 'no-store');
      return { items: await likelyDuplicates(db, req.actor, req.body) };
    },
  );

  app.get(
    '/api/parties/:id',
    {
      schema: {
        tags: ['parties'],
        summary: '当事人档案：基本信息（脱敏）及其在各条线、权限范围内的案件',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: partyPageSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.read');
      reply.header('cache-control', 'no-store');
      return withTx(db, async (tx) => {
        const page = await partyPage(tx, req.actor, req.params.id);
        await audit(tx, req.actor, { action: 'party.view', objectType: 'party', objectId: req.params.id });
        return page;
      });
    },
  );

  app.post(
    '/api/parties/:id/reveal',
    {
      schema: {
        tags: ['parties'],
        summary: '查看完整证件号码或电话（逐次记入审计：谁、查看谁、何时、自哪一案件）',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          field: z.enum(['idNumber', 'phone']),
          matterId: z.number().int().positive().optional(),
        }),
        response: { 200: z.object({ value: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.read');
      reply.header('cache-control', 'no-store');
      return withTx(db, async (tx) => ({
        value: await revealParty(tx, req.actor, req.params.id, req.body.field, req.body.matterId ?? null),
      }));
    },
  );
}
