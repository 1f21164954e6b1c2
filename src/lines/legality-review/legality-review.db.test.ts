import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText } from '../../../test/support/docx-text.ts';
import { conclusion, districtIntake, legalityTestbed } from '../../../test/support/legality-review.ts';
import { ASSESSMENT_RULE } from './registry.ts';

const { bed, kit, deadlines, documentText } = legalityTestbed();
const ITEM = 'legalityReview/item';

describe('a town office’s normative document: short time flagged, supplemented, co-reviewed, concluded, adopted', () => {
  it('walks the journey with exact working-day periods across the National Day holiday', async () => {
    const created = await kit.create(ITEM, { offeredDays: 3 });
    expect(created.refNo).toMatch(/^镇法审收〔2025〕\d+号$/);
    // 3 working days is below the 5-day minimum of 国办发〔2018〕115号: flagged at intake (setting: flag) …
    expect((created as unknown as { warnings: string[] }).warnings).toEqual([
      '送审行政规范性文件给予的审查时间为 3 个工作日，少于 5 个工作日的下限（国办发〔2018〕115号），应当补足审查时间后方可受理',
    ]);
    const act = async (action: string, date: string, data: Record<string, unknown> = {}, as = bed.town) => {
      const version = (await as.get(`/api/matters/${created.id}`)).json().matter.version;
      return as.post(`/api/lines/${ITEM}/${created.id}/${action}`, { version, date, data });
    };
    const ok = async (action: string, date: string, data: Record<string, unknown> = {}, as = bed.town) => {
      const res = await act(action, date, data, as);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // … and not accepted until the time is made up.
    const refused = await act('accept', '2025-09-23', {
      reviewerIds: [bed.reviewers.town],
      noConflictDeclared: true,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      '送审行政规范性文件给予的审查时间为 3 个工作日，少于 5 个工作日的下限，应当通知送审单位补足审查时间后受理',
    );
    await ok('requestSupplement', '2025-09-23', { missing: '补足审查时间，补充征求意见情况' });
    await ok('resubmit', '2025-09-25', { offeredDays: 5, note: '已补充' });
    await ok('accept', '2025-09-26', { reviewerIds: [bed.reviewers.town], noConflictDeclared: true });
    // Accepted Friday 26 September: 5 working days are 28 September (a Sunday worked), 29, 30 September, then after
    // the holiday 9 and 10 October.
    expect(await deadlines(created.id)).toEqual([
      { key: 'review', rule: 'hfx.normative-doc.review', status: 'running', dueOn: '2025-10-10' },
    ]);
    await ok('requestCoReview', '2025-09-29', { reason: '涉及公平竞争审查，疑难复杂' });
    // The town cannot give the district centre's co-review opinion.
    const own = await act('giveCoReview', '2025-10-09', { opinion: '同意' });
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toBe('协审意见由区合法性审查中心（区司法局）出具，镇（街道）不能自行登记');
    // Nor conclude before the co-review comes back.
    expect((await act('conclude', '2025-10-09', conclusion)).statusCode).toBe(409);
    await ok('giveCoReview', '2025-10-09', { opinion: '建议删除对企业注册地的限制条件。' }, bed.centre);
    const concluded = await ok('conclude', '2025-10-10', conclusion);
    expect(concluded.documents.map((d: { kind: string }) => d.kind)).toEqual(['legalityReview.townOpinion']);
    expect(await deadlines(created.id)).toEqual([
      { key: 'review', rule: 'hfx.normative-doc.review', status: 'met', dueOn: '2025-10-10' },
    ]);
    const text = await documentText(concluded.documents[0].id);
    expect(text.at(-2)).toBe('宁波市镇海区人民政府招宝山街道办事处');
    // Feedback: every issue answered, a partial adoption explained.
    const short = await act('recordFeedback', '2025-10-20', { adoptions: [{ seq: 1, adoption: 'adopted' }] });
    expect(short.json().detail).toBe('审查意见共 2 条，应当逐条登记采纳情况');
    const closed = await ok('recordFeedback', '2025-10-20', {
      adoptions: [
        { seq: 1, adoption: 'adopted' },
        { seq: 2, adoption: 'partly', reason: '保留本地纳税要求，删除注册地限制' },
      ],
      issuedDocNo: '招街〔2025〕18号',
      issuedOn: '2025-10-18',
    });
    expect(closed.state).toBe('closed');
    const page = (await bed.town.get(`/api/matters/${created.id}`)).json();
    const facts = page.details.find((s: { title: string }) => s.title === '协审、结论与反馈');
    const value = (label: string) => facts.fields.find((f: { label: string }) => f.label === label)?.value;
    expect([value('审查结论'), value('在审查期限内出具'), value('采纳情况'), value('协审意见日期')]).toEqual([
      '修改后合法',
      '是',
      '部分采纳',
      '2025-10-09',
    ]);

    // The figures: the town counts it, the district counts its co-review; the reviewer's assessment moves.
    const figure = async (id: string) =>
      (await bed.centre.get(`/api/indicators/${id}?year=2025`)).json().value;
    expect(await figure('legalityReview.townReviewed')).toBe(1);
    expect(await figure('legalityReview.districtReviewed')).toBe(1);
    expect(await figure('legalityReview.coReviewed')).toBe(1);
    expect(await figure('legalityReview.issuesFound')).toBe(2);
    const sheet = (await bed.town.get('/api/lines/legalityReview/reviewers?year=2025')).json();
    expect(sheet.reviewers.find((r: { id: number }) => r.id === bed.reviewers.town)).toMatchObject({
      items: 1,
      onTime: 1,
      opinions: 2,
      feedback: 1,
      adopted: 1,
      coReviewed: 1,
      score: 81,
      tier: '合格',
    });
    // The sheet the assessor downloads: the same row, ranked.
    const xlsx = await bed.town.get('/api/lines/legalityReview/reviewers/assessment.xlsx?year=2025');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[1]!.slice(1, 16)).toEqual([
      1,
      '郑法审',
      '招宝山街道司法所',
      '法审员',
      1,
      1,
      100,
      2,
      1,
      1,
      100,
      1,
      0,
      81,
      '合格',
    ]);
    // The assessor adds points with a reason: 81 + 10 = 91, 优秀. Another town's reviewer may not.
    const path = `/api/lines/legalityReview/reviewers/${bed.reviewers.town}/scores`;
    const foreign = await bed.otherTown.post(path, { year: 2025, points: 10, reason: '参加业务培训' });
    expect(foreign.statusCode).toBe(403);
    const scored = await bed.centre.post(path, { year: 2025, points: 10, reason: '承担镇级试点工作' });
    expect(scored.statusCode, scored.body).toBe(201);
    const after = (await bed.town.get('/api/lines/legalityReview/reviewers?year=2025')).json();
    expect(after.reviewers[0]).toMatchObject({
      id: bed.reviewers.town,
      adjustment: 10,
      score: 91,
      tier: '优秀',
    });
    // The reviewer's own sheet (DOCX): the same figures, the points with their reason; not for another town.
    const docx = await bed.centre.get(
      `/api/lines/legalityReview/reviewers/${bed.reviewers.town}/assessment.docx?year=2025`,
    );
    expect(docx.statusCode).toBe(200);
    expect(await docxText(docx.rawPayload)).toEqual([
      '2025年度法审员履职考核表',
      ...['姓名', '郑法审', '类别', '法审员', '所属审查中心', '招宝山街道司法所', '任职日期', '2023-01-01'],
      ...['办件数', '1', '按期出具', '1（100%）', '提出意见（条）', '2', '被采纳 / 已反馈', '1 / 1（100%）'],
      ...[
        '经区中心协审',
        '1',
        '加减分',
        '+10',
        '得分',
        '91',
        '档次',
        '优秀',
        '排名',
        '1 / 6',
        '考核年度',
        '2025年',
      ],
      '一、加减分情况',
      '1. +10分：承担镇级试点工作',
      '二、计分规则',
      ASSESSMENT_RULE,
      '宁波市镇海区司法局',
      '2026年11月25日',
    ]);
    const hidden = await bed.otherTown.get(
      `/api/lines/legalityReview/reviewers/${bed.reviewers.town}/assessment.docx?year=2025`,
    );
    expect(hidden.statusCode).toBe(404);
  });
});

describe('a department’s major decision at the district centre', () => {
  it('runs the 7 working days offered from acceptance, counting the Saturday worked on 11 October', async () => {
    const m = await kit.create(ITEM, districtIntake(bed));
    const res = await kit.act(ITEM, m.id, 'accept', '2025-09-26', {
      reviewerIds: [bed.reviewers.district, bed.reviewers.district2],
      noConflictDeclared: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await deadlines(m.id)).toEqual([
      { key: 'review', rule: 'hfx.major-decision.review', status: 'running', dueOn: '2025-10-13' },
    ]);
    // Concluded a day late: met late, and not on time in the assessment.
    const done = await kit.act(ITEM, m.id, 'conclude', '2025-10-14', {
      ...conclusion,
      conclusion: 'lawful',
      items: [],
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['legalityReview.opinion']);
    const text = await documentText(done.json().documents[0].id);
    expect(text.at(-2)).toBe('宁波市镇海区司法局');
    const sheet = (await bed.centre.get('/api/lines/legalityReview/reviewers?year=2025')).json();
    expect(sheet.reviewers.find((r: { id: number }) => r.id === bed.reviewers.district)).toMatchObject({
      items: 1,
      onTime: 0,
    });
  });

  it('runs a contract on the working days offered (no statutory number: the rule is left empty)', async () => {
    const m = await kit.create(ITEM, {
      ...districtIntake(bed),
      itemKind: 'contract',
      itemTitle: '镇海区某地块国有建设用地使用权出让合同',
      offeredDays: 10,
    });
    const res = await kit.act(ITEM, m.id, 'accept', '2025-09-26', {
      reviewerIds: [bed.reviewers.district],
      noConflictDeclared: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    // 28, 29, 30 September, 9, 10, 11 (Saturday worked), 13, 14, 15, 16 October.
    expect(await deadlines(m.id)).toEqual([
      { key: 'review', rule: 'hfx.other.review', status: 'running', dueOn: '2025-10-16' },
    ]);
  });
});

describe('materials found missing during review', () => {
  it('ends the running period and counts the offer afresh from the new acceptance', async () => {
    const m = await kit.matterIn(ITEM, 'reviewing');
    const step = async (action: string, date: string, data: Record<string, unknown>) => {
      const res = await kit.act(ITEM, m.id, action, date, data);
      expect(res.statusCode, res.body).toBe(200);
    };
    await step('requestSupplement', '2025-09-29', { missing: '上位法依据文本' });
    await step('resubmit', '2025-10-09', { offeredDays: 5 });
    await step('accept', '2025-10-10', { reviewerIds: [bed.reviewers.town2], noConflictDeclared: true });
    // From Friday 10 October: Saturday 11 October is worked, then 13 to 16 October.
    expect(await deadlines(m.id)).toEqual([
      { key: 'review', rule: 'hfx.normative-doc.review', status: 'stopped', dueOn: '2025-10-10' },
      { key: 'review', rule: 'hfx.normative-doc.review', status: 'running', dueOn: '2025-10-16' },
    ]);
  });
});

describe('scope', () => {
  it('a department sees what it sent; a town its own items; the section and the bureau all', async () => {
    const dept = await kit.create(ITEM, { ...districtIntake(bed), itemTitle: '范围测试：部门事项' });
    const town = await kit.create(ITEM, { itemTitle: '范围测试：街道事项' });
    const sees = async (c: typeof bed.town, id: number) => (await c.get(`/api/matters/${id}`)).statusCode;
    expect([await sees(bed.dept, dept.id), await sees(bed.dept, town.id)]).toEqual([200, 404]);
    expect([await sees(bed.town, town.id), await sees(bed.town, dept.id)]).toEqual([200, 404]);
    expect([await sees(bed.otherTown, town.id)]).toEqual([404]);
    expect([await sees(bed.section, dept.id), await sees(bed.section, town.id)]).toEqual([200, 200]);
    expect([await sees(bed.centre, dept.id), await sees(bed.centre, town.id)]).toEqual([200, 200]);
    const other = (await bed.otherTown.get('/api/lines/legalityReview/reviewers?year=2025')).json();
    expect(other.reviewers.map((r: { name: string }) => r.name)).toEqual(['蒋法审']);
  });
});

describe('the catalogue of major decisions', () => {
  it('flags a decision brought to collective discussion without legality review', async () => {
    const list = async (id: number, steps: [string, string, Record<string, unknown>][]) => {
      for (const [action, date, data] of steps) {
        const version = (await bed.centre.get(`/api/matters/${id}`)).json().matter.version;
        const res = await bed.centre.post(`/api/lines/legalityReview/decision/${id}/${action}`, {
          version,
          date,
          data,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    };
    const listed = async (title: string, decidingOrgId: number) => {
      const res = await bed.centre.post('/api/lines/legalityReview/decision', {
        catalogueYear: 2025,
        listedOn: '2025-02-10',
        centreOrgId: bed.orgs.centre,
        decidingOrgId,
        decisionTitle: title,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const hasty = await listed('镇海区公共停车场收费标准调整', bed.orgs.government);
    await list(hasty, [
      ['recordStep', '2025-03-03', { step: 'publicParticipation' }],
      ['recordStep', '2025-03-10', { step: 'riskAssessment' }],
      ['recordStep', '2025-03-20', { step: 'collectiveDiscussion' }],
    ]);
    const review = await kit.create(ITEM, districtIntake(bed));
    const careful = await listed('镇海区农贸市场布局调整方案', bed.orgs.dept);
    await list(careful, [
      ['recordStep', '2025-04-01', { step: 'publicParticipation' }],
      ['recordStep', '2025-04-15', { step: 'legalityReview', reviewMatterId: review.id }],
      ['recordStep', '2025-04-25', { step: 'collectiveDiscussion' }],
      ['decide', '2025-04-28', { decisionDocNo: '镇政发〔2025〕9号' }],
    ]);
    const rows = (await bed.centre.get('/api/lines/legalityReview/decisions?year=2025')).json();
    expect(
      rows.map(
        (r: { title: string; legalityReviewOn: string | null; flag: string | null; state: string }) => [
          r.title,
          r.legalityReviewOn,
          r.state,
          r.flag,
        ],
      ),
    ).toEqual([
      [
        '镇海区公共停车场收费标准调整',
        null,
        'listed',
        '未经合法性审查即提交集体讨论（重大行政决策程序暂行条例第二十五条）',
      ],
      ['镇海区农贸市场布局调整方案', '2025-04-15', 'decided', null],
    ]);
    // The market bureau sees its own decision on the catalogue, not the government's.
    const dept = (await bed.dept.get('/api/lines/legalityReview/decisions?year=2025')).json();
    expect(dept.map((r: { title: string }) => r.title)).toEqual(['镇海区农贸市场布局调整方案']);
  });
});
