import { describe, expect, it } from 'vitest';
import { LI, mediationTestbed, ZHANG } from '../../../test/support/mediation.ts';

const { bed } = mediationTestbed();

/** A dispute mediated on the spot (registered closed) by `who` at `org`, of `disputeType`, on `on`. */
async function onSpot(
  who: typeof bed.office,
  org: number,
  mediatorId: number,
  disputeType: string,
  on: string,
) {
  const res = await who.post('/api/lines/mediation/onSpot', {
    receivedOn: on,
    orgId: org,
    mediatorId,
    place: '调解室',
    applicants: [ZHANG],
    respondents: [LI],
    disputeType,
    amount: 1000,
    facts: `${disputeType}纠纷`,
    agreement: '当场达成口头协议',
    amountAgreed: 0,
    performance: 'immediate',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().refNo as string;
}

describe('the mediation list by dispute type (纠纷类型)', () => {
  it('filters by the dispute type beside town and state, within the reader’s scope only', async () => {
    const lead = bed.mediators.lead;
    const pooled = bed.mediators.pooled;
    const n1 = await onSpot(bed.office, bed.orgs.village, lead, 'neighbour', '2025-05-06');
    const l1 = await onSpot(bed.office, bed.orgs.village, lead, 'labour', '2025-05-07');
    const l2 = await onSpot(bed.office, bed.orgs.village, lead, 'labour', '2025-05-08');
    const l3 = await onSpot(bed.otherOffice, bed.orgs.otherVillage, pooled, 'labour', '2025-05-09');
    const m1 = await onSpot(bed.otherOffice, bed.orgs.otherVillage, pooled, 'marriage', '2025-05-10');
    const refs = async (who: typeof bed.office, query: string) => {
      const res = await who.get(`/api/matters?line=mediation&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((m: { refNo: string }) => m.refNo);
    };
    // The bureau reads every town: newest first.
    expect(await refs(bed.leader, 'disputeType=labour')).toEqual([l3, l2, l1]);
    expect(await refs(bed.leader, 'disputeType=labour&region=330211001&state=closed')).toEqual([l2, l1]);
    expect(await refs(bed.leader, 'disputeType=labour&region=330211003')).toEqual([l3]);
    expect(await refs(bed.leader, 'disputeType=marriage&region=330211001')).toEqual([]);
    expect(await refs(bed.leader, 'disputeType=labour&state=accepted')).toEqual([]);
    // A village (12 digits) is its town and its own prefix.
    expect(await refs(bed.leader, 'disputeType=labour&region=330211003001')).toEqual([l3]);
    expect(await refs(bed.leader, 'region=330211001001')).toEqual([l2, l1, n1]);
    // Keyset paging keeps the filter.
    const first = (await bed.leader.get('/api/matters?line=mediation&disputeType=labour&limit=2')).json();
    expect(first.items.map((m: { refNo: string }) => m.refNo)).toEqual([l3, l2]);
    const next = await refs(bed.leader, `disputeType=labour&limit=2&after=${first.nextAfter}`);
    expect(next).toEqual([l1]);
    // The scope rules are the list's as ever: each office and committee sees its own cases of the type only.
    expect(await refs(bed.office, 'disputeType=labour')).toEqual([l2, l1]);
    expect(await refs(bed.otherOffice, 'disputeType=labour')).toEqual([l3]);
    expect(await refs(bed.otherOffice, 'disputeType=marriage')).toEqual([m1]);
    expect(await refs(bed.mediator, 'disputeType=labour')).toEqual([l2, l1]);
    expect(await refs(bed.mediator, 'disputeType=marriage')).toEqual([]);
  });

  it('refuses a value outside the vocabulary and names the filter', async () => {
    const res = await bed.leader.get('/api/matters?line=mediation&disputeType=labor');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('纠纷类型没有 labor 这一项');
    const twice = await bed.leader.get('/api/matters?line=mediation&disputeType=labour&disputeType=land');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().detail).toBe('纠纷类型只能选一项');
  });

  it('is offered by GET /api/lines with the Chinese labels of the line’s vocabulary', async () => {
    const lines = (await bed.leader.get('/api/lines')).json();
    const filters = lines.find((l: { id: string }) => l.id === 'mediation').listFilters;
    expect(filters).toHaveLength(1);
    expect(filters[0].id).toBe('disputeType');
    expect(filters[0].label).toBe('纠纷类型');
    expect(filters[0].options.slice(0, 5)).toEqual([
      { value: 'marriage', label: '婚姻家庭纠纷' },
      { value: 'neighbour', label: '邻里纠纷' },
      { value: 'damages', label: '损害赔偿纠纷' },
      { value: 'labour', label: '劳动争议纠纷' },
      { value: 'property', label: '物业纠纷' },
    ]);
    expect(filters[0].options).toHaveLength(11);
    // Lines that declare none carry none.
    expect(lines.find((l: { id: string }) => l.id === 'reconsideration').listFilters).toBeUndefined();
  });
});
