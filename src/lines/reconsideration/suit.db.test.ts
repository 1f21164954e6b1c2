/** 行政应诉: the defence period from service, appeal periods, the 复议机关 as co-defendant, hearings, the final outcome. */
import { describe, expect, it } from 'vitest';
import { reconsiderationTestbed } from '../../../test/support/reconsideration.ts';

const { bed, kit, deadline, documentText } = reconsiderationTestbed();
const SUIT = 'reconsideration/suit';

const suit = (over: Record<string, unknown>) => kit.create(SUIT, { filedOn: '2025-09-15', ...over });
const details = async (id: number) => (await bed.clerk.get(`/api/matters/${id}`)).json().details;
const fact = (
  sections: { title: string; fields?: { label: string; value: string | null }[] }[],
  label: string,
) => sections.flatMap((s) => s.fields ?? []).find((f) => f.label === label)?.value;

const defence = {
  defence: '被告作出的行政处罚决定事实清楚，证据确凿，适用法律正确，程序合法。',
  evidence: [{ name: '现场检查笔录', source: '执法人员制作', purpose: '证明违法事实' }],
  normativeDocuments: ['《浙江省市场监督管理行政处罚裁量基准》'],
  legalRepresentative: '陈某',
  legalRepresentativeTitle: '局长',
  agents: [{ name: '周某', position: '宁波市镇海区市场监督管理局法规科科长', authority: 'general' }],
};

/** The four papers of the defence, word for word (the defendant organ signs them; the number prefix is a setting). */
const GOLDEN: Record<string, string[]> = {
  statement: [
    '镇司应答〔2025〕1号',
    '行政答辩状',
    '答辩人：宁波市镇海区市场监督管理局',
    '法定代表人：陈某，局长',
    '委托代理人：周某，宁波市镇海区市场监督管理局法规科科长',
    '被答辩人（原告）：王某',
    '答辩人就王某诉宁波市镇海区市场监督管理局行政处罚一案（宁波市镇海区人民法院（2025）浙0211行初1号），依照《中华人民共和国行政诉讼法》第六十七条第一款的规定，提出答辩如下：',
    '被告作出的行政处罚决定事实清楚，证据确凿，适用法律正确，程序合法。',
    '综上，请求人民法院依法驳回原告的诉讼请求。',
    '此致',
    '宁波市镇海区人民法院',
    '附：1. 证据目录及证据材料；2. 作出行政行为所依据的规范性文件（1件）；3. 法定代表人身份证明书；4. 授权委托书。',
    '宁波市镇海区市场监督管理局',
    '2025年10月9日',
  ],
  evidence: [
    '镇司应证〔2025〕1号',
    '证据目录',
    '提交人：宁波市镇海区市场监督管理局（被告）',
    '案件：王某诉宁波市镇海区市场监督管理局行政处罚一案（宁波市镇海区人民法院（2025）浙0211行初1号）',
    '依照《中华人民共和国行政诉讼法》第三十四条第一款、第六十七条第一款的规定，提交作出被诉行政行为的证据和所依据的规范性文件如下：',
    '1. 现场检查笔录（来源：执法人员制作）。证明目的：证明违法事实',
    '所依据的规范性文件：',
    '1. 《浙江省市场监督管理行政处罚裁量基准》',
    '宁波市镇海区市场监督管理局',
    '2025年10月9日',
  ],
  certificate: [
    '镇司应法〔2025〕1号',
    '法定代表人身份证明书',
    '陈某在我单位任局长职务，是我单位的法定代表人。',
    '本证明书用于王某诉宁波市镇海区市场监督管理局行政处罚一案（宁波市镇海区人民法院（2025）浙0211行初1号）。',
    '特此证明。',
    '宁波市镇海区市场监督管理局',
    '2025年10月9日',
  ],
  attorney: [
    '镇司应委〔2025〕1号',
    '授权委托书',
    '委托人：宁波市镇海区市场监督管理局',
    '法定代表人：陈某，局长',
    '受委托人：周某，宁波市镇海区市场监督管理局法规科科长',
    '现委托上列受委托人在王某诉宁波市镇海区市场监督管理局行政处罚一案（宁波市镇海区人民法院（2025）浙0211行初1号）中，作为我单位的诉讼代理人（《中华人民共和国行政诉讼法》第三十一条第一款）。',
    '周某的代理权限：一般代理。',
    '宁波市镇海区市场监督管理局',
    '2025年10月9日',
  ],
};

describe('a suit against a district organ', () => {
  it('gives 15 days from the receipt of the complaint for evidence and the 答辩状, and issues the four papers', async () => {
    const { id } = await suit({});
    expect(await deadline(id, 'defence')).toMatchObject({ status: 'notStarted', dueOn: null });
    const served = await kit.act(SUIT, id, 'serveComplaint', '2025-09-22', {
      method: 'post',
      receivedOn: '2025-09-19',
    });
    expect(served.statusCode).toBe(200);
    // 15 days from Fri 19 September end on Sat 4 October, in the National Day holiday (1–8 Oct) → Thu 9 October.
    expect(await deadline(id, 'defence')).toMatchObject({
      status: 'running',
      dueOn: '2025-10-09',
      ruleId: 'xzss.defence.submit',
      kind: 'deadline',
    });
    const filed = await kit.act(SUIT, id, 'submitDefence', '2025-10-09', defence);
    expect(filed.statusCode).toBe(200);
    expect(filed.json().documents.map((d: { title: string }) => d.title)).toEqual([
      '行政答辩状',
      '证据目录',
      '法定代表人身份证明书',
      '授权委托书',
    ]);
    expect(await deadline(id, 'defence')).toMatchObject({ status: 'met', badge: 'met' });
    const [statement, evidence, certificate, attorney] = filed
      .json()
      .documents.map((d: { id: number }) => d.id);
    if (process.env.GOLDEN_PRINT)
      for (const d of [statement, evidence, certificate, attorney])
        console.log((await documentText(d)).join('\n'));
    expect(await documentText(statement)).toEqual(GOLDEN.statement);
    expect(await documentText(evidence)).toEqual(GOLDEN.evidence);
    expect(await documentText(certificate)).toEqual(GOLDEN.certificate);
    expect(await documentText(attorney)).toEqual(GOLDEN.attorney);
  });

  it('starts the appeal period from service: 15 days for a judgment, 10 for a ruling (第八十五条)', async () => {
    const judged = await suit({});
    await kit.act(SUIT, judged.id, 'conclude', '2025-11-10', {
      outcome: 'won',
      documentKind: 'judgment',
      judgmentType: 'dismissClaim',
      servedOn: '2025-11-07',
    });
    // Fri 7 November + 15 = Sat 22 November → Mon 24 November.
    expect(await deadline(judged.id, 'appeal')).toMatchObject({
      dueOn: '2025-11-24',
      kind: 'partyPeriod',
      ruleId: 'xzss.appeal.judgment',
    });
    const ruled = await suit({});
    await kit.act(SUIT, ruled.id, 'conclude', '2025-11-10', {
      outcome: 'dismissed',
      documentKind: 'ruling',
      judgmentType: 'dismissSuit',
      servedOn: '2025-11-07',
    });
    // Fri 7 November + 10 = Mon 17 November.
    expect(await deadline(ruled.id, 'appeal')).toMatchObject({
      dueOn: '2025-11-17',
      ruleId: 'xzss.appeal.ruling',
    });
  });

  it('names the district government co-defendant after 维持, the defendant after a change', async () => {
    const upheld = await kit.matterIn('reconsideration/application', 'decided');
    const { id } = await suit({ afterReconsideration: true, reconsiderationRefNo: upheld.refNo });
    const page = await details(id);
    expect(fact(page, '复议机关在诉讼中的地位')).toBe(
      '宁波市镇海区人民政府：共同被告（复议机关决定维持原行政行为）（行政诉讼法第二十六条第二款）',
    );
    expect(fact(page, '行政复议案号')).toBe(upheld.refNo);
    const changed = await kit.matterIn('reconsideration/application', 'decided');
    const corrected = await bed.t.db.query(
      `UPDATE reconsideration_applications SET decision_type = 'change' WHERE matter_id = $1`,
      [changed.id],
    );
    expect(corrected.rowCount).toBe(1);
    const second = await suit({ afterReconsideration: true, reconsiderationRefNo: changed.refNo });
    expect(fact(await details(second.id), '复议机关在诉讼中的地位')).toBe(
      '宁波市镇海区人民政府：被告（复议机关改变原行政行为）（行政诉讼法第二十六条第二款）',
    );
  });

  it('keeps every hearing with who appeared; a later hearing never overwrites an appearance', async () => {
    const { id } = await suit({});
    expect(
      (
        await kit.act(SUIT, id, 'recordHearing', '2025-10-20', {
          appearance: 'deputy',
          headName: '陈某',
          headTitle: '副局长',
          noticeReceivedOn: '2025-10-10',
        })
      ).statusCode,
    ).toBe(200);
    const noStaff = await kit.act(SUIT, id, 'recordHearing', '2025-11-03', {
      appearance: 'staff',
      absenceReason: 'officialDuty',
    });
    expect(noStaff.statusCode).toBe(400);
    expect(noStaff.body).toContain(
      '负责人不能出庭的，应当委托相应的工作人员出庭（第十条第一款），请填写出庭工作人员',
    );
    expect(
      (
        await kit.act(SUIT, id, 'recordHearing', '2025-11-03', {
          appearance: 'staff',
          staffName: '周某（法规科科长）',
          absenceReason: 'officialDuty',
          noticeReceivedOn: '2025-11-01',
        })
      ).statusCode,
    ).toBe(200);
    const table = (await details(id)).find((s: { title: string }) => s.title === '开庭与出庭应诉').table;
    expect(table.rows).toEqual([
      ['2025-10-20', '副职负责人出庭', '陈某（副局长）', '2025-10-10 收到', null],
      [
        '2025-11-03',
        '负责人未出庭，委托相应的工作人员出庭',
        '周某（法规科科长）',
        '2025-11-01 收到（不足三日，规定第五条）',
        '需要履行他人不能代替的公务',
      ],
    ]);
  });

  it('keeps a 司法建议 with the organ’s reply', async () => {
    const { id } = await suit({});
    const res = await kit.act(SUIT, id, 'recordSuggestion', '2025-10-10', {
      kind: 'judicial',
      receivedOn: '2025-10-09',
      content: '建议规范现场检查笔录的制作',
    });
    expect(res.statusCode).toBe(200);
    expect(
      (await kit.act(SUIT, id, 'replySuggestion', '2025-10-20', { reply: '已组织执法人员培训' })).statusCode,
    ).toBe(200);
    const table = (await details(id)).find((s: { title: string }) => s.title === '司法建议、检察建议').table;
    expect(table.rows).toEqual([
      ['司法建议', '2025-10-09', '建议规范现场检查笔录的制作', '2025-10-20', '已组织执法人员培训'],
    ]);
    const again = await kit.act(SUIT, id, 'replySuggestion', '2025-10-21', { reply: '再次回复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('没有待回复的司法建议或检察建议');
  });

  it('refuses a case number whose type contradicts the instance', async () => {
    const res = await kit.register(SUIT, { caseNumber: '（2025）浙02行终77号', instance: 'first' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('案号中的“行终”表示二审，与所选审级“一审”不一致');
  });

  it('counts a first-instance loss reversed on appeal as not lost', async () => {
    const first = await suit({ caseNumber: '（2025）浙0211行初901号', filedOn: '2025-02-03' });
    await kit.act(SUIT, first.id, 'conclude', '2025-06-10', {
      outcome: 'lost',
      judgmentType: 'revoke',
      servedOn: '2025-06-10',
    });
    const lostBefore = (
      await bed.clerk.get('/api/indicators/litigation.lost?year=2025&region=330211')
    ).json();
    expect(lostBefore.value).toBe(1);
    const appeal = await suit({
      court: '宁波市中级人民法院',
      caseNumber: '（2025）浙02行终901号',
      instance: 'second',
      priorCaseNumber: '（2025）浙0211行初901号',
      filedOn: '2025-07-01',
    });
    // While the appeal is pending the first-instance loss is not final: not counted.
    expect(
      (await bed.clerk.get('/api/indicators/litigation.lost?year=2025&region=330211')).json().value,
    ).toBe(0);
    await kit.act(SUIT, appeal.id, 'conclude', '2025-09-01', {
      outcome: 'won',
      judgmentType: 'appealReversed',
    });
    expect(
      (await bed.clerk.get('/api/indicators/litigation.lost?year=2025&region=330211')).json().value,
    ).toBe(0);
    expect(fact(await details(first.id), '生效情况')).toBe(
      '已进入后续审级（（2025）浙02行终901号），以后续审级结果为准',
    );
  });
});
