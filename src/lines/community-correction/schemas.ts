/** Intake and action schemas of community correction and resettlement (forms rendered by the generic matter UI). */
import { z } from 'zod';
import { choice, date, note, orgPick, text } from '../../kernel/fields/fields.ts';
import { partyField } from '../../kernel/fields/party.ts';
import { fieldGroup } from '../../kernel/workflow/form-meta.ts';
import {
  assessmentOpinions,
  behaviourLabels,
  correctionTypes,
  courtRulings,
  employments,
  levels,
  measures,
} from './labels.ts';
import { RELEASED_CANDIDATES_URL } from './lookups.ts';

const office = orgPick('司法所', ['justiceOffice']);
const confirm = (title: string) => z.boolean().default(false).meta({ title });

/** 接收: the decision organ's notice and documents; the subject must report in within 10 days (第二十一条). */
export const subjectSchema = z
  .object({
    ...fieldGroup('接收', {
      noticeReceivedOn: date('收到决定机关通知日期'),
      officeId: office,
      correctionType: choice('矫正类别', correctionTypes),
      decisionOrgan: text('决定机关', 100),
      decisionNo: text('判决书/裁定书/决定书文号', 60),
      effectiveOn: date(
        '判决、裁定、决定生效日期',
        '管制、缓刑、假释：自生效之日起十日内报到；暂予监外执行：自收到决定之日起十日内移送（社区矫正法第二十一条）',
      ),
    }),
    ...fieldGroup('社区矫正对象', { subject: partyField }),
    ...fieldGroup('刑罚与矫正期限', {
      offence: text('罪名', 100),
      termStart: date('矫正期起始日'),
      termEnd: date('矫正期届满日'),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.termEnd < d.termStart)
      ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '矫正期届满日不能早于起始日' });
    if (d.noticeReceivedOn < d.effectiveOn && d.correctionType !== 'medicalParole')
      ctx.addIssue({
        code: 'custom',
        path: ['noticeReceivedOn'],
        message: '收到通知日期不能早于判决、裁定生效日期',
      });
    if (d.subject.partyType !== 'person')
      ctx.addIssue({ code: 'custom', path: ['subject', 'partyType'], message: '社区矫正对象应为自然人' });
  });
export type SubjectInput = z.infer<typeof subjectSchema>;

export const reportInSchema = z.object({
  place: text('报到地点', 100),
  note: note('备注', 500),
});

/** 入矫宣告 with the correction team (矫正小组) and the plan (矫正方案) and its level (分类管理). */
export const announceSchema = z.object({
  team: text('矫正小组成员', 200),
  level: choice('管理等级', levels),
  plan: text('矫正方案要点', 2000),
});
export const reviewLevelSchema = z.object({
  level: choice('调整后的管理等级', levels),
  reason: text('调整理由', 500),
});

export const leaveSchema = z
  .object({
    leaveFrom: date('外出起始日'),
    leaveTo: date('返回日'),
    destination: text('目的地', 100),
    reason: text('外出事由', 500),
  })
  .refine((d) => d.leaveTo >= d.leaveFrom, { path: ['leaveTo'], message: '返回日不能早于外出起始日' });
export const decideLeaveSchema = z.object({
  approve: z.boolean().meta({ title: '批准外出' }),
  opinion: text('审批意见', 500),
});

export const monitoringSchema = z.object({ reason: text('使用电子定位装置的情形', 500) });
export const endMonitoringSchema = z.object({ reason: text('解除理由', 500) });

/** A sanction chosen against the benchmark; a measure outside the behaviour's range needs a justification. */
export const sanctionSchema = z.object({
  behaviour: choice('违规情形', behaviourLabels),
  facts: text('违规事实', 2000),
  measure: choice('处理措施', measures),
  justification: note('偏离裁量基准的理由', 1000, '所选措施不在裁量基准范围内时必填'),
});
export const courtRulingSchema = z.object({
  ruling: choice('法院裁定', courtRulings),
  rulingNo: text('裁定书文号', 60),
});

export const transferSchema = z.object({
  newPlace: text('新执行地（市、县）', 100),
  reason: text('变更理由', 500),
});
export const transferStepSchema = z.object({ note: note('情况说明', 500) });
export const transferDecisionSchema = z.object({
  accepted: z.boolean().meta({ title: '新执行地同意接收' }),
  note: note('情况说明', 500),
});

/** 解除矫正 at term end, with the announcement; 假释 and 暂予监外执行 subjects pass to resettlement. */
export const releaseSchema = z.object({
  announced: confirm('已当众宣告解除社区矫正'),
  summary: text('矫正期间表现', 1000),
});

export const assessmentSchema = z.object({
  ...fieldGroup('委托', {
    receivedOn: date('收到调查评估委托函日期'),
    officeId: office,
    requestingOrgan: text('委托机关', 100),
    expedited: confirm('适用刑事案件速裁程序'),
  }),
  ...fieldGroup('被告人/罪犯', { subject: partyField }),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;
export const opinionSchema = z.object({
  opinion: choice('评估意见', assessmentOpinions),
  findings: text('调查情况', 2000),
});

/** A field the picked correction record already answers: the form hides it once the record is chosen. */
const unlessPicked = <S extends z.ZodType>(schema: S): S =>
  schema.meta({ ...schema.meta(), 'x-hideWhenSet': 'correctionMatterId' }) as S;

/** 安置帮教: from the prison's notice, or from a correction subject's release (no re-typing: the matter is picked). */
export const resettlementSchema = z
  .object({
    ...fieldGroup('衔接', {
      noticeReceivedOn: date('收到通知日期'),
      officeId: office,
      correctionMatterId: z
        .number()
        .int()
        .positive()
        .optional()
        .meta({
          title: '解除矫正的社区矫正档案',
          description: '刑罚执行一体化：从社区矫正转入，不必重新录入',
          'x-widget': 'lookup',
          'x-lookup': { url: RELEASED_CANDIDATES_URL },
        }),
      releasedOn: unlessPicked(date('释放（解除矫正）日期').optional()),
      releasingOrgan: unlessPicked(note('释放单位', 100)),
      offence: unlessPicked(note('罪名', 100)),
    }),
    ...fieldGroup('安置帮教对象', { subject: unlessPicked(partyField.optional()) }),
  })
  .superRefine((d, ctx) => {
    if (d.correctionMatterId) return;
    const need = (ok: unknown, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    need(d.subject, 'subject', '请登记安置帮教对象');
    need(d.releasedOn, 'releasedOn', '请填写释放日期');
    need(d.releasingOrgan, 'releasingOrgan', '请填写释放单位');
    need(d.offence, 'offence', '请填写罪名');
  });
export type ResettlementInput = z.infer<typeof resettlementSchema>;

export const contactSchema = z.object({ team: text('帮教小组成员', 200), note: note('衔接情况', 500) });
export const assistSchema = z.object({
  employment: choice('安置情况', employments),
  note: note('帮扶内容', 500),
});
export const visitSchema = z.object({ note: text('走访情况', 500) });
export const keyPersonSchema = z.object({
  keyPerson: z.boolean().meta({ title: '列为重点帮教对象' }),
  reason: text('理由', 500),
});
export const endResettlementSchema = z.object({ note: note('帮教总结', 1000) });
