/**
 * The correction subject (社区矫正对象): reception and report-in, 入矫宣告 with the team and plan, supervision (leave,
 * electronic monitoring, change of residence), sanctions against the discretion benchmark, revocation, release.
 */
import type { MatterKindDef } from '../../kernel/workflow/types.ts';
import { correctionOffices, staff } from './common.ts';
import { subjectDetails } from './details.ts';
import { correctionTypes } from './labels.ts';
import { type SubjectInput, subjectSchema } from './schemas.ts';
import { insertSubject, justiceOffice, maskedName } from './store.ts';
import { releaseActions, sanctionActions, supervisionActions } from './subject-actions.ts';
import { transferActions } from './subject-transfer.ts';

export const subjectKind: MatterKindDef<SubjectInput> = {
  id: 'subject',
  label: '社区矫正对象',
  refPrefix: '镇社矫',
  states: {
    notified: { label: '待报到' },
    supervising: { label: '在矫' },
    transferring: { label: '变更执行地办理中' },
    revoking: { label: '提请撤销/收监中' },
    released: { label: '解除矫正', terminal: true },
    revoked: { label: '撤销缓刑假释/收监执行', terminal: true },
    transferredOut: { label: '已变更执行地', terminal: true },
  },
  details: subjectDetails,
  initial: 'notified',
  create: {
    label: '接收社区矫正对象',
    roles: staff,
    owners: correctionOffices,
    schema: subjectSchema,
    date: (d) => d.noticeReceivedOn,
    dateField: 'noticeReceivedOn',
    toMatter: async (d, _actor, tx) => {
      const office = await justiceOffice(tx, d.officeId);
      return {
        // The title never carries the full name (lists, the workbench); the record shows it to its readers.
        title: `${maskedName(d.subject.name)}（${correctionTypes[d.correctionType]}）`,
        ownerOrgId: office.id,
        regionCode: office.region_code,
        openedOn: d.noticeReceivedOn,
        searchText: [d.subject.name, d.decisionNo, d.offence].join(' '),
        sensitive: true,
      };
    },
    apply: async ({ tx, actor, matter, data }) => insertSubject(tx, actor, matter.id, data),
    deadlines: [
      {
        op: 'start',
        key: 'reportIn',
        // 管制、缓刑、假释: report in within 10 days of the judgment taking effect; 暂予监外执行: handed over within
        // 10 days of the decision (社区矫正法 第二十一条). A missed one shows overdue: the alert.
        rule: {
          among: ['sqjz.report-in', 'sqjz.handover.jianwai'],
          pick: (d) => (d.correctionType === 'medicalParole' ? 'sqjz.handover.jianwai' : 'sqjz.report-in'),
        },
        from: ({ data }) => data.effectiveOn,
      },
    ],
  },
  actions: { ...supervisionActions, ...transferActions, ...sanctionActions, ...releaseActions },
};
