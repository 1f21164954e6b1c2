import { describe, expect, it } from 'vitest';
import { conclusion, legalityTestbed } from '../../../test/support/legality-review.ts';
import { refusalsTable } from '../../../test/support/line-kit.ts';

const { bed, ctx, kit } = legalityTestbed();
const ITEM = 'legalityReview/item';

describe('refusals: each answers with its message and writes nothing', () => {
  refusalsTable(kit, ctx, [
    {
      what: 'a town office’s item sent straight to the district centre',
      lineKind: ITEM,
      path: null,
      get intake() {
        return { centreOrgId: bed.orgs.centre };
      },
      message: '镇（街道）内设机构的事项由镇（街道）合法性审查中心审查，疑难事项提请区中心协审',
    },
    {
      what: 'a department chosen as the reviewing centre',
      lineKind: ITEM,
      path: null,
      get intake() {
        return { centreOrgId: bed.orgs.dept };
      },
      message: '请选择区合法性审查中心或镇（街道）司法所（合法性审查中心）',
    },
    {
      what: 'a measure touching market activity without its fair-competition review',
      lineKind: ITEM,
      path: null,
      intake: { fairCompetition: undefined },
      message: '涉及经营者经济活动的政策措施应当附公平竞争审查情况（公平竞争审查条例第二条、第十八条）',
    },
    {
      what: 'a suspended reviewer assigned',
      lineKind: ITEM,
      path: 'submitted',
      action: 'accept',
      date: '2025-09-26',
      get data() {
        return { reviewerIds: [bed.reviewers.suspended], noConflictDeclared: true };
      },
      message: '冯法审当前不在岗，不能指派',
    },
    {
      what: 'another town’s reviewer assigned',
      lineKind: ITEM,
      path: 'submitted',
      action: 'accept',
      date: '2025-09-26',
      get data() {
        return { reviewerIds: [bed.reviewers.otherTown], noConflictDeclared: true };
      },
      message: '蒋法审不属于本审查中心，不能指派',
    },
    {
      what: 'a reviewer without the declaration of no conflict',
      lineKind: ITEM,
      path: 'submitted',
      action: 'accept',
      date: '2025-09-26',
      get data() {
        return { reviewerIds: [bed.reviewers.town], noConflictDeclared: false };
      },
      message: '审查人员应当声明与送审事项无利害关系；有利害关系的应当回避，另行指派',
    },
    {
      what: 'an amended-then-lawful conclusion without its issues',
      lineKind: ITEM,
      path: 'reviewing',
      action: 'conclude',
      date: '2025-10-09',
      data: { ...conclusion, items: [] },
      message: '结论为修改后合法或不合法的，应当逐项列明问题、依据和修改建议',
    },
    {
      what: 'a partial adoption without its reason',
      lineKind: ITEM,
      path: 'concluded',
      action: 'recordFeedback',
      date: '2025-10-20',
      data: {
        adoptions: [
          { seq: 1, adoption: 'adopted' },
          { seq: 2, adoption: 'partly' },
        ],
      },
      message: '第2条意见部分采纳，应当说明理由',
    },
    {
      what: 'a withdrawal without its reason',
      lineKind: ITEM,
      path: 'submitted',
      get intake() {
        return {
          centreOrgId: bed.orgs.centre,
          submitterKind: 'government',
          submitterOrgId: bed.orgs.government,
          submitterName: undefined,
        };
      },
      action: 'withdraw',
      date: '2025-09-26',
      data: { reason: '' },
      message: '请填写撤回理由',
    },
  ]);
});

describe('the short-time setting', () => {
  it('refuses at intake an offer below the minimum when the bureau sets legalityReview.shortTime to refuse', async () => {
    await bed.t.db.query(
      `INSERT INTO settings (key, value) VALUES ('legalityReview.shortTime', '"refuse"')
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    try {
      const res = await kit.register(ITEM, { offeredDays: 4 });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual({
        field: 'offeredDays',
        message:
          '送审行政规范性文件给予的审查时间为 4 个工作日，少于 5 个工作日的下限（国办发〔2018〕115号），应当补足审查时间后方可受理',
      });
    } finally {
      await bed.t.db.query(`DELETE FROM settings WHERE key = 'legalityReview.shortTime'`);
    }
  });
});
