import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lineProblems, type RegistryView } from '../../src/kernel/workflow/line-contract.ts';
import { defineTemplate } from '../../src/kernel/workflow/templates.ts';
import type { LineDef, MatterKindDef } from '../../src/kernel/workflow/types.ts';
import { mediationLine } from '../../src/lines/mediation/index.ts';
import { reconsiderationLine } from '../../src/lines/reconsideration/index.ts';
import { toyLine } from '../support/toy-line.ts';

const empty: RegistryView = {
  lineExists: () => false,
  templateTaken: () => false,
  indicatorTaken: () => false,
  indicatorKnown: () => false,
  sectionTaken: () => false,
  vocabularyKnown: () => false,
};

/** The toy line with its one kind changed by `edit`. */
function brokenToy(edit: (kind: MatterKindDef) => MatterKindDef, more: Partial<LineDef> = {}): LineDef {
  return { ...toyLine, kinds: [edit(toyLine.kinds[0]!)], ...more };
}
const withAction = (k: MatterKindDef, name: string, patch: object) => ({
  ...k,
  actions: { ...k.actions, [name]: { ...k.actions[name]!, ...patch } },
});

describe('a line declaration', () => {
  it('of the shipped lines and the toy line has no problem', () => {
    expect(lineProblems(toyLine, empty)).toEqual([]);
    expect(lineProblems(reconsiderationLine, empty)).toEqual([]);
    expect(lineProblems(mediationLine, empty)).toEqual([]);
  });

  it('names a rule that does not exist', () => {
    const line = brokenToy((k) =>
      withAction(k, 'accept', { deadlines: [{ op: 'start', key: 'decision', rule: 'xzfy.no-such-rule' }] }),
    );
    expect(lineProblems(line, empty)).toEqual([
      'toy/request.accept: starts a period under unknown rule xzfy.no-such-rule',
    ]);
  });

  it('names a rule among others that does not exist', () => {
    const line = brokenToy((k) =>
      withAction(k, 'accept', {
        deadlines: [
          {
            op: 'start',
            key: 'decision',
            rule: { among: ['xzfy.ordinary.decision', 'xzfy.typo'], pick: () => 'xzfy.typo' },
          },
        ],
      }),
    );
    expect(lineProblems(line, empty)).toEqual([
      'toy/request.accept: starts a period under unknown rule xzfy.typo',
    ]);
  });

  it('issues a template the line does not declare', () => {
    const stray = defineTemplate<unknown>({
      id: 'toy.stray',
      title: '未声明的文书',
      defaultPrefix: '测',
      render: async () => ({ title: '未声明的文书', body: [] }),
    });
    const line = brokenToy((k) => withAction(k, 'reject', { documents: [{ template: stray }] }));
    expect(lineProblems(line, empty)).toEqual([
      'toy/request.reject: issues template toy.stray, which toy does not declare',
    ]);
  });

  it('shows a field when a field that does not exist has a value', () => {
    const schema = z.object({
      outcome: z.enum(['uphold', 'revoke']),
      days: z
        .number()
        .optional()
        .meta({ 'x-showWhen': { field: 'outcom', in: ['revoke'] } }),
      note: z.string().optional().meta({ 'x-hideWhenSet': 'partyID' }),
    });
    const line = brokenToy((k) => withAction(k, 'decide', { schema }));
    expect(lineProblems(line, empty)).toEqual([
      'toy/request.decide: field days is shown when outcom, which is not a field beside it',
      'toy/request.decide: field note is hidden when partyID is set, which is not a field beside it',
    ]);
  });

  it('meets a period no step starts, and leads to a state that does not exist', () => {
    const line = brokenToy((k) =>
      withAction(withAction(k, 'reject', { deadlines: [{ op: 'meet', key: 'reveiw' }] }), 'suspend', {
        to: 'paused',
      }),
    );
    expect(lineProblems(line, empty)).toEqual([
      'toy/request.reject: meets period reveiw, which no step of request starts',
      'toy/request.suspend: to unknown state paused',
    ]);
  });

  it('makes a step correctable whose writes it cannot revert', () => {
    const line = brokenToy((k) => withAction(k, 'accept', { apply: async () => {} }));
    expect(lineProblems(line, empty)).toEqual(['toy/request.accept: correctable, but its apply has no undo']);
  });

  it('declares an id twice, or one that is registered already', () => {
    const line = { ...toyLine, indicators: [...toyLine.indicators!, toyLine.indicators![0]!] };
    expect(lineProblems(line, empty)).toEqual(['indicator toy.received is declared twice']);
    expect(lineProblems(toyLine, { ...empty, lineExists: () => true, templateTaken: () => true })).toEqual([
      'line toy is registered twice',
      'template toy.decision is registered already',
    ]);
  });

  it('joins a vocabulary it does not declare, or divides by an unknown indicator', () => {
    const line = {
      ...toyLine,
      indicators: [
        {
          ...toyLine.indicators![0]!,
          facts: `${toyLine.indicators![0]!.facts} AND EXISTS (SELECT 1 FROM vocabulary v WHERE v.vocabulary = 'toy.colour')`,
        },
        toyLine.indicators![1]!,
        { ...toyLine.indicators![2]!, ratio: { numerator: 'toy.decided', denominator: 'toy.recieved' } },
      ],
    };
    expect(lineProblems(line, empty)).toEqual([
      'indicator toy.received joins unknown vocabulary toy.colour',
      'indicator toy.decisionRate divides by unknown indicator toy.recieved',
    ]);
  });

  it('declares a list filter whose table or column is not a plain identifier, or a kernel parameter, or an unknown vocabulary', () => {
    const f = { id: 'topic', label: '事由', table: 'toy_details', column: 'topic', vocabulary: 'topic' };
    const line: LineDef = {
      ...toyLine,
      vocabularies: { topic: { a: '甲' } },
      listFilters: [
        f,
        { ...f, id: 'sneaky', column: 'topic = topic OR true --' },
        { ...f, id: 'state' },
        { ...f, id: 'other', vocabulary: 'nope' },
        f,
      ],
    };
    expect(lineProblems(line, empty)).toEqual([
      'list filter topic is declared twice',
      'list filter sneaky: table toy_details and column topic = topic OR true -- must be plain SQL identifiers',
      "list filter state: not an identifier, or a parameter of the kernel's list",
      'list filter other: unknown vocabulary nope',
    ]);
  });
});
