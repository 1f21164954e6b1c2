import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legalAidTestbed } from '../../../test/support/legal-aid.ts';

const { kit, documentText, setCounting } = legalAidTestbed();
const APP = 'legalAid/application';
const GOLDEN = new URL('./documents.golden.txt', import.meta.url);

/** Every template's whole printed text (paragraphs of the DOCX), in one file a reviewer reads like the paper. */
describe('the legal-aid documents as printed', () => {
  it('match documents.golden.txt', async () => {
    const closed = await kit.matterIn(APP, 'closing');
    const reviewed = await kit.act(APP, closed.id, 'reviewClosing', '2025-07-01', {
      qualityScore: 92,
      subsidy: 2400,
      opinion: '材料齐全，办案规范',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const refused = await kit.matterIn(APP, 'refused');
    expect((await kit.act(APP, refused.id, 'object', '2025-03-10', { reason: '不服' })).statusCode).toBe(200);
    const upheld = await kit.act(APP, refused.id, 'decideObjection', '2025-03-13', {
      result: 'uphold',
      reasoning: '申请事项系商业投资纠纷，不属于法律援助范围',
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    const advanced = await kit.create(APP, { limitationEndsOn: '2025-03-07' });
    const adv = await kit.act(APP, advanced.id, 'advance', '2025-03-04', {
      reason: '距仲裁时效届满不足七日，需要及时申请仲裁',
    });
    expect(adv.statusCode, adv.body).toBe(200);
    const handling = await kit.matterIn(APP, 'handling');
    const term = await kit.act(APP, handling.id, 'terminate', '2025-04-01', {
      ground: 'ownLawyer',
      reason: '受援人已自行委托律师代理',
    });
    expect(term.statusCode, term.body).toBe(200);
    const docs = [
      ...closed.documents,
      ...reviewed.json().documents,
      ...refused.documents,
      ...upheld.json().documents,
      ...adv.json().documents,
      ...term.json().documents,
    ];
    const out: string[] = [];
    for (const d of docs) out.push(`=== ${d.kind}`, ...(await documentText(d.id)), '');
    const text = out.join('\n');
    if (process.env.GOLDEN_WRITE) fs.writeFileSync(GOLDEN, text);
    expect(text).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('word the 委托协议 period of the 指派通知书 as the case counts: 日 under the national setting', async () => {
    await setCounting('national');
    try {
      const m = await kit.matterIn(APP, 'handling');
      const notice = m.documents.find((d) => d.kind === 'legalAid.assign')!;
      expect((await documentText(notice.id))[4]).toBe(
        '请你单位自收到本通知之日起五日内与受援人签订委托协议和授权委托书，依法履行法律援助义务，并在法律援助事项办结后按规定提交结案报告和有关材料。',
      );
    } finally {
      await setCounting('zhejiang');
    }
  });
});
