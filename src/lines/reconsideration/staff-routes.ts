import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { staffCaseRow, staffRow } from './contracts.ts';
import { addStaff, casesOfStaff, listStaff, newStaffSchema } from './staff.ts';

const tags = ['reconsideration'];
/** The register of 行政复议人员 under /api/lines/reconsideration/staff (行政复议法第六条). */
export async function staffRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/lines/reconsideration/staff',
    {
      schema: {
        tags,
        summary: '行政复议人员名册（任职资格、证书编号、承办案件数）',
        response: { 200: z.array(staffRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listStaff(db, req.actor);
    },
  );

  app.get(
    '/api/lines/reconsideration/staff/:id/cases',
    {
      schema: {
        tags,
        summary: '行政复议人员承办的案件（权限范围内）',
        params: z.object({ id: z.coerce.number().int().positive('编号无效') }),
        response: { 200: z.array(staffCaseRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return casesOfStaff(db, req.actor, req.params.id);
    },
  );

  app.post(
    '/api/lines/reconsideration/staff',
    {
      schema: {
        tags,
        summary: '登记行政复议人员',
        body: newStaffSchema,
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await addStaff(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'reconsideration.staff.create',
          objectType: 'reconsiderationStaff',
          objectId: id,
          summary: { name: req.body.name, qualification: req.body.qualification },
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
}
