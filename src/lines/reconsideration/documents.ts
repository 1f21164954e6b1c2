import { chineseDate } from '../../kernel/workflow/templates.ts';
import type { MatterView } from '../../kernel/workflow/types.ts';
import {
  allParties,
  applicantNames,
  type BuildContext,
  contested,
  type In,
  ITEM,
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
import { serviceCertificate } from './documents-service.ts';
import {
  channels,
  type DecisionType,
  decisionArticles,
  decisionArticles2017,
  decisionGrounds,
  type RefusalGround,
  refusalGrounds,
  refusalItems,
  simplifiedGrounds,
  suspensionCauses,
  terminationCauses,
} from './labels.ts';
import type {
  acceptSchema,
  decideSchema,
  extendSchema,
  hearingNoticeSchema,
  mediateSchema,
  opinionLetterSchema,
  recommendationSchema,
  refuseSchema,
  resumeSchema,
  supplementRequestSchema,
  suspendSchema,
  terminateSchema,
} from './schemas.ts';
import { type ApplicationFacts, orgName } from './store.ts';

/**
 * The documents of a reconsideration matter, each a GB/T 9704 template through the kernel. Who speaks (issue 10
 * §1): the 行政复议机关 (the district government, 第四条、第二十四条) issues decisions, 调解书, 终止决定, 不予受理决定,
 * 受理 and 补正 notices, 中止/恢复/延期 notices and 意见书; the 行政复议机构 (the bureau) issues the receipt, the
 * 答复通知, 听证通知, 准予撤回, the conversion to the ordinary procedure and 建议书, and says that the application was
 * made to and accepted by the 复议机关. The issuer of each comes from settings (docIssuer.<template>). Wording and
 * citations follow the law in force when the application was received (2017 law and 2007 实施条例 before
 * 2024-01-01). Every user-entered text is passed as plain text (the renderer keeps it inert).
 */

// ——— What the history says ———

const step = (m: MatterView, action: string) => m.history.find((h) => h.action === action);
const steps = (m: MatterView, action: string) => m.history.filter((h) => h.action === action).reverse();

/**
 * The acceptance date: the day of the acceptance record, or, when the review period ran out first (2023 law
 * Art. 30(3)), the day it ran out, from which the application counts as accepted.
 */
async function acceptance(c: BuildContext) {
  const { db, matter: m, law2017 } = c;
  // The acceptance notice is rendered within its own step, before the step is in the history: its date is the issue date.
  const on = step(m, 'accept')?.occurredOn ?? c.issuedOn;
  if (law2017) return { on, deemed: false };
  const { rows } = await db.query<{ due: string | null }>(
    `SELECT to_char(due_on, 'YYYY-MM-DD') AS due FROM deadlines WHERE matter_id = $1 AND key = 'acceptance'
     ORDER BY id DESC LIMIT 1`,
    [m.id],
  );
  const due = rows[0]?.due;
  return due && due < on ? { on: due, deemed: true } : { on, deemed: false };
}

const acceptedSentence = (a: { on: string; deemed: boolean }, organ: string) =>
  a.deemed
    ? `审查期限于${chineseDate(a.on)}届满，${organ}未作出不予受理决定，该申请自审查期限届满之日起视为受理`
    : `${organ}于${chineseDate(a.on)}依法受理`;

/** 有…的情形: how a document states a cause of suspension, as the statute lists them (有下列情形之一的). */
const situation = (cause: string) => (cause.endsWith('情形') ? `有${cause}` : `有${cause}的情形`);

// ——— Acceptance review ———

export const receipt = template<unknown>(
  'receipt',
  '行政复议申请收件回执',
  '镇政复收',
  'reconsiderationBody',
  (f, _d, c) => ({
    recipient: `${applicantNames(f)}：`,
    body: [
      p(
        `${you(f)}以${channels[f.channel as keyof typeof channels] ?? '书面'}方式向${c.organ}提出的行政复议申请（被申请人：${f.respondentName}；申请行政复议的行政行为：${f.actTitle}${f.actDocNo ? `，${f.actDocNo}` : ''}）及有关材料，本机构已于${chineseDate(f.receivedOn)}收到。`,
      ),
      p(
        c.law2017
          ? `${c.organ}将依照${LAW}第十七条第一款的规定在五日内进行审查；申请材料不齐全或者表述不清楚的，将依照${REGULATION}第二十九条的规定书面通知补正。`
          : `${c.organ}将依照${LAW}第三十条第一款的规定自收到申请之日起五日内进行审查；申请材料不齐全或者表述不清楚的，将依照第三十一条第一款的规定自收到申请之日起五日内书面通知补正。`,
      ),
      p('本回执仅证明收到申请材料，不表示申请已被受理。'),
    ],
  }),
);

export const acceptanceNotice = template<In<typeof acceptSchema>>(
  'acceptance',
  '行政复议受理通知书',
  '镇政复受',
  'reconsiderationOrgan',
  async (f, d, c) => {
    const a = await acceptance(c);
    return {
      recipient: `${applicantNames(f)}：`,
      body: c.law2017
        ? [
            p(
              `${you(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出的行政复议申请收悉。经审查，该申请符合${LAW}第十七条和${REGULATION}第二十八条规定的受理条件，本机关决定予以受理。`,
            ),
            p(`行政复议期间具体行政行为不停止执行，但有${LAW}第二十一条规定情形的除外。`),
            p('特此通知。'),
          ]
        : [
            p(
              a.deemed
                ? // Art. 30(3): the review period ran out without a refusal; the notice says so rather than "decides".
                  `${you(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出的行政复议申请，审查期限已于${chineseDate(a.on)}届满，本机关未作出不予受理决定。根据${LAW}第三十条第三款的规定，该申请自审查期限届满之日起视为受理。`
                : `${you(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出的行政复议申请收悉。经审查，该申请符合${LAW}第三十条第一款规定的受理条件，本机关决定予以受理。`,
            ),
            p(
              d.procedure === 'simplified'
                ? `本案因${d.simplifiedGround ? simplifiedGrounds[d.simplifiedGround] : '符合第五十三条规定的情形'}，依照${LAW}${simplifiedCite(d.simplifiedGround)}的规定适用简易程序审理。`
                : `本案依照${LAW}第四章第三节的规定适用普通程序审理。`,
            ),
            p(`行政复议期间行政行为不停止执行，但有${LAW}第四十二条规定情形的除外。`),
            p('特此通知。'),
          ],
    };
  },
);

function simplifiedCite(g: keyof typeof simplifiedGrounds | undefined) {
  const items = { onSpot: 1, warningOrSmallFine: 2, smallAmount: 3, infoDisclosure: 4 } as const;
  if (!g) return '第五十三条';
  return g === 'consent' ? '第五十三条第二款' : `第五十三条第一款第${ITEM[items[g]]}项`;
}

export const refusalDecision = template<In<typeof refuseSchema>>(
  'refusal',
  '不予受理行政复议申请决定书',
  '镇政复不受',
  'reconsiderationOrgan',
  (f, d, c) => {
    const ground = d.ground as RefusalGround;
    const item = refusalItems[ground];
    const basis = c.law2017
      ? `该申请不符合${REGULATION}第二十八条第${item.y2017}项的规定。根据${LAW}第十七条第一款的规定，本机关决定不予受理。`
      : ground === 'outsideJurisdiction'
        ? `该申请不属于本机关管辖，不符合${LAW}第三十条第一款第六项的规定。根据${LAW}第三十条第二款的规定，本机关决定不予受理。申请人可以依法向有管辖权的${d.properBody}申请行政复议。`
        : `该申请不符合${LAW}第三十条第一款第${item.y2023}项的规定（${refusalGrounds[ground]}）。根据${LAW}第三十条第二款的规定，本机关决定不予受理。`;
    return {
      body: [
        ...partyLines(f),
        p(`申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出行政复议申请。`),
        p(`经审查，${sentence(d.reason)}`),
        p(basis),
        p('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。'),
      ],
    };
  },
);

export const supplementNotice = template<In<typeof supplementRequestSchema>>(
  'supplementNotice',
  '行政复议申请补正通知书',
  '镇政复补',
  'reconsiderationOrgan',
  (f, d, c) => ({
    recipient: `${applicantNames(f)}：`,
    body: c.law2017
      ? [
          p(
            `${you(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出的行政复议申请收悉。经审查，申请材料不齐全或者表述不清楚，根据${REGULATION}第二十九条的规定，请补正以下事项：`,
          ),
          p(sentence(d.items)),
          p(
            `请${you(f)}自收到本通知书之日起${d.periodDays}日内提交补正材料。无正当理由逾期不补正的，视为${you(f)}放弃行政复议申请。补正申请材料所用时间不计入行政复议审理期限。`,
          ),
          p('特此通知。'),
        ]
      : [
          p(
            `${you(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出的行政复议申请收悉。经审查，申请材料不齐全或者表述不清楚，根据${LAW}第三十一条第一款的规定，请补正以下事项：`,
          ),
          p(sentence(d.items)),
          p(
            `请${you(f)}自收到本通知书之日起十日内提交补正材料；有正当理由不能按期补正的，本机关可以延长合理的补正期限。无正当理由逾期不补正的，视为${you(f)}放弃行政复议申请（${LAW}第三十一条第二款）。`,
          ),
          p('特此通知。'),
        ],
  }),
);

// ——— Hearing the case (acts of the 复议机构) ———

export const replyNotice = template<unknown>(
  'replyNotice',
  '提出行政复议答复通知书',
  '镇政复答',
  'reconsiderationBody',
  async (f, _d, c) => {
    const accepted = acceptedSentence(await acceptance(c), c.organ);
    return {
      recipient: `${f.respondentName}：`,
      body: [
        p(
          `${applicantNames(f)}不服你单位作出的${f.actTitle}${f.actDocNo ? `（${f.actDocNo}）` : ''}，于${chineseDate(f.receivedOn)}向${c.organ}申请行政复议，${accepted}。现将行政复议申请书副本发送你单位。`,
        ),
        p(
          c.law2017
            ? `根据${LAW}第二十三条第一款的规定，请你单位自收到申请书副本之日起十日内，提出书面答复，并提交当初作出具体行政行为的证据、依据和其他有关材料。`
            : f.procedure === 'simplified'
              ? `本案适用简易程序。根据${LAW}第五十四条第一款的规定，请你单位自收到申请书副本之日起五日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。`
              : `根据${LAW}第四十八条的规定，请你单位自收到申请书副本之日起十日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。`,
        ),
        p(
          c.law2017
            ? `被申请人不按照上述规定提出书面答复、提交当初作出具体行政行为的证据、依据和其他有关材料的，视为该具体行政行为没有证据、依据（${LAW}第二十八条第一款第四项）。`
            : `被申请人不按照规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据（${LAW}第七十条）。`,
        ),
        p(`书面答复及有关材料请送交${c.issuer.organ}（行政复议机构）。`),
      ],
    };
  },
);

export const hearingNotice = template<In<typeof hearingNoticeSchema>>(
  'hearingNotice',
  '行政复议听证通知书',
  '镇政复听',
  'reconsiderationBody',
  async (f, d, c) => {
    const accepted = acceptedSentence(await acceptance(c), c.organ);
    return {
      recipient: `${allParties(f)}：`,
      body: [
        p(
          `${applicantNames(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向${c.organ}申请行政复议，${accepted}。本机构根据${c.law2017 ? `${LAW}第二十二条` : `${LAW}第五十条、第五十一条`}的规定，决定举行听证。现将有关事项通知如下：`,
        ),
        p(`一、听证时间：${chineseDate(d.hearingOn)}。`),
        p(`二、听证地点：${d.place}。`),
        p(`三、拟听证事项：${sentence(d.matters)}`),
        p(
          c.law2017
            ? '请各方当事人按时参加听证。'
            : '申请人无正当理由拒不参加听证的，视为放弃听证权利。被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加听证（第五十一条）。',
        ),
      ],
    };
  },
);

export const conversionNotice = template<{ reason: string }>(
  'conversionNotice',
  '行政复议案件转为普通程序审理通知书',
  '镇政复转',
  'reconsiderationBody',
  async (f, d, c) => {
    const accepted = acceptedSentence(await acceptance(c), c.organ);
    return {
      recipient: `${allParties(f)}：`,
      body: [
        p(
          `${applicantNames(f)}不服${contested(f)}，于${chineseDate(f.receivedOn)}向${c.organ}申请行政复议，${accepted}，适用简易程序审理。`,
        ),
        p(
          `因${d.reason}，本案不宜适用简易程序。经行政复议机构负责人批准，根据${LAW}第五十五条的规定，本案转为普通程序审理。`,
        ),
        p('特此通知。'),
      ],
    };
  },
);

// ——— Extension, suspension, resumption (acts of the 复议机关) ———

export const extensionNotice = template<In<typeof extendSchema>>(
  'extensionNotice',
  '行政复议延期审理通知书',
  '镇政复延',
  'reconsiderationOrgan',
  (f, d, c) => ({
    recipient: `${allParties(f)}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，因${d.reason}，不能在规定期限内作出行政复议决定。${
          c.law2017
            ? `经本机关负责人批准，根据${LAW}第三十一条第一款的规定`
            : `经行政复议机构负责人批准，根据${LAW}第六十二条第一款的规定`
        }，本案审理期限延长${d.days}日。`,
      ),
      p('特此通知。'),
    ],
  }),
);

/** 2023 law Art. 39(1) items, and 实施条例（2007）Art. 41(1) items, by cause. */
const suspensionItems: Record<keyof typeof suspensionCauses, { y2023: number; y2017: string }> = {
  applicantDied: { y2023: 1, y2017: `${REGULATION}第四十一条第一款第一项` },
  incapacity: { y2023: 2, y2017: `${REGULATION}第四十一条第一款第二项` },
  missing: { y2023: 3, y2017: `${REGULATION}第四十一条第一款第四项` },
  successorUndetermined: { y2023: 4, y2017: `${REGULATION}第四十一条第一款第三项` },
  forceMajeure: { y2023: 5, y2017: `${REGULATION}第四十一条第一款第五项` },
  mediation: { y2023: 6, y2017: `${REGULATION}第四十一条第一款第八项` },
  otherCase: { y2023: 7, y2017: `${REGULATION}第四十一条第一款第六项` },
  relatedCase: { y2023: 8, y2017: `${REGULATION}第四十一条第一款第七项` },
  incidentalReview: { y2023: 9, y2017: `${LAW}第二十六条` },
  other: { y2023: 10, y2017: `${REGULATION}第四十一条第一款第八项` },
};

export const suspensionNotice = template<In<typeof suspendSchema>>(
  'suspensionNotice',
  '行政复议中止审理通知书',
  '镇政复中',
  'reconsiderationOrgan',
  (f, d, c) => ({
    recipient: `${allParties(f)}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，因${situation(suspensionCauses[d.cause])}，根据${
          c.law2017
            ? suspensionItems[d.cause].y2017
            : `${LAW}第三十九条第一款第${ITEM[suspensionItems[d.cause].y2023]}项、第三款`
        }的规定，本机关决定中止审理。中止原因消除后，本机关将及时恢复审理。`,
      ),
      ...(d.note ? [p(sentence(d.note))] : []),
      p('特此通知。'),
    ],
  }),
);

export const resumptionNotice = template<In<typeof resumeSchema>>(
  'resumptionNotice',
  '行政复议恢复审理通知书',
  '镇政复恢',
  'reconsiderationOrgan',
  (f, d, c) => ({
    recipient: `${allParties(f)}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，中止审理的原因已经消除${d.note ? `（${d.note}）` : ''}，根据${
          c.law2017 ? `${REGULATION}第四十一条第二款、第三款` : `${LAW}第三十九条第二款、第三款`
        }的规定，本机关决定恢复审理。`,
      ),
      p('特此通知。'),
    ],
  }),
);

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

/** The line's templates, declared with the line. */
export const reconsiderationTemplates = [
  receipt,
  acceptanceNotice,
  refusalDecision,
  supplementNotice,
  replyNotice,
  hearingNotice,
  conversionNotice,
  extensionNotice,
  suspensionNotice,
  resumptionNotice,
  withdrawalApproval,
  terminationDecision,
  mediationAgreement,
  decisionLetter,
  opinionLetter,
  recommendationLetter,
  serviceCertificate,
];
