import { z } from 'zod';
import { registerLine } from '../../src/kernel/workflow/registry.ts';
import { defineTemplate } from '../../src/kernel/workflow/templates.ts';
import type { LineDef } from '../../src/kernel/workflow/types.ts';
import { AppError } from '../../src/platform/http/errors.ts';

/**
 * A toy line used only by tests: enough states, deadlines and a document to exercise the kernel without
 * depending on any real line.
 */
const createSchema = z.object({
  subject: z.string().min(1).max(100),
  receivedOn: z.iso.date(),
  orgCode: z.string().default('sec-reconsideration'),
});

const toyDecision = defineTemplate<{ outcome: 'uphold' | 'revoke'; reasoning: string }>({
  id: 'toy.decision',
  title: '测试决定书',
  defaultPrefix: '镇司测',
  render: async ({ matter, data }) => ({
    title: '测试决定书',
    recipient: matter.title,
    body: [
      {
        type: 'paragraph',
        text: `关于${matter.title}一案，本机关决定：${data.outcome === 'revoke' ? '撤销' : '维持'}。`,
      },
      { type: 'paragraph', text: data.reasoning },
    ],
  }),
});

export const toyLine: LineDef = {
  id: 'toy',
  label: '测试条线',
  kinds: [
    {
      id: 'request',
      label: '测试申请',
      states: {
        received: { label: '已收到' },
        accepted: { label: '已受理' },
        suspended: { label: '已中止' },
        decided: { label: '已决定', terminal: true },
        rejected: { label: '不予受理', terminal: true },
      },
      initial: 'received',
      refPrefix: '测',
      create: {
        label: '登记测试申请',
        roles: ['sectionStaff', 'admin'],
        schema: createSchema,
        date: (d) => d.receivedOn,
        dateField: 'receivedOn',
        toMatter: async (d, _actor, tx) => {
          const { rows } = await tx.query<{ id: number; region_code: string }>(
            'SELECT id, region_code FROM orgs WHERE code = $1',
            [d.orgCode],
          );
          if (!rows[0]) throw new AppError('VALIDATION', '机构不存在');
          return {
            title: d.subject,
            ownerOrgId: rows[0].id,
            regionCode: rows[0].region_code,
            openedOn: d.receivedOn,
            searchText: d.subject,
          };
        },
        deadlines: [{ op: 'start', key: 'review', rule: 'xzfy.accept.review' }],
      },
      actions: {
        accept: {
          label: '受理',
          from: ['received'],
          to: 'accepted',
          roles: ['sectionStaff', 'admin'],
          schema: z.object({}),
          primary: true,
          correctable: { roles: ['sectionStaff', 'admin'] },
          deadlines: [
            { op: 'meet', key: 'review' },
            { op: 'start', key: 'decision', rule: 'xzfy.ordinary.decision' },
          ],
        },
        reject: {
          label: '不予受理',
          from: ['received'],
          to: 'rejected',
          roles: ['sectionStaff', 'admin'],
          schema: z.object({ reason: z.string().min(1) }),
          deadlines: [{ op: 'meet', key: 'review' }],
        },
        suspend: {
          label: '中止',
          from: ['accepted'],
          to: 'suspended',
          roles: ['sectionStaff', 'admin'],
          schema: z.object({}),
          deadlines: [{ op: 'pause', key: 'decision' }],
          correctable: { roles: ['sectionStaff', 'admin'] },
        },
        resume: {
          label: '恢复',
          from: ['suspended'],
          to: 'accepted',
          roles: ['sectionStaff', 'admin'],
          schema: z.object({}),
          deadlines: [{ op: 'resume', key: 'decision' }],
        },
        extend: {
          label: '延期',
          from: ['accepted'],
          to: 'accepted',
          roles: ['sectionStaff', 'admin'],
          schema: z.object({ days: z.number().int().min(1).max(30) }),
          requires: ({ last }) => (last('extend') ? '已经延期过一次，不能再次延期' : null),
          deadlines: [{ op: 'extend', key: 'decision', days: (d) => d.days }],
          correctable: { roles: ['sectionStaff', 'admin'] },
        },
        decide: {
          label: '作出决定',
          from: ['accepted'],
          to: 'decided',
          roles: ['sectionStaff', 'admin'],
          schema: z.object({
            outcome: z.enum(['uphold', 'revoke']),
            reasoning: z.string().max(5000).default(''),
          }),
          deadlines: [{ op: 'meet', key: 'decision' }],
          documents: [{ template: toyDecision }],
          correctable: { roles: ['sectionStaff', 'admin'], approval: ['leader'] },
        },
      },
    },
  ],
  templates: [toyDecision],
  indicators: [
    {
      id: 'toy.received',
      name: '测试申请收件数',
      line: 'toy',
      unit: '件',
      kind: 'flow',
      definition: '当年收到的测试申请数（以收到日期定年度）。',
      facts: `SELECT id AS matter_id, opened_on AS on_date, owner_org_id, region_code, 1 AS value, state AS dim_state FROM matters WHERE line = 'toy'`,
      dimensions: [{ id: 'state', label: '状态' }],
    },
    {
      id: 'toy.decided',
      name: '测试申请决定数',
      line: 'toy',
      unit: '件',
      kind: 'flow',
      definition: '当年作出决定的测试申请数（以决定日期定年度）。',
      facts: `SELECT m.id AS matter_id, e.occurred_on AS on_date, m.owner_org_id, m.region_code, 1 AS value
              FROM matters m JOIN matter_events e ON e.matter_id = m.id AND e.action = 'decide' AND e.voided_by IS NULL
             WHERE m.line = 'toy'`,
    },
    {
      id: 'toy.decisionRate',
      name: '测试决定率',
      line: 'toy',
      unit: '%',
      kind: 'flow',
      definition: '决定数 ÷ 收件数 × 100。',
      ratio: { numerator: 'toy.decided', denominator: 'toy.received' },
      decimals: 1,
    },
  ],
};

let registered = false;
export function registerToyLine() {
  if (registered) return;
  registered = true;
  registerLine(toyLine);
}
