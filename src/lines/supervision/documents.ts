import type { z } from 'zod';
import type { OfficialDocSpec } from '../../kernel/documents/index.ts';
import { chineseDate, defineTemplate, type TemplateContext } from '../../kernel/workflow/templates.ts';
import { escalations, findingCategories, instruments } from './labels.ts';
import type {
  escalateSchema,
  FindingInput,
  feedbackSchema,
  InspectionInput,
  InstrumentInput,
} from './schemas.ts';
import { findingFacts, inspectionFacts, instrumentFacts } from './store.ts';

/**
 * The line's documents. 法治督察 is the work of the office of the district's committee for law-based governance (the
 * 办事机构 of the 党委法治建设议事协调机构, 督察工作规定), which sits in the bureau: its documents go out in that
 * office's name unless the bureau profile names another issuer for the template (docIssuer.<id>). The
 * law-enforcement supervision instruments are the bureau's own: the county 司法行政部门 is the government's
 * 行政执法监督机构 (行政执法监督条例 第六条).
 */
export const RULE_OF_LAW_OFFICE = '中共宁波市镇海区委全面依法治区委员会办公室';

const p = (text: string) => ({ type: 'paragraph' as const, text });
type Body = OfficialDocSpec['body'];
type In<S extends z.ZodType> = z.output<S>;

/** The committee office's name, unless the profile set this template's issuer. */
async function officeSignature<P>(ctx: TemplateContext<P>) {
  const names = await ctx.names();
  return ctx.issuer.organ === names.bureau ? RULE_OF_LAW_OFFICE : ctx.issuer.signature;
}

export const inspectionNotice = defineTemplate<InspectionInput>({
  id: 'supervision.inspectionNotice',
  title: '法治督察通知书',
  defaultPrefix: '镇法督通',
  render: async (ctx) => {
    const f = await inspectionFacts(ctx.tx, ctx.matter.id);
    return {
      title: '法治督察通知书',
      recipient: f.unit,
      body: [
        p(
          `根据《法治政府建设与责任落实督察工作规定》和${f.plan_name}安排，定于${chineseDate(f.starts_on)}至${chineseDate(f.ends_on)}对你单位法治建设情况开展督察。现将有关事项通知如下：`,
        ),
        p(`一、督察重点：${f.focus}`),
        p(`二、督察组成员：${f.team}`),
        p('三、请你单位对照督察重点开展自查，按督察组要求提供有关文件资料，并指定专人负责联络。'),
        p('特此通知。'),
      ],
      signature: await officeSignature(ctx),
    };
  },
});

export const inspectionFeedback = defineTemplate<In<typeof feedbackSchema>>({
  id: 'supervision.inspectionFeedback',
  title: '法治督察反馈意见书',
  defaultPrefix: '镇法督反',
  render: async (ctx) => {
    const f = await inspectionFacts(ctx.tx, ctx.matter.id);
    const body: Body = [
      p(
        `${chineseDate(f.starts_on)}至${chineseDate(f.ends_on)}，督察组对你单位法治建设情况开展了督察。现将督察意见反馈如下：`,
      ),
      p(ctx.data.summary),
      p(`督察发现法治建设主要问题${f.findings.length}个：`),
      ...f.findings.map((x, i) =>
        p(
          `${i + 1}.【${findingCategories[x.category as keyof typeof findingCategories] ?? x.category}】${x.description}（整改期限：${chineseDate(x.rectify_by)}；问题编号：${x.ref_no}）`,
        ),
      ),
      p('请你单位对照问题逐项制定整改措施，于各问题整改期限届满前书面报送整改情况报告。'),
    ];
    return { title: '法治督察反馈意见书', recipient: f.unit, body, signature: await officeSignature(ctx) };
  },
});

export const rectificationNotice = defineTemplate<FindingInput>({
  id: 'supervision.rectificationNotice',
  title: '法治督察整改通知书',
  defaultPrefix: '镇法督改',
  render: async (ctx) => {
    const f = await findingFacts(ctx.tx, ctx.matter.id);
    return {
      title: '法治督察整改通知书',
      recipient: f.unit,
      body: [
        p(`督察组在对你单位开展法治督察（${f.inspection_ref}）中发现以下问题：`),
        p(`问题类别：${findingCategories[f.category as keyof typeof findingCategories] ?? f.category}`),
        p(`问题描述：${f.description}`),
        p(
          `请你单位于${chineseDate(f.rectify_by)}前完成整改，并书面报送整改措施和整改情况报告。逾期未完成整改的，将予以督促提醒、责任约谈，必要时依照法治督察与纪检监察监督协作配合机制移送纪检监察机关。`,
        ),
        p('特此通知。'),
      ],
      signature: await officeSignature(ctx),
    };
  },
});

export const interviewRecord = defineTemplate<In<typeof escalateSchema>>({
  id: 'supervision.interviewRecord',
  title: '法治督察约谈记录',
  defaultPrefix: '镇法督谈',
  render: async (ctx) => {
    const f = await findingFacts(ctx.tx, ctx.matter.id);
    return {
      title: '法治督察约谈记录',
      body: [
        p(`约谈时间：${chineseDate(ctx.issuedOn)}`),
        p(`被约谈单位：${f.unit}`),
        p(`约谈对象：${ctx.data.interviewee || '（未填写）'}`),
        p(`约谈人：${ctx.data.interviewer || '（未填写）'}`),
        p(
          `约谈事由：督察发现的问题（${ctx.matter.refNo}：${f.description}）整改期限已于${chineseDate(f.rectify_by)}届满，你单位未按期完成整改。`,
        ),
        p(`约谈内容：${ctx.data.content}`),
        p(`督办措施：${escalations[ctx.data.measure]}`),
      ],
      signature: await officeSignature(ctx),
    };
  },
});

/** The basis an instrument cites: the 条例 for matters begun on or after 2026-02-01, the rules then in force before. */
export const instrumentBasis = (issuedOn: string) =>
  issuedOn >= '2026-02-01' ? '根据《行政执法监督条例》' : '根据行政执法监督有关规定';

function instrumentTemplate(kind: keyof typeof instruments, prefix: string, ask: string) {
  return defineTemplate<InstrumentInput>({
    id: `supervision.${kind}`,
    title: instruments[kind],
    defaultPrefix: prefix,
    render: async (ctx) => {
      const f = await instrumentFacts(ctx.tx, ctx.matter.id);
      return {
        title: instruments[kind],
        recipient: f.department,
        body: [
          p(`我局在${f.campaign ?? '行政执法监督'}中发现你单位存在以下问题：`),
          p(f.problems),
          p(`${instrumentBasis(f.issued_on)}，${ask}`),
          p(f.requirements),
          p(`请于${chineseDate(f.reply_by)}前将处理（整改）情况书面回复我局。`),
        ],
      };
    },
  });
}

export const supervisionNotice = instrumentTemplate('notice', '镇司执监通', '现通知你单位：');
export const supervisionRecommendation = instrumentTemplate(
  'recommendation',
  '镇司执监建',
  '现提出如下建议：',
);

export const supervisionTemplates = [
  inspectionNotice,
  inspectionFeedback,
  rectificationNotice,
  interviewRecord,
  supervisionNotice,
  supervisionRecommendation,
];
