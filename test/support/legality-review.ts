/**
 * The shared setting of the legality review line's API tests: a database of its own, the app on a fixed business
 * date, the reviewers of the district centre (法制审核科) and of 招宝山街道's centre (its justice office), the users of
 * the district centre (a bureau-level clerk, who also co-reviews the towns' items, and a clerk of the section
 * alone), of two towns and of a department, and the line's kit (paths that walk an item to each state on the 2025
 * calendar, around the National Day holiday: 1–8 October off, Sunday 28 September and Saturday 11 October worked).
 */
import { afterAll, beforeAll } from 'vitest';
import { addReviewer } from '../../src/lines/legality-review/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';
import { documentText } from './docx-text.ts';
import { type KindPaths, type KitContext, lineKit, type Step } from './line-kit.ts';

export const TODAY = '2026-11-25';

export interface LegalityBed {
  t: TestDb;
  app: App;
  /** The district centre's clerk, a member at the bureau: sees every item, gives co-review opinions. */
  centre: Client;
  /** A clerk of the 法制审核科 section only (the district centre itself): every item of the line (line_readers). */
  section: Client;
  /** 招宝山街道's 法审员 (its justice office). */
  town: Client;
  /** 骆驼街道's 法审员. */
  otherTown: Client;
  /** A submitter of the market regulation bureau. */
  dept: Client;
  orgs: Record<'centre' | 'town' | 'otherTown' | 'dept' | 'government', number>;
  reviewers: Record<'district' | 'district2' | 'town' | 'town2' | 'suspended' | 'otherTown', number>;
}

const accept = (reviewer: () => number, date = '2025-09-26'): Step => ({
  action: 'accept',
  date,
  get data() {
    return { reviewerIds: [reviewer()], noConflictDeclared: true };
  },
});
export const conclusion = {
  conclusion: 'lawfulIfAmended',
  items: [
    {
      problem: '第五条设定的备案要求无上位法依据',
      basis: '《中华人民共和国行政许可法》第十六条',
      suggestion: '删除第五条',
    },
    {
      problem: '第八条对企业注册地设置限制',
      basis: '《公平竞争审查条例》第八条',
      suggestion: '删除“注册地在本镇”的限制条件',
    },
  ],
  reasons: '草案总体符合法律法规，但第五条、第八条存在问题，修改后合法。',
  signedOffBy: '陈某',
};

/** A town office's normative document to 招宝山街道's centre, received Monday 22 September 2025. */
const townItem = (bed: LegalityBed): KindPaths => ({
  create: (n) => ({
    receivedOn: '2025-09-22',
    centreOrgId: bed.orgs.town,
    submitterKind: 'townOffice',
    submitterName: '招宝山街道经济发展办公室',
    itemKind: 'normativeDoc',
    itemTitle: `招宝山街道促进商贸企业发展若干措施（第${n}稿）`,
    legalBases: '《浙江省促进中小微企业发展条例》',
    draftingNote: '为促进辖区商贸企业发展，起草本措施',
    consultation: '已向辖区企业征求意见',
    offeredDays: 5,
    urgent: false,
    marketActivity: true,
    fairCompetition: '起草单位已开展公平竞争审查，未发现排除、限制竞争的内容',
  }),
  paths: {
    submitted: [],
    supplementing: [{ action: 'requestSupplement', date: '2025-09-23', data: { missing: '征求意见情况' } }],
    reviewing: [accept(() => bed.reviewers.town)],
    coReview: [
      accept(() => bed.reviewers.town),
      { action: 'requestCoReview', date: '2025-09-29', data: { reason: '涉及公平竞争审查，疑难复杂' } },
    ],
    concluded: [
      accept(() => bed.reviewers.town),
      { action: 'conclude', date: '2025-10-10', data: conclusion },
    ],
    closed: [
      accept(() => bed.reviewers.town),
      { action: 'conclude', date: '2025-10-10', data: conclusion },
      {
        action: 'recordFeedback',
        date: '2025-10-20',
        data: {
          adoptions: [
            { seq: 1, adoption: 'adopted' },
            { seq: 2, adoption: 'adopted' },
          ],
        },
      },
    ],
  },
});

/** A department's major decision sent to the district centre (co-review), received 22 September 2025. */
export const districtIntake = (bed: LegalityBed) => ({
  receivedOn: '2025-09-22',
  centreOrgId: bed.orgs.centre,
  submitterKind: 'department',
  submitterOrgId: bed.orgs.dept,
  submitterName: undefined,
  itemKind: 'majorDecision',
  itemTitle: '镇海区农贸市场布局调整方案',
  legalBases: '《重大行政决策程序暂行条例》',
  draftingNote: '',
  consultation: '已公开征求意见30日',
  offeredDays: 7,
  urgent: false,
  marketActivity: false,
  fairCompetition: undefined,
});

export function legalityTestbed() {
  const bed = {} as LegalityBed;

  beforeAll(async () => {
    bed.t = await createTestDb();
    bed.app = await testApp(bed.t.db, { today: TODAY });
    const db = bed.t.db;
    bed.orgs = {
      centre: await orgId(db, 'sec-legality'),
      town: await orgId(db, 'jo-330211001'),
      otherTown: await orgId(db, 'jo-330211003'),
      dept: await orgId(db, 'dept-market'),
      government: await orgId(db, 'district-government'),
    };
    await withTx(db, async (tx) => {
      const add = (org: number, name: string, kind: 'reviewer' | 'governmentLawyer' | 'legalAdviser') =>
        addReviewer(tx, systemActor, { orgId: org, name, reviewerKind: kind, joinedOn: '2023-01-01' });
      bed.reviewers = {
        district: await add(bed.orgs.centre, '周审查', 'governmentLawyer'),
        district2: await add(bed.orgs.centre, '吴顾问', 'legalAdviser'),
        town: await add(bed.orgs.town, '郑法审', 'reviewer'),
        town2: await add(bed.orgs.town, '王法审', 'reviewer'),
        suspended: await add(bed.orgs.town, '冯法审', 'reviewer'),
        otherTown: await add(bed.orgs.otherTown, '蒋法审', 'reviewer'),
      };
      await tx.query(`UPDATE legality_reviewers SET status = 'suspended' WHERE id = $1`, [
        bed.reviewers.suspended,
      ]);
    });
    await makeUser(db, 'hfx.centre', [{ org: 'bureau', role: 'sectionStaff' }]);
    await makeUser(db, 'hfx.section', [{ org: 'sec-legality', role: 'sectionStaff' }]);
    await makeUser(db, 'hfx.zbs', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    await makeUser(db, 'hfx.lt', [{ org: 'jo-330211003', role: 'townshipStaff' }]);
    await makeUser(db, 'hfx.market', [{ org: 'dept-market', role: 'submitter' }]);
    bed.centre = await signIn(bed.app, 'hfx.centre');
    bed.section = await signIn(bed.app, 'hfx.section');
    bed.town = await signIn(bed.app, 'hfx.zbs');
    bed.otherTown = await signIn(bed.app, 'hfx.lt');
    bed.dept = await signIn(bed.app, 'hfx.market');
  });
  afterAll(async () => {
    await bed.app?.close();
    await bed.t?.close();
  });

  const ctx: KitContext = { client: () => bed.centre, db: () => bed.t.db };
  const kit = lineKit(ctx, {
    get 'legalityReview/item'() {
      return townItem(bed);
    },
  });

  const deadlines = async (id: number) =>
    (await bed.centre.get(`/api/matters/${id}`))
      .json()
      .deadlines.map((d: { key: string; status: string; dueOn: string | null; ruleId: string }) => ({
        key: d.key,
        rule: d.ruleId,
        status: d.status,
        dueOn: d.dueOn,
      }));

  return { bed, ctx, kit, deadlines, documentText: (docId: number) => documentText(bed.t.db, docId) };
}
