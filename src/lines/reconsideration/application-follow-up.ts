/**
 * What the 复议机关 does when a decision, 调解书 or 意见书 is not carried out (行政复议法第七十七条至第七十九条; before
 * 2024 the 2017 law's Art. 32–33): orders performance within a period it sets, interviews the respondent's head
 * or circulates a criticism (Art. 77(2)), records the enforcement Art. 78 allots, and the publication of the
 * decision and its copy to the respondent's superior department (Art. 79). Only the ordered period is a number
 * the law leaves to the order (rule xzfy.performance.ordered); Art. 78 and 79 set none ("及时").
 */
import { z } from 'zod';
import { choice, date, note, text } from '../../kernel/fields/fields.ts';
import { action, type CheckContext, type MatterContext } from '../../kernel/workflow/types.ts';
import { staff, underLaw2017 } from './application-common.ts';
import { decisionTypes } from './labels.ts';

export const enforcers = {
  respondent: '作出行政行为的行政机关依法强制执行',
  organ: '行政复议机关依法强制执行',
  court: '申请人民法院强制执行',
} as const;
export const publicationKinds = {
  publish: '向社会公开决定书',
  copyTo: '抄告被申请人的上一级主管部门',
} as const;

export const orderPerformanceSchema = z.object({
  failure: text('不履行或者拖延履行的情况', 1000),
  withinDays: z
    .number()
    .int()
    .min(1, '履行期限至少 1 日')
    .max(365, '履行期限不超过三百六十五日')
    .meta({ title: '限期履行的期限（日）', description: '法律未规定天数，由责令履行通知载明' }),
  respondentReceivedOn: date('被申请人收到责令履行通知的日期', '期限自收到之日的次日起算'),
});
export const interviewSchema = z.object({
  person: text('约谈对象（被申请人的有关负责人）', 100),
  summary: note('约谈情况', 2000),
});
export const criticismSchema = z.object({
  scope: text('通报范围', 200),
  content: text('通报内容', 2000),
});
export const enforcementSchema = z.object({
  by: choice('强制执行的方式（第七十八条）', enforcers),
  against: choice('不履行的一方', { applicant: '申请人', thirdParty: '第三人' }),
  note: note('执行情况', 1000),
});
export const publicationSchema = z.object({
  kind: choice('公开或者抄告（第七十九条）', publicationKinds),
  where: text('公开的途径或者抄告的机关', 200),
});

/** Art. 77(2) lets the interview and the criticism accompany an order to perform, and exists since 2024. */
function alongsideOrder(what: string) {
  return ({ last, rule }: MatterContext) =>
    underLaw2017(rule)
      ? `修订前的行政复议法未规定${what}，本案适用修订前的行政复议法`
      : last('orderPerformance')
        ? null
        : `${what}与责令限期履行一并适用（第七十七条第二款），请先登记“责令限期履行”`;
}

/**
 * Art. 78: a decision upholding the act is enforced by the organ that made it or the court; one changing it, and a
 * 调解书, by the 复议机关 or the court — once the applicant's time to sue has run out without a suit.
 */
async function enforcementRefusal({
  data,
  matter,
  last,
  deadline,
  date,
}: CheckContext<z.output<typeof enforcementSchema>>) {
  const type = String(last('decide')?.payload.decisionType ?? '');
  const allowed =
    matter.state === 'mediated'
      ? ['organ', 'court']
      : type === 'uphold'
        ? ['respondent', 'court']
        : type === 'change'
          ? ['organ', 'court']
          : [];
  const what =
    matter.state === 'mediated'
      ? '行政复议调解书'
      : `“${decisionTypes[type as keyof typeof decisionTypes] ?? type}”决定`;
  if (!allowed.length) return '第七十八条规定的强制执行仅适用于维持、变更行政行为的决定书和行政复议调解书';
  if (!allowed.includes(data.by))
    return {
      message: `${what}由${allowed.map((a) => enforcers[a as keyof typeof enforcers]).join('，或者')}（第七十八条）`,
      errors: [{ field: 'by', message: '该文书不适用所选方式' }],
    };
  if (matter.state === 'mediated') return null;
  const suit = await deadline('applicantSuit');
  if (!suit) return '决定书的送达尚未登记，申请人的起诉期限尚未起算，不能强制执行';
  return suit.dueOn && date <= suit.dueOn
    ? `申请人的起诉期限至 ${suit.dueOn} 届满，逾期不起诉又不履行的方可强制执行（第七十八条）`
    : null;
}

export const followUpActions = {
  orderPerformance: action({
    label: '责令限期履行',
    from: ['decided', 'mediated'],
    to: 'same',
    roles: staff,
    schema: orderPerformanceSchema,
    check: ({ data, date, last }) => {
      const since = last('serveDecision')?.occurredOn ?? last('mediate')?.occurredOn;
      if (data.respondentReceivedOn > date)
        return {
          message: `收到日期 ${data.respondentReceivedOn} 晚于登记日期 ${date}，请在收到后登记`,
          errors: [{ field: 'respondentReceivedOn', message: `不能晚于 ${date}` }],
        };
      return since ? null : '决定书的送达尚未登记，无从认定被申请人不履行';
    },
    correctable: { roles: staff },
    // The respondent's period (not the office's): as long as the order says, from its receipt of the order.
    deadlines: [
      {
        op: 'start',
        key: 'orderedPerformance',
        rule: 'xzfy.performance.ordered',
        from: ({ data }) => data.respondentReceivedOn,
        count: (d) => d.withinDays,
      },
    ],
    describe: (d) => `限${d.withinDays}日内履行，被申请人于 ${d.respondentReceivedOn} 收到`,
  }),
  interviewRespondent: action({
    label: '约谈被申请人负责人',
    from: ['decided', 'mediated'],
    to: 'same',
    roles: staff,
    schema: interviewSchema,
    requires: alongsideOrder('约谈被申请人的有关负责人'),
    correctable: { roles: staff },
    describe: (d) => `约谈${d.person}`,
  }),
  circulateCriticism: action({
    label: '通报批评',
    from: ['decided', 'mediated'],
    to: 'same',
    roles: staff,
    schema: criticismSchema,
    requires: alongsideOrder('通报批评'),
    correctable: { roles: staff },
    describe: (d) => `通报范围：${d.scope}`,
  }),
  recordEnforcement: action({
    label: '登记强制执行',
    from: ['decided', 'mediated'],
    to: 'same',
    roles: staff,
    schema: enforcementSchema,
    check: enforcementRefusal,
    correctable: { roles: staff },
    describe: (d) => enforcers[d.by],
  }),
  recordPublication: action({
    label: '登记决定书公开或抄告',
    from: ['decided'],
    to: 'same',
    roles: staff,
    schema: publicationSchema,
    requires: ({ rule, last }) =>
      underLaw2017(rule)
        ? '修订前的行政复议法未规定决定书的公开和抄告，本案适用修订前的行政复议法'
        : last('serveDecision')
          ? null
          : '决定书送达后发生法律效力，公开或者抄告的是发生法律效力的决定书（第七十九条），请先登记决定书送达',
    check: ({ data, matter }) =>
      data.kind === 'copyTo' &&
      matter.history.some((h) => h.action === 'recordPublication' && h.payload.kind === 'copyTo')
        ? '决定书已经抄告'
        : null,
    correctable: { roles: staff },
    describe: (d) => `${publicationKinds[d.kind]}：${d.where}`,
  }),
};
