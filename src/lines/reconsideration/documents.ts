import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { chineseDate, defineTemplate } from '../../kernel/workflow/templates.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import {
  type DecisionType,
  decisionArticles,
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
import { type ApplicationFacts, applicationFacts, orgName } from './store.ts';

/**
 * The twelve documents of a reconsideration matter, each a GB/T 9704 template through the kernel. Wording follows
 * the 2023 Administrative Reconsideration Law; every user-entered text is passed as plain text (the renderer keeps
 * it inert).
 */

const LAW = '《中华人民共和国行政复议法》';

/** 张三、李四; a collective application reads 张三、李四、王五等12人. */
const applicantNames = (f: ApplicationFacts) =>
  f.applicants.length > 5
    ? `${f.applicants
        .slice(0, 3)
        .map((a) => a.name)
        .join('、')}等${f.applicants.length}人`
    : f.applicants.map((a) => a.name).join('、');
const contested = (f: ApplicationFacts) =>
  `${f.respondentName}作出的${f.actTitle}${f.actDocNo ? `（${f.actDocNo}）` : ''}`;
const p = (text: string) => ({ type: 'paragraph' as const, text });
/** The parties block that opens a decision, a mediation agreement or a termination. */
const partyLines = (f: ApplicationFacts) => [
  p(`申请人：${applicantNames(f)}`),
  p(`被申请人：${f.respondentName}`),
  ...(f.thirdParties.length ? [p(`第三人：${f.thirdParties.map((t) => t.name).join('、')}`)] : []),
];

type Body = OfficialDocSpec['body'];
interface Built {
  recipient?: string;
  body: Body;
  title?: string;
}

/** The data a template receives: what the issuing step's schema outputs. */
type In<S extends z.ZodType> = z.output<S>;

/** A template of an application's document, built from the application's facts and the issuing step's data. */
function template<P>(
  id: string,
  title: string,
  prefix: string,
  build: (f: ApplicationFacts, data: P, ctx: { db: Queryable; issuedOn: string }) => Promise<Built> | Built,
) {
  return defineTemplate<P>({
    id: `reconsideration.${id}`,
    title,
    defaultPrefix: prefix,
    render: async ({ tx, matter, data, issuedOn }) => {
      const facts = await applicationFacts(tx, matter.id);
      const built = await build(facts, data, { db: tx, issuedOn });
      return {
        title: built.title ?? title,
        ...(built.recipient ? { recipient: built.recipient } : {}),
        body: built.body,
      };
    },
  });
}

/** The operative sentence of a decision, worded as Art. 63–69 word it. */
function decisionWording(type: DecisionType, f: ApplicationFacts, days: number | null): string {
  const act = `${f.respondentName}作出的${f.actTitle}${f.actDocNo ? `（${f.actDocNo}）` : ''}`;
  const within = days ? `自收到本决定书之日起${days}日内` : '在一定期限内';
  switch (type) {
    case 'change':
      return `变更${act}`;
    case 'revoke':
      return `撤销${act}`;
    case 'revokeRedo':
      return `撤销${act}，责令被申请人${within}重新作出行政行为`;
    case 'confirmIllegal':
      return `确认${act}违法`;
    case 'confirmIllegalRedo':
      return `确认${act}违法，责令被申请人${within}采取补救措施`;
    case 'orderPerform':
      return `责令${f.respondentName}${within}履行法定职责`;
    case 'confirmInvalid':
      return `确认${act}无效`;
    case 'uphold':
      return `维持${act}`;
    case 'dismiss':
      return '驳回申请人的行政复议请求';
  }
}

export const acceptanceNotice = template<In<typeof acceptSchema>>(
  'acceptance',
  '行政复议受理通知书',
  '镇司复受',
  (f, d) => ({
    recipient: `${applicantNames(f)}：`,
    body: [
      p(
        `你（单位）不服${contested(f)}，于${chineseDate(f.receivedOn)}提出的行政复议申请收悉。经审查，该申请符合${LAW}第三十条第一款规定的受理条件，本机关决定予以受理。`,
      ),
      p(
        d.procedure === 'simplified'
          ? `本案因${d.simplifiedGround ? simplifiedGrounds[d.simplifiedGround] : '符合第五十三条规定的情形'}，依照${LAW}第五十三条的规定适用简易程序审理。`
          : `本案依照${LAW}第四章第三节的规定适用普通程序审理。`,
      ),
      p('行政复议期间行政行为不停止执行，但有法律规定情形的除外。'),
      p('特此通知。'),
    ],
  }),
);
export const refusalDecision = template<In<typeof refuseSchema>>(
  'refusal',
  '不予受理行政复议申请决定书',
  '镇司复不受',
  (f, d) => ({
    body: [
      p(`申请人：${applicantNames(f)}`),
      p(`申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关提出行政复议申请。`),
      p(`经审查，${d.reason}`),
      p(`根据${LAW}${d.legalBasis || '第三十条第一款'}的规定，本机关决定不予受理。`),
      p('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。'),
    ],
  }),
);
export const supplementNotice = template<In<typeof supplementRequestSchema>>(
  'supplementNotice',
  '行政复议申请补正通知书',
  '镇司复补',
  (f, d) => ({
    recipient: `${applicantNames(f)}：`,
    body: [
      p(
        `你（单位）不服${contested(f)}，于${chineseDate(f.receivedOn)}提出的行政复议申请收悉。经审查，申请材料不齐全或者表述不清楚，根据${LAW}第三十一条的规定，请补正以下事项：`,
      ),
      p(d.items),
      p('请自收到本通知书之日起十日内提交补正材料。无正当理由逾期不补正的，视为你（单位）放弃行政复议申请。'),
      p('特此通知。'),
    ],
  }),
);
export const replyNotice = template<unknown>('replyNotice', '提出行政复议答复通知书', '镇司复答', (f) => ({
  recipient: `${f.respondentName}：`,
  body: [
    p(
      `${applicantNames(f)}不服你单位作出的${f.actTitle}${f.actDocNo ? `（${f.actDocNo}）` : ''}，向本机关申请行政复议，本机关已依法受理。现将行政复议申请书副本发送你单位。`,
    ),
    p(
      f.procedure === 'simplified'
        ? `本案适用简易程序。根据${LAW}第五十四条的规定，请你单位自收到申请书副本之日起五日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。`
        : `根据${LAW}第四十八条的规定，请你单位自收到申请书副本之日起十日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料。`,
    ),
    p(
      `被申请人不按照规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据（第七十条）。`,
    ),
  ],
}));
export const hearingNotice = template<In<typeof hearingNoticeSchema>>(
  'hearingNotice',
  '行政复议听证通知书',
  '镇司复听',
  (f, d) => ({
    recipient: `${applicantNames(f)}、${f.respondentName}${f.thirdParties.length ? `、${f.thirdParties.map((t) => t.name).join('、')}` : ''}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，本机关根据${LAW}第五十条、第五十一条的规定，决定举行听证。现将有关事项通知如下：`,
      ),
      p(`一、听证时间：${chineseDate(d.hearingOn)}。`),
      p(`二、听证地点：${d.place}。`),
      p(`三、拟听证事项：${d.matters}`),
      p(
        '申请人无正当理由拒不参加听证的，视为放弃听证权利。被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加听证。',
      ),
    ],
  }),
);
export const extensionNotice = template<In<typeof extendSchema>>(
  'extensionNotice',
  '行政复议延期审理通知书',
  '镇司复延',
  (f, d) => ({
    recipient: `${applicantNames(f)}、${f.respondentName}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，因${d.reason}，不能在规定期限内作出行政复议决定。经行政复议机构负责人批准，根据${LAW}第六十二条第一款的规定，审理期限延长${d.days}日。`,
      ),
      p('特此通知。'),
    ],
  }),
);
export const suspensionNotice = template<In<typeof suspendSchema>>(
  'suspensionNotice',
  '行政复议中止审理通知书',
  '镇司复中',
  (f, d) => ({
    recipient: `${applicantNames(f)}、${f.respondentName}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，因${suspensionCauses[d.cause]}，根据${LAW}第三十九条的规定，本机关决定中止审理。中止原因消除后，本机关将及时恢复审理。`,
      ),
      ...(d.note ? [p(d.note)] : []),
      p('特此通知。'),
    ],
  }),
);
export const resumptionNotice = template<In<typeof resumeSchema>>(
  'resumptionNotice',
  '行政复议恢复审理通知书',
  '镇司复恢',
  (f, d) => ({
    recipient: `${applicantNames(f)}、${f.respondentName}：`,
    body: [
      p(
        `关于${applicantNames(f)}不服${contested(f)}一案，中止审理的原因已经消除${d.note ? `（${d.note}）` : ''}，根据${LAW}第四十条的规定，本机关决定恢复审理。`,
      ),
      p('特此通知。'),
    ],
  }),
);
export const terminationDecision = template<In<typeof terminateSchema>>(
  'termination',
  '行政复议终止决定书',
  '镇司复终',
  (f, d) => ({
    body: [
      ...partyLines(f),
      p(`申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关申请行政复议，本机关依法受理。`),
      p(`行政复议期间，${terminationCauses[d.cause]}。${d.note}`),
      p(`根据${LAW}第四十一条的规定，本机关决定终止行政复议。`),
    ],
  }),
);
export const mediationAgreement = template<In<typeof mediateSchema>>(
  'mediation',
  '行政复议调解书',
  '镇司复调',
  (f, d) => ({
    body: [
      ...partyLines(f),
      p(`申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关申请行政复议，本机关依法受理。`),
      p(`行政复议请求：${f.request}`),
      p(`经本机关主持调解，当事人自愿达成如下协议：`),
      p(d.agreement),
      p(
        `本调解书根据${LAW}第七十三条的规定制作，经各方当事人签字或者签章，并加盖行政复议机关印章，即具有法律效力。`,
      ),
    ],
  }),
);
export const decisionLetter = template<In<typeof decideSchema>>(
  'decision',
  '行政复议决定书',
  '镇司复',
  (f, d) => {
    const type = d.decisionType;
    return {
      body: [
        ...partyLines(f),
        p(
          `申请人不服${contested(f)}，于${chineseDate(f.receivedOn)}向本机关申请行政复议，本机关依法受理。本案适用${f.procedure === 'simplified' ? '简易' : '普通'}程序审理，现已审理终结。`,
        ),
        p(`申请人请求：${f.request}`),
        p(`经审理查明：${d.findings}`),
        p(`本机关认为：${d.reasoning}`),
        p(
          `根据${LAW}${decisionArticles[type]}的规定，本机关决定：${decisionWording(type, f, d.redoWithinDays ?? null)}。`,
        ),
        p('申请人如不服本决定，可以自收到本决定书之日起十五日内，依法向人民法院提起行政诉讼。'),
      ],
    };
  },
);
export const opinionLetter = template<In<typeof opinionLetterSchema>>(
  'opinionLetter',
  '行政复议意见书',
  '镇司复意',
  async (f, d, { db }) => ({
    recipient: `${(await orgName(db, d.recipientOrgId)) ?? f.respondentName}：`,
    body: [
      p(`本机关在办理${applicantNames(f)}不服${contested(f)}一案中，发现你单位存在以下问题：`),
      p(d.problems),
      p(`根据${LAW}第七十六条的规定，提出如下意见：`),
      p(d.opinion),
      p('请你单位自收到本意见书之日起六十日内，将纠正相关违法或者不当行政行为的情况报送本机关。'),
    ],
  }),
);
export const recommendationLetter = template<In<typeof recommendationSchema>>(
  'recommendation',
  '行政复议建议书',
  '镇司复建',
  async (f, d, { db }) => ({
    recipient: `${(await orgName(db, d.recipientOrgId)) ?? f.respondentName}：`,
    body: [
      p(`本机关在办理${applicantNames(f)}不服${contested(f)}一案中，发现以下问题：`),
      p(d.problems),
      p(`为促进依法行政，根据${LAW}和《中华人民共和国行政复议法实施条例》的有关规定，提出如下建议：`),
      p(d.recommendation),
      p('请研究处理，并将有关情况函告本机关。'),
    ],
  }),
);

/** The line's templates, declared with the line. */
export const reconsiderationTemplates = [
  acceptanceNotice,
  refusalDecision,
  supplementNotice,
  replyNotice,
  hearingNotice,
  extensionNotice,
  suspensionNotice,
  resumptionNotice,
  terminationDecision,
  mediationAgreement,
  decisionLetter,
  opinionLetter,
  recommendationLetter,
];
