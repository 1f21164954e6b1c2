/** Pre-sentence investigation (调查评估, 社区矫正法 第十八条): 10 working days, 5 in 速裁 cases, from the request. */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { action } from '../../kernel/workflow/types.ts';
import { correctionOffices, staff } from './common.ts';
import { assessmentOpinionDoc } from './documents.ts';
import { assessmentOpinions } from './labels.ts';
import { type AssessmentInput, assessmentSchema, opinionSchema } from './schemas.ts';
import { insertAssessment, justiceOffice, maskedName } from './store.ts';

export const assessmentKind: MatterKindDef<AssessmentInput> = {
  id: 'assessment',
  label: '调查评估',
  refPrefix: '镇社矫评收',
  states: { investigating: { label: '调查评估中' }, submitted: { label: '已提交意见', terminal: true } },
  initial: 'investigating',
  create: {
    label: '登记调查评估委托',
    roles: staff,
    owners: correctionOffices,
    schema: assessmentSchema,
    date: (d) => d.receivedOn,
    dateField: 'receivedOn',
    toMatter: async (d, _actor, tx) => {
      const office = await justiceOffice(tx, d.officeId);
      return {
        title: `${maskedName(d.subject.name)}调查评估（${d.requestingOrgan}委托）`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.receivedOn,
        searchText: [d.subject.name, d.requestingOrgan].join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertAssessment(tx, actor, matter.id, data),
    deadlines: [
      {
        op: 'start',
        key: 'assessment',
        rule: {
          among: ['sqjz.assessment', 'sqjz.assessment.expedited'],
          pick: (d) => (d.expedited ? 'sqjz.assessment.expedited' : 'sqjz.assessment'),
        },
      },
    ],
  },
  actions: {
    submitOpinion: action({
      label: '提交调查评估意见',
      from: ['investigating'],
      to: 'submitted',
      roles: staff,
      primary: true,
      closes: true,
      schema: opinionSchema,
      apply: async ({ tx, matter, data, date }) => {
        await tx.query(
          'UPDATE correction_assessments SET opinion = $2, submitted_on = $3 WHERE matter_id = $1',
          [matter.id, data.opinion, date],
        );
      },
      deadlines: [{ op: 'meet', key: 'assessment' }],
      documents: [{ template: assessmentOpinionDoc }],
      describe: (d) => assessmentOpinions[d.opinion],
    }),
  },
};
