import { describe } from 'vitest';
import { refusalsTable } from '../../../test/support/line-kit.ts';
import { supervisionTestbed } from '../../../test/support/supervision.ts';

const { bed, kit, ctx } = supervisionTestbed();
const F = 'supervision/finding';
const I = 'supervision/inspection';
const S = 'supervision/instrument';

/** Each refusal answers with its exact Chinese message and writes nothing (same version, state, events, periods). */
describe('what the supervision line refuses', () => {
  refusalsTable(
    kit,
    ctx,
    [
      {
        what: 'an inspection whose on-site days end before they begin',
        lineKind: I,
        path: null,
        intake: { endsOn: '2025-04-07' },
        message: '结束日期不能早于开始日期',
      },
      {
        what: 'an inspection of a township justice office (not a department or a town government)',
        lineKind: I,
        path: null,
        intake: { unitOrgId: -1 },
        message: '被督察单位应为区级部门或镇（街道）',
      },
      {
        what: 'a finding under an inspection that does not exist',
        lineKind: F,
        path: null,
        intake: { inspectionId: 999999 },
        message: '没有该督察事项',
      },
      {
        what: 'a finding whose rectification deadline is not after the day it was found',
        lineKind: F,
        path: null,
        intake: { rectifyBy: '2025-04-10' },
        message: '整改期限应晚于发现日期',
      },
      {
        what: 'feedback before any finding is registered',
        lineKind: I,
        path: 'notified',
        action: 'feedback',
        date: '2025-04-18',
        data: { summary: '总体有序推进' },
        message: '尚未登记督察发现的问题：请先登记问题，再制发反馈意见',
      },
      {
        what: 'escalation before the rectification deadline has passed',
        lineKind: F,
        path: 'rectifying',
        action: 'escalate',
        date: '2025-06-09',
        data: { measure: 'reminded', content: '督促整改' },
        message: '整改期限尚未届满，不能逾期督办',
      },
      {
        what: 'an interview without the person interviewed and the interviewer',
        lineKind: F,
        path: 'rectifying',
        action: 'escalate',
        date: '2025-06-16',
        data: { measure: 'interviewed', content: '约谈' },
        message: '责任约谈须写明约谈对象和约谈人',
      },
      {
        what: 'sending a report back without a new deadline',
        lineKind: F,
        path: 'reported',
        action: 'verify',
        date: '2025-06-12',
        data: { result: 'sentBack', opinion: '未落实' },
        message: '请填写重新整改期限',
      },
      {
        what: 'sending a report back with a deadline already past',
        lineKind: F,
        path: 'reported',
        action: 'verify',
        date: '2025-06-12',
        data: { result: 'sentBack', opinion: '未落实', newRectifyBy: '2025-06-12' },
        message: '重新整改期限应晚于验收日期',
      },
      {
        what: 'a closed finding reported again',
        lineKind: F,
        path: 'closed',
        action: 'report',
        date: '2025-06-20',
        data: { plan: '再整改', result: '完成' },
        message: '当前状态「已销号」下不能「登记整改情况报告」。可执行的操作：无',
      },
      {
        what: 'a supervision instrument to a town government (enforcement departments only)',
        lineKind: S,
        path: null,
        intake: { departmentOrgId: -2 },
        message: '被监督部门应为区级行政执法部门',
      },
    ].map((r) => ({
      ...r,
      // Orgs known only once the testbed is up: -1 a township office, -2 a town government.
      get intake() {
        const i = (r as { intake?: Record<string, unknown> }).intake;
        if (!i) return undefined;
        if (i.unitOrgId === -1) return { ...i, unitOrgId: bed.jo };
        if (i.departmentOrgId === -2) return { ...i, departmentOrgId: bed.orgs.townGov };
        return i;
      },
    })),
  );
});
