import { describe, expect, it } from 'vitest';
import { mediationTestbed } from '../../../test/support/mediation.ts';

const { bed, kit } = mediationTestbed();
const CASE = 'mediation/case';
const WU = { partyType: 'person', name: '吴某', idNumber: '330211198803150014' };

const liId = async () =>
  Number((await bed.t.db.query(`SELECT id FROM parties WHERE name = '李某'`)).rows[0].id);
const relations = (c: typeof bed.office) =>
  c.get(`/api/lines/mediation/mediators/${bed.mediators.pooled}/relations`);
const assignPooled = (id: number) =>
  kit.act(CASE, id, 'assign', '2025-03-06', {
    mediatorIds: [bed.mediators.pooled],
    noConflictDeclared: true,
  });

describe('a mediator related to a party withdraws (回避)', () => {
  it('records a kin relation, then refuses the mediator on a case of that party only', async () => {
    const withLi = await kit.matterIn(CASE, 'accepted');
    const withoutLi = await kit.matterIn(CASE, 'accepted', { respondents: [WU] });
    const li = await liId();

    // The pool serves every town: the office handling the case records the tie it learnt of.
    const rec = await bed.office.post(`/api/lines/mediation/mediators/${bed.mediators.pooled}/relations`, {
      partyId: li,
      relation: 'kin',
      note: '表兄弟',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await relations(bed.office)).json()).toEqual([
      {
        id: rec.json().id,
        partyId: li,
        partyName: '李某',
        relation: 'kin',
        relationLabel: '近亲属',
        note: '表兄弟',
        recordedOn: '2026-11-25',
      },
    ]);
    const again = await bed.office.post(`/api/lines/mediation/mediators/${bed.mediators.pooled}/relations`, {
      partyId: li,
      relation: 'kin',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('已登记调解员与李某的近亲属关系');
    // A committee mediator is no registrar.
    const byMediator = await bed.mediator.post(
      `/api/lines/mediation/mediators/${bed.mediators.pooled}/relations`,
      {
        partyId: li,
        relation: 'colleague',
      },
    );
    expect(byMediator.statusCode).toBe(403);
    const audited = await bed.t.db.query(
      `SELECT summary FROM audit_log WHERE action = 'mediation.mediator.relation' AND object_id = $1`,
      [String(bed.mediators.pooled)],
    );
    expect(audited.rows.map((r) => r.summary)).toEqual([{ partyId: li, relation: 'kin' }]);

    const refused = await assignPooled(withLi.id);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().current).toMatchObject({ state: 'accepted', version: withLi.version });
    expect(refused.json().detail).toBe('调解员钱调解与本案当事人李某有近亲属关系，应当回避');
    const offered = (
      await bed.office.get(`/api/lines/mediation/mediator-candidates?matterId=${withLi.id}`)
    ).json();
    expect(offered.find((o: { value: number }) => o.value === bed.mediators.pooled)).toEqual({
      value: bed.mediators.pooled,
      label: '钱调解（中街社区人民调解委员会）',
      note: expect.stringMatching(/^区级调解人才库 · 邻里纠纷 · 在办 \d+ 件$/),
      conflict: '与本案当事人李某有近亲属关系，应当回避',
      checked: null,
    });

    // The case between 张某 and 吴某 has no party related to him: offered as checked, and assigned.
    const clear = (
      await bed.office.get(`/api/lines/mediation/mediator-candidates?matterId=${withoutLi.id}`)
    ).json();
    expect(clear.find((o: { value: number }) => o.value === bed.mediators.pooled)).toMatchObject({
      conflict: null,
      checked: '回避审查：不是本案当事人，与本案当事人无登记的利害关系',
    });
    const assigned = await assignPooled(withoutLi.id);
    expect(assigned.statusCode, assigned.body).toBe(200);
  });
});
