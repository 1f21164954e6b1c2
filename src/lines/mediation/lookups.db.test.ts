import { describe, expect, it } from 'vitest';
import { LI, mediationTestbed, ZHANG } from '../../../test/support/mediation.ts';

const { bed, kit } = mediationTestbed();
const CASE = 'mediation/case';
const candidates = (c: typeof bed.office, query: string) =>
  c.get(`/api/lines/mediation/mediator-candidates?${query}`);

describe('the mediator picker', () => {
  it('offers the case’s committee and the pool, the party mediator flagged, nothing outside the scope', async () => {
    const m = await kit.matterIn(CASE, 'accepted');
    const res = await candidates(bed.office, `matterId=${m.id}`);
    expect(res.statusCode, res.body).toBe(200);
    // 孙调解 (another town's committee, not in the pool) is not offered; the case's own committee comes first.
    expect(res.json()).toEqual([
      {
        value: bed.mediators.party,
        label: '李某（城东社区人民调解委员会）',
        note: '本调解组织 · 邻里纠纷 · 在办 0 件',
        conflict: '是本案当事人，应当回避',
        checked: null,
      },
      {
        value: bed.mediators.lead,
        label: '王调解（城东社区人民调解委员会）',
        note: expect.stringMatching(/^本调解组织 · 邻里纠纷 · 在办 \d+ 件$/),
        conflict: null,
        checked: '回避审查：不是本案当事人，与本案当事人无登记的利害关系',
      },
      {
        value: bed.mediators.second,
        label: '赵调解（城东社区人民调解委员会）',
        note: '本调解组织 · 邻里纠纷 · 在办 0 件',
        conflict: null,
        checked: '回避审查：不是本案当事人，与本案当事人无登记的利害关系',
      },
      {
        value: bed.mediators.pooled,
        label: '钱调解（中街社区人民调解委员会）',
        note: expect.stringMatching(/^区级调解人才库 · 邻里纠纷 · 在办 \d+ 件$/),
        conflict: null,
        checked: '回避审查：不是本案当事人，与本案当事人无登记的利害关系',
      },
    ]);
    // Another town's office cannot read the case, so it learns nothing about it.
    expect((await candidates(bed.otherOffice, `matterId=${m.id}`)).json()).toEqual([]);
    // Before the case exists (quick registration): by the committee chosen, no parties to check yet.
    const byOrg = (await candidates(bed.office, `orgId=${bed.orgs.village}`)).json();
    expect(byOrg.map((o: { label: string; checked: null }) => [o.label.split('（')[0], o.checked])).toEqual([
      ['李某', null],
      ['王调解', null],
      ['赵调解', null],
      ['钱调解', null],
    ]);
    expect((await candidates(bed.otherOffice, `orgId=${bed.orgs.village}`)).json()).toEqual([]);
  });

  it('offers a reconsideration application being heard until it is handed over', async () => {
    const list = async () =>
      (await bed.recon.get('/api/lines/mediation/reconsideration-candidates')).json() as { label: string }[];
    const app = await bed.recon.post('/api/lines/reconsideration/application', {
      receivedOn: '2025-06-02',
      channel: 'window',
      applicants: [LI],
      respondentOrgId: (await bed.t.db.query(`SELECT id FROM orgs WHERE code = 'dept-market'`)).rows[0].id,
      actKind: 'penalty',
      actTitle: '罚款决定',
      actDate: '2025-05-20',
      actKnownOn: '2025-05-22',
      request: '撤销罚款决定',
    });
    expect(app.statusCode, app.body).toBe(201);
    const recon = app.json();
    expect((await list()).some((o) => o.label.startsWith(recon.refNo))).toBe(false); // not accepted yet
    const accepted = await bed.recon.post(`/api/lines/reconsideration/application/${recon.id}/accept`, {
      version: recon.version,
      date: '2025-06-03',
      data: { procedure: 'ordinary' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await list()).some((o) => o.label.startsWith(`${recon.refNo} `))).toBe(true);
    // A township office reads no reconsideration matter: it is offered none.
    expect((await bed.office.get('/api/lines/mediation/reconsideration-candidates')).json()).toEqual([]);
    const handOff = await bed.recon.post('/api/lines/mediation/case', {
      receivedOn: '2025-06-04',
      orgId: bed.orgs.reconRoom,
      source: 'reconsideration',
      reconsiderationMatterId: recon.id,
      disputeType: 'other',
      amount: 0,
      facts: '同意调解',
    });
    expect(handOff.statusCode, handOff.body).toBe(201);
    expect((await list()).some((o) => o.label.startsWith(recon.refNo))).toBe(false);
  });
});

describe('who sees what in the lists', () => {
  it('a township office lists its town’s committees’ cases only, a committee mediator their committee’s', async () => {
    const ours = await kit.create(CASE);
    const theirs = await bed.otherOffice.post('/api/lines/mediation/case', {
      receivedOn: '2025-03-03',
      orgId: bed.orgs.otherVillage,
      source: 'initiative',
      applicants: [ZHANG],
      respondents: [LI],
      disputeType: 'neighbour',
      amount: 0,
      facts: '邻里纠纷',
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const ids = async (c: typeof bed.office, q = '') =>
      ((await c.get(`/api/matters?line=mediation&limit=100${q}`)).json().items as { id: number }[]).map(
        (i) => i.id,
      );
    const office = await ids(bed.office);
    expect(office).toContain(ours.id);
    expect(office).not.toContain(theirs.json().id);
    const other = await ids(bed.otherOffice);
    expect(other).toContain(theirs.json().id);
    expect(other).not.toContain(ours.id);
    expect(await ids(bed.mediator)).toContain(ours.id);
    expect(await ids(bed.mediator)).not.toContain(theirs.json().id);
    // Asking for the other town changes nothing: the scope is in the query, the filter only narrows it.
    expect(await ids(bed.office, '&region=330211003')).toEqual([]);
    expect(await ids(bed.leader, '&region=330211003')).toContain(theirs.json().id);
  });
});
