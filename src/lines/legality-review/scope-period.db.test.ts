import { describe, expect, it } from 'vitest';
import { orgId } from '../../../test/support/app.ts';
import { conclusion, districtIntake, legalityTestbed } from '../../../test/support/legality-review.ts';

const { bed, kit, deadlines } = legalityTestbed();
const ITEM = 'legalityReview/item';
type Client = typeof bed.town;

describe('scope: the district centre (法制审核科) sees all; a town its own; a department what it sent', () => {
  it('lists, opens, downloads and drills down exactly the items each may see', async () => {
    const ok = async (id: number, action: string, date: string, data: Record<string, unknown>) => {
      const res = await kit.act(ITEM, id, action, date, data);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // 招宝山街道 (town A): concluded, its opinion issued.
    const townA = await kit.matterIn(ITEM, 'concluded');
    // 骆驼街道 (town B): concluded by its own reviewer.
    const townB = await kit.create(ITEM, {
      centreOrgId: bed.orgs.otherTown,
      submitterName: '骆驼街道社会事务办公室',
      itemTitle: '骆驼街道村级小微权力清单',
    });
    await ok(townB.id, 'accept', '2025-09-26', {
      reviewerIds: [bed.reviewers.otherTown],
      noConflictDeclared: true,
    });
    await ok(townB.id, 'conclude', '2025-10-10', conclusion);
    const dept = await kit.create(ITEM, districtIntake(bed));
    const government = await kit.create(ITEM, {
      ...districtIntake(bed),
      submitterKind: 'government',
      submitterOrgId: bed.orgs.government,
      itemTitle: '镇海区老旧小区改造实施方案',
    });
    const housing = await kit.create(ITEM, {
      ...districtIntake(bed),
      submitterOrgId: await orgId(bed.t.db, 'dept-housing'),
      itemTitle: '镇海区住房保障资格审核办法',
    });
    const listed = async (c: Client) =>
      (await c.get('/api/matters?line=legalityReview&limit=100'))
        .json()
        .items.map((m: { id: number }) => m.id);
    const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

    // The section alone, no bureau-wide membership: every item of the district, the towns' included.
    expect(sorted(await listed(bed.section))).toEqual(
      sorted([townA.id, townB.id, dept.id, government.id, housing.id]),
    );
    expect(await listed(bed.town)).toEqual([townA.id]);
    expect(await listed(bed.otherTown)).toEqual([townB.id]);
    expect(await listed(bed.dept)).toEqual([dept.id]);
    const opens = async (c: Client, ids: number[]) =>
      Promise.all(ids.map(async (id) => (await c.get(`/api/matters/${id}`)).statusCode));
    expect(await opens(bed.section, [townA.id, townB.id, government.id])).toEqual([200, 200, 200]);
    expect(await opens(bed.town, [townA.id, townB.id, dept.id, government.id])).toEqual([200, 404, 404, 404]);
    expect(await opens(bed.dept, [dept.id, housing.id, government.id, townA.id])).toEqual([
      200, 404, 404, 404,
    ]);

    // The town's opinion (合法性审查意见书): the district centre reads it, another town does not.
    const doc = townA.documents.find((d) => d.kind === 'legalityReview.townOpinion')!;
    const html = async (c: Client) => (await c.get(`/api/documents/${doc.id}/html`)).statusCode;
    expect([await html(bed.section), await html(bed.town), await html(bed.otherTown)]).toEqual([
      200, 200, 404,
    ]);

    // The indicators' drill-down: both towns' concluded items for the centre, its own for a town.
    const records = async (c: Client) =>
      (await c.get('/api/indicators/legalityReview.townReviewed/records?year=2025')).json();
    expect((await records(bed.section)).items.map((r: { id: number }) => r.id)).toEqual(
      sorted([townA.id, townB.id]),
    );
    expect((await records(bed.town)).items.map((r: { id: number }) => r.id)).toEqual([townA.id]);
    const figure = async (c: Client) =>
      (await c.get('/api/indicators/legalityReview.townReviewed?year=2025')).json().value;
    expect([await figure(bed.section), await figure(bed.town), await figure(bed.otherTown)]).toEqual([
      2, 1, 1,
    ]);

    // The centre assesses every town's reviewers.
    const reviewers = (await bed.section.get('/api/lines/legalityReview/reviewers?year=2025')).json();
    expect(reviewers.reviewers.map((r: { name: string }) => r.name).sort()).toEqual(
      ['周审查', '吴顾问', '郑法审', '王法审', '冯法审', '蒋法审'].sort(),
    );
  });

  it('lets the section give the co-review opinion on a town’s item, and nothing else of it', async () => {
    const m = await kit.matterIn(ITEM, 'coReview');
    const version = (await bed.section.get(`/api/matters/${m.id}`)).json().matter.version;
    const res = await bed.section.post(`/api/lines/${ITEM}/${m.id}/giveCoReview`, {
      version,
      date: '2025-10-09',
      data: { opinion: '建议删除对企业注册地的限制条件。' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('reviewing');
    // The rest is the town's: the centre does not conclude the town's item.
    const conclude = await bed.section.post(`/api/lines/${ITEM}/${m.id}/conclude`, {
      version: res.json().version,
      date: '2025-10-10',
      data: conclusion,
    });
    expect(conclude.statusCode).toBe(409);
    expect(conclude.json().detail).toBe(
      '镇（街道）的事项由镇（街道）合法性审查中心办理，区合法性审查中心只出具协审意见',
    );
    const version2 = (await bed.town.get(`/api/matters/${m.id}`)).json().matter.version;
    const own = await bed.town.post(`/api/lines/${ITEM}/${m.id}/conclude`, {
      version: version2,
      date: '2025-10-10',
      data: conclusion,
    });
    expect(own.statusCode, own.body).toBe(200);
    // Nor registers an item at a town's centre.
    const intake = await bed.section.post(`/api/lines/${ITEM}`, {
      receivedOn: '2025-09-22',
      centreOrgId: bed.orgs.town,
      submitterKind: 'townOffice',
      submitterName: '招宝山街道经济发展办公室',
      itemKind: 'contract',
      itemTitle: '招宝山街道物业服务合同',
      legalBases: '《中华人民共和国民法典》',
      offeredDays: 5,
      urgent: false,
      marketActivity: false,
    });
    expect(intake.statusCode).toBe(400);
    expect(intake.json().errors).toEqual([
      { field: 'centreOrgId', message: '镇（街道）的事项由该镇（街道）合法性审查中心登记' },
    ]);
  });
});

describe('the review period runs the working days the submitter offered', () => {
  it('10 working days offered for a normative document: due 16 October 2025, stated on the page', async () => {
    const m = await kit.create(ITEM, { offeredDays: 10 });
    const res = await kit.act(ITEM, m.id, 'accept', '2025-09-26', {
      reviewerIds: [bed.reviewers.town],
      noConflictDeclared: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    // From Friday 26 September on reference/cn-holidays.json: Sunday 28 September (worked), 29, 30 September; 1–8
    // October off; 9, 10, Saturday 11 (worked), 13, 14, 15, 16 October. The rule's 15 would run to 23 October.
    expect(await deadlines(m.id)).toEqual([
      { key: 'review', rule: 'hfx.normative-doc.review', status: 'running', dueOn: '2025-10-16' },
    ]);
    const page = (await bed.town.get(`/api/matters/${m.id}`)).json();
    expect(
      page.deadlines.map((d: { setCount: number; rule: { count: number } }) => [d.setCount, d.rule.count]),
    ).toEqual([[10, 15]]);
    const facts = page.details.find((s: { title: string }) => s.title === '送审事项');
    expect(facts.fields.find((f: { label: string }) => f.label === '审查期限')?.value).toBe(
      '10个工作日（送审单位给予，不少于5个工作日）',
    );
  });

  it('states the bound of a major decision and the 15-day cap of a normative document', async () => {
    const period = async (over: Record<string, unknown>) => {
      const m = await kit.create(ITEM, over);
      const page = (await bed.centre.get(`/api/matters/${m.id}`)).json();
      const facts = page.details.find((s: { title: string }) => s.title === '送审事项');
      return facts.fields.find((f: { label: string }) => f.label === '审查期限')?.value;
    };
    expect(await period({ ...districtIntake(bed), offeredDays: 9 })).toBe(
      '9个工作日（送审单位给予，不少于7个工作日）',
    );
    expect(await period({ offeredDays: 20 })).toBe(
      '15个工作日（送审单位给予20个工作日，最长不超过15个工作日）',
    );
    expect(await period({ offeredDays: 3 })).toBe('3个工作日（送审单位给予，少于5个工作日的下限）');
  });
});
