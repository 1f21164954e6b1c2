import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { chineseDate, defineTemplate } from '../../kernel/workflow/templates.ts';
import { type Conclusion, conclusions, itemKinds } from './labels.ts';
import type { concludeSchema } from './schemas.ts';
import { type ItemFacts, itemFacts, townOrgan } from './store.ts';

/**
 * 合法性审查意见书: the centre's opinion on an item, a GB/T 9704 document through the kernel. The district centre is
 * the bureau's 法制审核科, so its opinion goes out in the bureau's name (the kernel's default issuer: the bureau above
 * the owning section, or the profile's docIssuer.legalityReview.opinion); a town centre's opinion goes out in the
 * name of the town's people's government or sub-district office, whose centre it is. User text is passed as text.
 */

const p = (text: string) => ({ type: 'paragraph' as const, text });
type Body = OfficialDocSpec['body'];
type ConcludeData = z.output<typeof concludeSchema>;

/** The law the review applies, by kind of item. */
const lawOf = (kind: string) =>
  kind === 'normativeDoc'
    ? '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）'
    : kind === 'majorDecision'
      ? '《重大行政决策程序暂行条例》'
      : '有关法律、法规、规章和国家政策';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number) => ORDINALS[n - 1] ?? String(n);

function body(f: ItemFacts, d: ConcludeData): Body {
  const out: Body = [
    p(
      `你单位送审的《${f.itemTitle}》（${itemKinds[f.itemKind as keyof typeof itemKinds]}）及相关材料收悉。本中心于${chineseDate(f.receivedOn)}收到送审材料，${f.acceptedOn ? `于${chineseDate(f.acceptedOn)}受理，` : ''}依照${lawOf(f.itemKind)}对其合法性进行了审查。现提出审查意见如下：`,
    ),
    p(`一、审查结论：${conclusions[d.conclusion as Conclusion]}。`),
    p(`二、理由：${d.reasons}`),
  ];
  let n = 2;
  if (d.items.length) {
    out.push(p(`${ordinal(++n)}、具体意见：`));
    d.items.forEach((it, i) => {
      out.push(
        p(`（${ordinal(i + 1)}）问题：${it.problem}；依据：${it.basis}；修改建议：${it.suggestion}。`),
      );
    });
  }
  if (f.marketActivity)
    out.push(
      p(
        `${ordinal(++n)}、该事项涉及经营者经济活动，送审材料所附公平竞争审查情况为：${f.fairCompetition ?? '（未附）'}。依照《公平竞争审查条例》第十八条，政策措施未经公平竞争审查的，不得出台。`,
      ),
    );
  if (f.coReviewOpinion && f.coReviewedOn)
    out.push(
      p(
        `${ordinal(++n)}、区合法性审查中心于${chineseDate(f.coReviewedOn)}出具协审意见：${f.coReviewOpinion}`,
      ),
    );
  out.push(
    p(
      d.conclusion === 'lawful'
        ? '请你单位按程序办理，并在文件出台（决策作出、协议签订）后将出台文件的文号、日期反馈本中心。'
        : '请你单位根据上述意见研究修改，并在文件出台（决策作出、协议签订）后将意见采纳情况及出台文件的文号、日期反馈本中心。',
    ),
    p(`审查中心负责人：${d.signedOffBy}`),
  );
  return out;
}

export const opinionDoc = defineTemplate<ConcludeData>({
  id: 'legalityReview.opinion',
  title: '合法性审查意见书',
  defaultPrefix: '镇司法审',
  render: async ({ tx, matter, data }) => {
    const f = await itemFacts(tx, matter.id);
    return { title: '合法性审查意见书', recipient: `${f.submitterName}：`, body: body(f, data) };
  },
});

export const townOpinionDoc = defineTemplate<ConcludeData>({
  id: 'legalityReview.townOpinion',
  title: '合法性审查意见书（镇街）',
  defaultPrefix: '镇街法审',
  render: async ({ tx, matter, data }) => {
    const f = await itemFacts(tx, matter.id);
    return {
      title: '合法性审查意见书',
      recipient: `${f.submitterName}：`,
      body: body(f, data),
      signature: townOrgan(f),
    };
  },
});

export const legalityTemplates = [opinionDoc, townOpinionDoc];
