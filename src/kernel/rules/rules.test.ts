import { describe, expect, it } from 'vitest';
import { DeadlineOpError, refusedKinds, trackedKind } from '../deadlines/deadlines.ts';
import { allRules, parseRules, RuleFileError, ruleInForce, ruleKinds } from './rules.ts';

const rule = (over: Record<string, unknown>) => ({
  id: 'test.rule',
  businessLine: '人民调解',
  event: '测试期限',
  days: 10,
  unit: 'calendar',
  startRule: 'TRIGGER_EXCLUDED_CALENDAR',
  citation: { law: '测试条例（2020年1月1日施行）', article: '第一条', text: '应当在十日内办结。' },
  ...over,
});

describe('loading rules', () => {
  it('refuses a rule of an unknown kind, naming the file, the rule and the kinds it knows', () => {
    expect(() => parseRules([rule({ kind: 'sometimes' })], 'x.json')).toThrow(RuleFileError);
    expect(() => parseRules([rule({ kind: 'sometimes' })], 'x.json')).toThrow(
      'x.json 中规则 test.rule 的种类“sometimes”未知：应为 deadline、minimum、guideline、beforeEvent、duration、recurring、alert、partyPeriod 之一',
    );
  });

  it('refuses an unknown counting rule rather than filing it as a deadline', () => {
    expect(() => parseRules([rule({ startRule: 'EVERY_FULL_MOON' })], 'x.json')).toThrow(
      'x.json 中规则 test.rule 的起算规则“EVERY_FULL_MOON”未知，且未写明种类（kind）',
    );
  });

  it('reads the kinds the shipped files use, a recurring rule one cycle at a time', () => {
    const kinds = (ids: string[]) => ids.map((id) => ruleInForce(id, '2026-01-01').kind);
    expect(
      kinds([
        'xzfy.accept.review',
        'xzfy.hearing.notice',
        'hfx.major-decision.public-comment',
        'rmtj.mediate.term',
        'sqjz.leave.limits',
        'sqjz.health-report',
        'flyz.urgent.threshold',
        'xzss.sue.after-decision',
      ]),
    ).toEqual([
      'deadline',
      'beforeEvent',
      'minimum',
      'guideline',
      'duration',
      'recurring',
      'alert',
      'partyPeriod',
    ]);
    expect(ruleInForce('sqjz.health-report', '2026-01-01')).toMatchObject({ count: 1, unit: 'months' });
    expect(new Set(allRules().map((r) => r.kind))).toEqual(new Set(ruleKinds));
  });
});

describe('starting a period', () => {
  it('tracks every kind but an alert threshold, which is refused with the reason', () => {
    expect(
      Object.entries(refusedKinds)
        .filter(([, why]) => why !== null)
        .map(([k]) => k),
    ).toEqual(['alert']);
    expect(trackedKind(ruleInForce('sqjz.leave.limits', '2026-01-01'))).toBe('duration');
    const alert = ruleInForce('flyz.urgent.threshold', '2026-01-01');
    expect(() => trackedKind(alert)).toThrow(DeadlineOpError);
    expect(() => trackedKind(alert)).toThrow(
      `规则 flyz.urgent.threshold（${alert.event}）是预警阈值，不是办理期限，不能在案件上开始计算`,
    );
  });
});
