import { chineseDate } from '../../kernel/workflow/templates.ts';
import {
  allParties,
  applicantNames,
  contested,
  type In,
  ITEM,
  LAW,
  p,
  partyLines,
  REGULATION,
  sentence,
  template,
  you,
} from './documents-common.ts';
import { acceptance, acceptedSentence, situation } from './documents-history.ts';
import {
  decisionLetter,
  mediationAgreement,
  opinionLetter,
  recommendationLetter,
  terminationDecision,
  withdrawalApproval,
} from './documents-outcome.ts';
import { serviceCertificate } from './documents-service.ts';
import {
  channels,
  type RefusalGround,
  refusalGrounds,
  refusalItems,
  simplifiedGrounds,
  suspensionCauses,
} from './labels.ts';
import type {
  acceptSchema,
  extendSchema,
  hearingNoticeSchema,
  refuseSchema,
  resumeSchema,
  supplementRequestSchema,
  suspendSchema,
} from './schemas.ts';
/**
 * The documents of a reconsideration matter, each a GB/T 9704 template through the kernel. Who speaks (issue 10
 * §1): the 行政复议机关 (the district government, 第四条、第二十四条) issues decisions, 调解书, 终止决定, 不予受理决定,
 * 受理 and 补正 notices, 中止/恢复/延期 notices and 意见书; the 行政复议机构 (the bureau) issues the receipt, the
 * 答复通知, 听证通知, 准予撤回, the conversion to the ordinary procedure and 建议书, and says that the application was
 * made to and accepted by the 复议机关. The issuer of each comes from settings (docIssuer.<template>). Wording and
 * citations follow the law in force when the application was received (2017 law and 2007 实施条例 before
 * 2024-01-01). Every user-entered text is passed as plain text (the renderer keeps it inert).
 */

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
