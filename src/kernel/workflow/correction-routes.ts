import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { correctionOffer, correctionSchema, correctStep } from './correction.ts';
import { idempotencyFor } from './idempotency.ts';

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

const offerSchema = z.object({
  step: z
    .object({
      eventId: z.number(),
      seq: z.number(),
      action: z.string(),
      label: z.string(),
      occurredOn: z.string(),
      allowed: z.boolean(),
      approvalRequired: z.boolean(),
      approvers: z.array(z.object({ id: z.number(), name: z.string() })),
    })
    .nullable(),
});

const resultSchema = z.object({
  id: z.number(),
  state: z.string(),
  version: z.number(),
  eventId: z.number(),
  correctedEventId: z.number(),
  voidedDocuments: z.array(z.object({ id: z.number(), docNumber: z.string() })),
});

/** 更正: what may be corrected on a matter now, and the correction itself. */
export async function correctionRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  app.get(
    '/api/matters/:id/correction',
    {
      schema: {
        tags: ['matters'],
        summary: '可更正的环节（最近一个有效环节）及可选的批准人',
        params: idParams,
        response: { 200: offerSchema },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return correctionOffer(db, req.actor, req.params.id);
    },
  );

  app.post(
    '/api/matters/:id/correct',
    {
      schema: {
        tags: ['matters'],
        summary: '更正最近一个办理环节：恢复此前状态与期限，作废其文书（需带版本号；支持 Idempotency-Key）',
        params: idParams,
        body: correctionSchema,
        response: { 200: resultSchema },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      return correctStep(db, req.actor, req.params.id, req.body, {
        today: today?.(),
        idempotency: idempotencyFor(req, reply, 200),
      });
    },
  );
}
