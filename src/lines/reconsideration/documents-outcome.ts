import { chineseDate } from '../../kernel/workflow/templates.ts';
import type { MatterView } from '../../kernel/workflow/types.ts';
import {
  applicantNames,
  contested,
  type In,
  LAW,
  p,
  partyLines,
  REGULATION,
  sentence,
  suitNotice,
  template,
  withoutLead,
  you,
} from './documents-common.ts';
import { acceptance, acceptedSentence, situation, step, steps } from './documents-history.ts';
import {
  type DecisionType,
  decisionArticles,
  decisionArticles2017,
  decisionGrounds,
  suspensionCauses,
  terminationCauses,
} from './labels.ts';
import type {
  decideSchema,
  mediateSchema,
  opinionLetterSchema,
  recommendationSchema,
  terminateSchema,
} from './schemas.ts';
import { type ApplicationFacts, orgName } from './store.ts';

/** How a matter ends: 准予撤回, 终止, 调解书, the decision and the letters that follow it (意见书, 建议书). */

// ——— Ending the case ———

/** 2023 law Art. 41 items, and 实施条例（2007）Art. 42, by cause. */
const terminationCites: Record<keyof typeof terminationCauses, { y2023: string; y2017: string }> = {
  withdrawn: { y2023: `${LAW}第四十一条第一项`, y2017: `${REGULATION}第四十二条第一款第一项` },
  settled: { y2023: `${LAW}第四十一条第一项、第七十四条`, y2017: `${REGULATION}第四十二条第一款第四项` },
  noSuccessor: { y2023: `${LAW}第四十一条第二项`, y2017: `${REGULATION}第四十二条第一款第二项` },
  noSuccessorOrg: { y2023: `${LAW}第四十一条第三项`, y2017: `${REGULATION}第四十二条第一款第三项` },
  criminal: { y2023: `${LAW}第四十一条第四项`, y2017: `${REGULATION}第四十二条第一款第五项` },
  suspensionLapsed: { y2023: `${LAW}第四十一条第五项`, y2017: `${REGULATION}第四十二条第二款` },
};
export const withdrawalCauses = ['withdrawn', 'settled'] as const;

export const withdrawalApproval = template<In<typeof terminateSchema>>(
  'withdrawalApproval',
  '准予撤回行政复议申请通知书',
  '镇政复撤',
  'reconsiderationBody',
  async (f, d, c) => {
    const accepted = acceptedSentence(await acceptance(c), c.organ);
    return {
      recipient: `${applicantNames(f)}：`,
      body: [
        p(
          `${you(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向${c.organ}申请行政复议，${accepted}。`,
        ),
        p(
          c.law2017
            ? `${you(f)}在行政复议决定作出前${d.cause === 'settled' ? '与被申请人达成和解后' : '自愿'}申请撤回行政复议申请。经审查，根据${REGULATION}第三十八条的规定，本机构准予撤回。${you(f)}撤回行政复议申请后，不得再以同一事实和理由提出行政复议申请，但能够证明撤回申请违背${you(f)}真实意思表示的除外。`
            : `${you(f)}在行政复议决定作出前${d.cause === 'settled' ? '与被申请人达成和解后' : ''}申请撤回行政复议申请。经审查，根据${LAW}第四十一条第一项${d.cause === 'settled' ? '、第七十四条' : ''}的规定，本机构准予撤回，${c.organ}将决定终止行政复议。准予撤回后，${you(f)}不得再以同一事实和理由提出行政复议申请，但能够证明撤回申请违背${you(f)}真实意愿的除外（第七十四条）。`,
        ),
        p('特此通知。'),
      ],
    };
  },
);

export const terminationDecision = template<In<typeof terminateSchema>>(
  'termination',
  '行政复议终止决定书',
  '镇政复终',
  'reconsiderationOrgan',
  async (f, d, c) => {
    const accepted = acceptedSentence(await acceptance(c), '本机关');
    const cite = terminationCites[d.cause];
    return {
      body: [
        ...partyLines(f),
        p(`申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关申请行政复议，${accepted}。`),
        p(
          `行政复议期间，${terminationCauses[d.cause]}${(withdrawalCauses as readonly string[]).includes(d.cause) ? '，行政复议机构准予撤回' : ''}。${d.note ? sentence(d.note) : ''}`,
        ),
        p(`根据${c.law2017 ? cite.y2017 : cite.y2023}的规定，本机关决定终止行政复议。`),
      ],
    };
  },
);

export const mediationAgreement = template<In<typeof mediateSchema>>(
  'mediation',
  '行政复议调解书',
  '镇政复调',
  'reconsiderationOrgan',
  async (f, d, c) => {
    const accepted = acceptedSentence(await acceptance(c), '本机关');
    return {
      body: [
        ...partyLines(f),
        p(`申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关申请行政复议，${accepted}。`),
        p(`行政复议请求：${sentence(f.request)}`),
        p('经本机关主持调解，当事人自愿达成如下协议：'),
        p(sentence(d.agreement)),
        p(
          c.law2017
            ? `本调解书根据${REGULATION}第五十条的规定制作，经双方当事人签字，即具有法律效力。`
            : `本调解书根据${LAW}第七十三条的规定制作，经各方当事人签字或者签章，并加盖行政复议机关印章，即具有法律效力。`,
        ),
        p('申请人（签字或者签章）：'),
        p('被申请人（签章）：'),
        ...(f.thirdParties.length ? [p('第三人（签字或者签章）：')] : []),
      ],
    };
  },
);

// ——— The decision ———

/** The operative sentence of a decision, worded as Art. 33 and 63–72 word it (2017: Art. 28 and 实施条例 Art. 48). */
function decisionWording(
  type: DecisionType,
  f: ApplicationFacts,
  d: In<typeof decideSchema>,
  law2017: boolean,
): string {
  const act = contested(f);
  const within = d.redoWithinDays ? `自收到本决定书之日起${d.redoWithinDays}日内` : '在一定期限内';
  switch (type) {
    case 'change':
      return `变更${act}，变更为：${d.changedTo}`;
    case 'revoke':
      return `撤销${act}`;
    case 'partRevoke':
      return `撤销${act}中的${d.revokedPart}`;
    case 'revokeRedo':
      return `撤销${act}，责令被申请人${within}重新作出行政行为`;
    case 'confirmIllegal':
      return `确认${act}违法`;
    case 'confirmIllegalRedo':
      return `确认${act}违法，责令被申请人${within}采取补救措施：${d.remedy}`;
    case 'orderPerform':
      return `责令${f.respondentName}${within}履行法定职责`;
    case 'confirmInvalid':
      return `确认${act}无效`;
    case 'agreement':
      return `责令${f.respondentName}${within}${d.remedy}`;
    case 'uphold':
      return `维持${act}`;
    case 'dismiss':
      // 2017: 实施条例 Art. 48(1)(一) dismisses the application itself.
      return law2017 ? '驳回申请人的行政复议申请' : '驳回申请人的行政复议请求';
    case 'rejectApplication':
      return '驳回申请人的行政复议申请';
  }
}

function decisionCitation(d: In<typeof decideSchema>, law2017: boolean): string {
  const type = d.decisionType;
  if (law2017) {
    const main = decisionArticles2017[type] ?? LAW;
    // 实施条例 Art. 47 says when an act may be changed; Art. 29(1) of the 2017 law joins a compensation claim.
    const extra = [
      ...(d.compensation !== 'none' ? [`${LAW}第二十九条第一款`] : []),
      ...(type === 'change' ? [`${REGULATION}第四十七条`] : []),
    ];
    return [main, ...extra]
      .map((c, i, all) => (i > 0 && sameLaw(all[i - 1]!, c) ? c.slice(c.indexOf('》') + 1) : c))
      .join('、');
  }
  const main = d.ground ? decisionGrounds[d.ground].cite : decisionArticles[type];
  const remedy = type === 'confirmIllegalRedo' || d.compensation !== 'none' ? '、第七十二条第一款' : '';
  return `${LAW}${main}${remedy}`;
}

/** Two citations of the same law read 《…》第二十八条…、第二十九条…, the law named once. */
const sameLaw = (a: string, b: string) => a.slice(0, a.indexOf('》')) === b.slice(0, b.indexOf('》'));

const compensationWording = (d: In<typeof decideSchema>) =>
  d.compensation === 'awarded'
    ? `；被申请人依法给予申请人赔偿：${d.compensationTerms}`
    : d.compensation === 'rejected'
      ? '；驳回申请人的行政赔偿请求'
      : '';

/** What the history adds to the decision: extensions, suspensions and resumptions, in order. */
function procedureSentences(m: MatterView, law2017: boolean): string[] {
  const out: string[] = [];
  for (const e of steps(m, 'convertToOrdinary'))
    out.push(`${chineseDate(e.occurredOn)}，本案转为普通程序审理。`);
  for (const e of steps(m, 'extend'))
    out.push(
      `因${String(e.payload.reason)}，经${law2017 ? '本机关负责人' : '行政复议机构负责人'}批准，本案审理期限延长${String(e.payload.days)}日。`,
    );
  const resumes = steps(m, 'resume');
  steps(m, 'suspend').forEach((e, i) => {
    const cause = suspensionCauses[e.payload.cause as keyof typeof suspensionCauses];
    const back = resumes[i];
    const resumed = back ? `，于${chineseDate(back.occurredOn)}恢复审理` : '';
    out.push(`本案于${chineseDate(e.occurredOn)}因${situation(cause)}中止审理${resumed}。`);
  });
  return out;
}

/** The respondent's evidence and grounds as the reply listed them, one by one (Art. 48). */
function evidenceList(items: unknown) {
  const list = Array.isArray(items) ? (items as { name: string; pages?: number; source?: string }[]) : [];
  if (!list.length) return [];
  const item = (e: (typeof list)[number], i: number) =>
    `${i + 1}.${e.name}${e.pages ? `（${e.pages}页）` : ''}${e.source ? `，来源：${e.source}` : ''}`;
  return [p(`被申请人提交的证据、依据有：${list.map(item).join('；')}。`)];
}

export const decisionLetter = template<In<typeof decideSchema>>(
  'decision',
  '行政复议决定书',
  '镇政复',
  'reconsiderationOrgan',
  async (f, d, c) => {
    const m = c.matter;
    const accepted = acceptedSentence(await acceptance(c), '本机关');
    const simplified = f.procedure === 'simplified' && !step(m, 'convertToOrdinary');
    const reply = step(m, 'receiveReply');
    const heard = step(m, 'hearParties');
    const thirdOpinion = d.thirdPartyOpinion || String(heard?.payload.thirdPartyOpinion ?? '');
    return {
      body: [
        ...partyLines(f),
        p(
          [
            `申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关申请行政复议，${accepted}${c.law2017 ? '' : `，适用${simplified ? '简易' : '普通'}程序审理`}。`,
            ...procedureSentences(m, c.law2017),
            '本案现已审理终结。',
          ].join(''),
        ),
        p(`申请人请求：${sentence(f.request)}`),
        p(
          reply
            ? reply.payload.summary
              ? `被申请人称：${sentence(String(reply.payload.summary))}`
              : `被申请人于${chineseDate(reply.occurredOn)}提出书面答复${reply.payload.evidenceSubmitted === false ? '，未提交作出行政行为的证据、依据' : '，并提交了作出行政行为的证据、依据和其他有关材料'}。`
            : '被申请人未在法定期限内提出书面答复、提交作出行政行为的证据、依据和其他有关材料。',
        ),
        ...evidenceList(reply?.payload.evidence),
        ...(f.thirdParties.length
          ? [p(thirdOpinion ? `第三人称：${sentence(thirdOpinion)}` : '第三人未提出意见。')]
          : []),
        p(`经审理查明：${sentence(withoutLead(d.findings, '经审理查明', '经审查查明', '经查明', '经查'))}`),
        p(`本机关认为：${sentence(withoutLead(d.reasoning, '本机关认为'))}`),
        p(
          `根据${decisionCitation(d, c.law2017)}的规定，本机关决定：${decisionWording(d.decisionType, f, d, c.law2017)}${compensationWording(d)}。`,
        ),
        suitNotice(f),
        p('本决定书自送达之日起发生法律效力。'),
      ],
    };
  },
);

// ——— Letters ———

export const opinionLetter = template<In<typeof opinionLetterSchema>>(
  'opinionLetter',
  '行政复议意见书',
  '镇政复意',
  'reconsiderationOrgan',
  async (f, d, c) => ({
    recipient: `${(await orgName(c.db, d.recipientOrgId)) ?? f.respondentName}：`,
    body: [
      p(`本机关在办理${applicantNames(f)}不服${contested(f)}一案中，发现你单位存在以下问题：`),
      p(sentence(d.problems)),
      p(`根据${c.law2017 ? `${REGULATION}第五十七条第一款` : `${LAW}第七十六条`}的规定，提出如下意见：`),
      p(sentence(d.opinion)),
      p(
        c.law2017
          ? `请你单位自收到本意见书之日起六十日内，将纠正相关行政违法行为或者做好善后工作的情况通报${c.organ}行政复议机构。`
          : '请你单位自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关。',
      ),
    ],
  }),
);

export const recommendationLetter = template<In<typeof recommendationSchema>>(
  'recommendation',
  '行政复议建议书',
  '镇政复建',
  'reconsiderationBody',
  async (f, d, c) => ({
    recipient: `${(await orgName(c.db, d.recipientOrgId)) ?? f.respondentName}：`,
    body: [
      p(`本机构在办理${applicantNames(f)}不服${contested(f)}向${c.organ}申请行政复议一案中，发现以下问题：`),
      p(sentence(d.problems)),
      p(`为促进依法行政，根据${REGULATION}第五十七条第二款的规定，提出如下建议：`),
      p(sentence(d.recommendation)),
      p('请研究处理，并将有关情况函告本机构。'),
    ],
  }),
);
