import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import * as contract from './contracts.ts';
import { correctionOffer, correctionSchema, correctStep } from './correction.ts';
import { idempotencyFor } from './idempotency.ts';

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

/** 更正: what may be corrected on a matter now, and the correction itself. */
export async function correctionRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  app.get(
    '/api/matters/:id/correction',
    {
      schema: {
        tags: ['matters'],
        summary: '可更正的环节（最近一个有效环节）及可选的批准人',
        params: idParams,
        response: { 200: contract.correctionOffer, ...errorResponses },
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
        response: { 200: contract.correctionResult, ...errorResponses },
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
