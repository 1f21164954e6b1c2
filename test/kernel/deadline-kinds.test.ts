import { describe, expect, it } from 'vitest';
import { lineProblems, type RegistryView } from '../../src/kernel/workflow/line-contract.ts';
import type { LineDef } from '../../src/kernel/workflow/types.ts';
import { toyLine } from '../support/toy-line.ts';

const empty: RegistryView = {
  lineExists: () => false,
  templateTaken: () => false,
  indicatorTaken: () => false,
  indicatorKnown: () => false,
  sectionTaken: () => false,
  vocabularyKnown: () => false,
};

describe('a line that starts a period', () => {
  it('under an alert threshold is refused at registration: an alert is not a period to track', () => {
    const kind = toyLine.kinds[0]!;
    const line: LineDef = {
      ...toyLine,
      kinds: [
        {
          ...kind,
          actions: {
            ...kind.actions,
            accept: {
              ...kind.actions.accept!,
              deadlines: [{ op: 'start', key: 'decision', rule: 'flyz.urgent.threshold' }],
            },
          },
        },
      ],
    };
    expect(lineProblems(line, empty)).toEqual([
      'toy/request.accept: starts a period under rule flyz.urgent.threshold, which 是预警阈值，不是办理期限，不能在案件上开始计算',
    ]);
  });
});
