/**
 * The shared setting of the reconsideration line's API tests: a database of its own, the app on a fixed business
 * date, a clerk of the reconsideration section, two respondent departments, and helpers that register an
 * application and take it through actions as the clerk does.
 */
import { afterAll, beforeAll } from 'vitest';
import { type Client, makeUser, orgId, signIn, testApp } from '../../../test/support/app.ts';
import { createTestDb, type TestDb } from '../../../test/support/db.ts';
import type { App } from '../../platform/http/app.ts';

const TODAY = '2026-11-25';

export function reconsiderationTestbed() {
  /** Filled in by beforeAll; read it inside tests. */
  const bed = {} as { t: TestDb; app: App; clerk: Client; market: number; housing: number };

  beforeAll(async () => {
    bed.t = await createTestDb();
    bed.app = await testApp(bed.t.db, { today: TODAY });
    await makeUser(bed.t.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    bed.clerk = await signIn(bed.app, 'fy.clerk');
    bed.market = await orgId(bed.t.db, 'dept-market');
    bed.housing = await orgId(bed.t.db, 'dept-housing');
  });
  afterAll(async () => {
    await bed.app?.close();
    await bed.t?.close();
  });

  let serial = 0;
  const application = (over: Record<string, unknown> = {}) => ({
    receivedOn: '2025-09-26',
    channel: 'window',
    applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236', phone: '13800000000' }],
    respondentOrgId: bed.market,
    actKind: 'penalty',
    actTitle: '行政处罚决定',
    actDocNo: `甬镇市监罚〔2025〕${++serial}号`,
    actDate: '2025-09-01',
    actKnownOn: '2025-09-03',
    request: '撤销被申请人作出的行政处罚决定',
    ...over,
  });

  const create = (over: Record<string, unknown> = {}) =>
    bed.clerk.post('/api/lines/reconsideration/application', application(over));

  async function act(id: number, action: string, date: string, data: Record<string, unknown> = {}) {
    const detail = (await bed.clerk.get(`/api/matters/${id}`)).json();
    return bed.clerk.post(`/api/lines/reconsideration/application/${id}/${action}`, {
      version: detail.matter.version,
      date,
      data,
    });
  }

  const deadline = async (id: number, key: string) => {
    const detail = (await bed.clerk.get(`/api/matters/${id}`)).json();
    return detail.deadlines.filter((d: { key: string }) => d.key === key).at(-1);
  };

  const countMatters = async () =>
    Number(
      (await bed.t.db.query(`SELECT count(*) AS n FROM matters WHERE line = 'reconsideration'`)).rows[0].n,
    );

  return { bed, create, act, deadline, countMatters };
}
