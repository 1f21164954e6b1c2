import { z } from 'zod';
import { choice, date, note, optionalText, orgPick, text } from '../../kernel/fields/fields.ts';
import { partyField, representativeField } from '../../kernel/fields/party.ts';
import { confirmOnly, fieldGroup } from '../../kernel/workflow/form-meta.ts';
import {
  actKinds,
  approvals,
  channels,
  committeeGrounds,
  correctionTypes,
  decisionGroundLabels,
  decisionTypes,
  hearingMethods,
  procedures,
  refusalGrounds,
  serviceMethods,
  simplifiedGrounds,
  suspensionCauses,
  terminationCauses,
} from './labels.ts';

export const applicationSchema = z
  .object({
    ...fieldGroup('收件信息', {
      receivedOn: date('收件日期'),
      channel: choice('申请方式', channels),
    }),
    ...fieldGroup('当事人', {
      applicants: z.array(partyField).min(1, '至少登记一名申请人').max(50).meta({ title: '申请人' }),
      representatives: z.array(representativeField).max(10).default([]).meta({ title: '委托代理人' }),
      thirdParties: z.array(partyField).max(20).default([]).meta({ title: '第三人' }),
    }),
    ...fieldGroup('被申请的行政行为', {
      respondentOrgId: orgPick('被申请人', ['department']),
      actKind: choice('行政行为类别', actKinds),
      actTitle: text('被申请的行政行为', 200),
      actDocNo: optionalText('行政行为文书编号', 100),
      actDate: date('行政行为作出日期'),
      actKnownOn: date('知道该行政行为的日期', '申请期限自知道或者应当知道该行政行为之日起计算（第二十条）'),
      realProperty: z.boolean().default(false).meta({ title: '涉及不动产' }),
      rightNotInformed: z.boolean().default(false).meta({
        title: '行政机关未告知申请行政复议的权利、行政复议机关和申请期限',
        description:
          '申请期限自知道或者应当知道上述事项之日起计算，但自知道或者应当知道行政行为内容之日起最长不得超过一年（第二十条第三款）',
      }),
      rightKnownOn: date('知道申请行政复议的权利、机关和期限的日期')
        .optional()
        .meta({
          'x-showWhen': { field: 'rightNotInformed', in: [true] },
        }),
    }),
    // Art. 32(1): a penalty made on the spot (or on the record of an electronic monitor) may be contested through
    // the organ that made it, which forwards the application within five working days (Art. 32(2), Art. 88(2)).
    ...fieldGroup('经原处罚机关提交', {
      viaPenaltyOrgan: z.boolean().default(false).meta({
        title: '通过作出行政处罚决定的行政机关提交（第三十二条）',
        description: '当场作出或者依据电子技术监控设备记录的违法事实作出的行政处罚决定',
      }),
      penaltyOrganReceivedOn: date(
        '该行政机关收到申请的日期',
        '该机关应当自收到之日起五日内转送行政复议机关（第三十二条第二款）',
      )
        .optional()
        .meta({ 'x-showWhen': { field: 'viaPenaltyOrgan', in: [true] } }),
    }),
    ...fieldGroup('行政复议请求', {
      request: text('行政复议请求', 2000),
      facts: note('事实和理由', 10000),
      allowDuplicate: confirmOnly(
        z.boolean().default(false).meta({
          title: '确认重复申请仍登记',
          description: '同一申请人对同一行政行为已有未办结申请时才需勾选',
        }),
      ),
    }),
  })
  .superRefine((d, ctx) => {
    if (d.actKnownOn < d.actDate)
      ctx.addIssue({
        code: 'custom',
        path: ['actKnownOn'],
        message: '知道行政行为的日期不能早于行政行为作出日期',
      });
    if (d.receivedOn < d.actKnownOn)
      ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: '收件日期不能早于知道行政行为的日期' });
    if (
      d.rightNotInformed &&
      d.rightKnownOn &&
      (d.rightKnownOn < d.actKnownOn || d.rightKnownOn > d.receivedOn)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['rightKnownOn'],
        message: '知道申请复议权利的日期应在知道行政行为之日与收件日期之间',
      });
    if (!d.viaPenaltyOrgan) return;
    if (d.actKind !== 'penalty')
      ctx.addIssue({
        code: 'custom',
        path: ['viaPenaltyOrgan'],
        message: '只有对行政处罚决定不服的申请才可以通过作出处罚决定的行政机关提交（第三十二条第一款）',
      });
    if (!d.penaltyOrganReceivedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['penaltyOrganReceivedOn'],
        message: '请填写该行政机关收到申请的日期',
      });
    else if (d.penaltyOrganReceivedOn < d.actKnownOn || d.penaltyOrganReceivedOn > d.receivedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['penaltyOrganReceivedOn'],
        message: '该行政机关收到申请的日期应在知道行政行为之日与收件日期之间',
      });
  });
export type ApplicationInput = z.infer<typeof applicationSchema>;
/** What a caller sends (the demo, an import): fields with defaults may be left out. */
export type ApplicationForm = z.input<typeof applicationSchema>;

export const supplementRequestSchema = z.object({
  items: text('需要补正的事项', 2000),
  // 实施条例（2007）第二十九条: the notice states a reasonable period; the 2023 law fixes ten working days.
  periodDays: z.number().int().min(1, '补正期限至少 1 日').max(60, '补正期限不宜超过六十日').optional().meta({
    title: '补正期限（日）',
    description: '2024年1月1日前收到的申请（实施条例第二十九条）应写明合理的补正期限；此后收到的申请为十日',
  }),
});
export const supplementExtendSchema = z.object({
  days: z
    .number()
    .int()
    .min(1, '延长天数至少 1 日')
    .max(30, '延长天数不宜超过三十日')
    .meta({ title: '延长天数（日）' }),
  reason: text('申请人不能按期补正的正当理由', 1000),
});
export const supplementReceivedSchema = z.object({
  note: note('补正情况', 1000),
});
export const acceptSchema = z
  .object({
    procedure: choice('审理程序', procedures),
    simplifiedGround: choice('适用简易程序的情形（第五十三条）', simplifiedGrounds)
      .optional()
      .meta({ 'x-showWhen': { field: 'procedure', in: ['simplified'] } }),
  })
  .superRefine((d, ctx) => {
    if (d.procedure === 'simplified' && !d.simplifiedGround)
      ctx.addIssue({
        code: 'custom',
        path: ['simplifiedGround'],
        message: '适用简易程序应写明第五十三条规定的情形',
      });
  });
export const refuseSchema = z
  .object({
    ground: choice('不予受理的情形（第三十条第一款）', refusalGrounds),
    reason: text('不予受理的理由', 2000),
    properBody: optionalText('有管辖权的行政复议机关', 100).meta({
      title: '有管辖权的行政复议机关',
      description: '不属于本机关管辖的，应当在决定中告知（第三十条第二款）',
      'x-showWhen': { field: 'ground', in: ['outsideJurisdiction'] },
    }),
  })
  .superRefine((d, ctx) => {
    if (d.ground === 'outsideJurisdiction' && !d.properBody)
      ctx.addIssue({
        code: 'custom',
        path: ['properBody'],
        message: '不属于本机关管辖的，应当告知申请人有管辖权的行政复议机关',
      });
  });
export const redirectSchema = z.object({
  properBody: text('有权受理的行政复议机关', 100),
  reason: note('说明', 1000),
});
export const sendCopySchema = z.object({
  note: note('送达说明', 500),
});
/** One item of the respondent's evidence and grounds (Art. 48: 证据、依据和其他有关材料), as the file lists it. */
export const evidenceItemSchema = z.object({
  name: text('证据、依据名称', 200),
  pages: z.number().int().min(1, '页数至少为 1').max(10000).optional().meta({ title: '页数' }),
  source: optionalText('来源', 100),
});
export const replySchema = z
  .object({
    summary: note('答复要点', 5000, '决定书“被申请人称”一段据此写明'),
    replyTitle: optionalText('答复书（标题或文号）', 100),
    replyPages: z.number().int().min(1, '页数至少为 1').max(10000).optional().meta({ title: '答复书页数' }),
    evidenceSubmitted: z.boolean().default(true).meta({ title: '已提交证据、依据' }),
    evidence: z.array(evidenceItemSchema).max(200).default([]).meta({ title: '证据、依据清单' }),
  })
  .superRefine((d, ctx) => {
    if (!d.evidenceSubmitted && d.evidence.length)
      ctx.addIssue({
        code: 'custom',
        path: ['evidenceSubmitted'],
        message: '已列出证据、依据清单的，请勾选“已提交证据、依据”',
      });
  });
export const hearingNoticeSchema = z.object({
  hearingOn: date('听证日期'),
  place: text('听证地点', 100),
  matters: text('拟听证事项', 1000),
});
export const hearingHeldSchema = z.object({
  summary: note('听证情况', 5000),
});
export const extendSchema = z.object({
  days: z
    .number()
    .int()
    .min(1, '延长天数至少 1 日')
    .max(30, '延长期限最多不得超过三十日')
    .meta({ title: '延长天数（日）' }),
  reason: text('延期理由', 1000),
  approvedBy: text('批准人（行政复议机构负责人；2024年1月1日前收到的申请为行政复议机关负责人）', 50),
});
export const suspendSchema = z.object({
  cause: choice('中止原因（第三十九条）', suspensionCauses),
  note: note('说明', 1000),
});
export const resumeSchema = z.object({
  note: note('恢复审理的理由', 1000),
});
export const terminateSchema = z.object({
  cause: choice('终止原因（第四十一条）', terminationCauses),
  note: note('说明', 1000),
});
export const mediateSchema = z.object({
  agreement: text('调解协议内容', 5000),
});
export const hearPartiesSchema = z.object({
  method: choice('听取意见的方式（第四十九条）', hearingMethods),
  applicantOpinion: note('申请人的意见', 5000),
  thirdPartyOpinion: note('第三人的意见', 5000, '有第三人的，决定书写明其意见'),
});
export const consultCommitteeSchema = z.object({
  ground: choice('提请咨询的情形（第五十二条第二款）', committeeGrounds),
  opinion: text('行政复议委员会的咨询意见', 5000),
});
export const decideSchema = z.object({
  decisionType: choice(
    '决定类型',
    decisionTypes,
    `计为纠错：${correctionTypes.map((t) => decisionTypes[t]).join('、')}；维持、驳回复议请求、驳回申请不计为纠错。驳回复议请求仅用于不履行法定职责案件（第六十九条）`,
  ).meta({
    // A long list: searchable; the choice says at once whether it counts as 纠错 (纠错率's numerator).
    'x-widget': 'search',
    'x-enumNotes': Object.fromEntries(
      Object.entries(decisionTypes).map(([k, label]) => [
        k,
        (correctionTypes as readonly string[]).includes(k)
          ? `“${label}”计为纠错（计入纠错率）`
          : `“${label}”不计为纠错`,
      ]),
    ),
  }),
  ground: choice('决定所依据的情形', decisionGroundLabels)
    .optional()
    .meta({
      'x-showWhen': {
        field: 'decisionType',
        in: [
          'change',
          'revoke',
          'partRevoke',
          'revokeRedo',
          'confirmIllegal',
          'confirmIllegalRedo',
          'agreement',
          'rejectApplication',
        ],
      },
    }),
  changedTo: optionalText('变更后的内容', 1000).meta({
    title: '变更后的内容（第六十三条）',
    'x-showWhen': { field: 'decisionType', in: ['change'] },
  }),
  revokedPart: optionalText('撤销的部分', 1000).meta({
    title: '撤销的部分（第六十四条）',
    'x-showWhen': { field: 'decisionType', in: ['partRevoke'] },
  }),
  remedy: optionalText('责令被申请人承担的责任或者补救措施', 1000).meta({
    title: '责令承担的责任、补救措施或者补偿（第七十一条、第七十二条）',
    'x-showWhen': { field: 'decisionType', in: ['confirmIllegalRedo', 'agreement'] },
  }),
  compensation: choice('一并提出的行政赔偿请求（第七十二条）', {
    none: '未提出',
    awarded: '决定被申请人依法给予赔偿',
    rejected: '驳回行政赔偿请求',
  }).default('none'),
  compensationTerms: optionalText('赔偿的内容', 1000).meta({
    title: '赔偿的内容',
    'x-showWhen': { field: 'compensation', in: ['awarded'] },
  }),
  // The decision prints 经审理查明： and 本机关认为： itself; the same words typed by the clerk are dropped there.
  findings: text('经审理查明的事实', 10000),
  reasoning: text('本机关认为（理由）', 10000),
  thirdPartyOpinion: note('第三人的意见', 5000, '未在听取意见时记录的，可在此写明'),
  approval: choice('决定的审批（第六十一条第一款）', approvals),
  approvedBy: text('批准的负责人或者讨论的会议', 100),
  committeeRequired: z.boolean().default(false).meta({
    title: '属于应当提请行政复议委员会咨询的案件',
    description:
      '案情重大、疑难、复杂，专业性、技术性较强，或者第二十四条第二款规定的案件（第五十二条第二款第一至三项）',
  }),
  redoWithinDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .meta({
      title: '责令重新作出/履行的期限（日）',
      'x-showWhen': { field: 'decisionType', in: ['revokeRedo', 'confirmIllegalRedo', 'orderPerform'] },
    }),
});
export const opinionLetterSchema = z.object({
  recipientOrgId: orgPick('收文机关', ['department']),
  problems: text('发现的问题', 5000),
  opinion: text('纠正意见', 5000),
});
export const opinionReportedSchema = z.object({
  summary: text('纠正情况', 5000),
});
export const recommendationSchema = z.object({
  recipientOrgId: orgPick('收文机关', ['department']),
  problems: text('发现的问题', 5000),
  recommendation: text('建议', 5000),
});
export const performanceSchema = z.object({
  performed: z.boolean().meta({ title: '被申请人已履行' }),
  note: note('履行情况', 1000),
});

export const serviceSchema = z.object({
  method: choice('送达方式', serviceMethods),
  recipient: optionalText('签收人', 100),
});
