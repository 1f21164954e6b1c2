import { z } from 'zod';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CalendarRangeError, periodDue } from '../calendar/index.ts';
import { currentCalendar } from '../calendar/service.ts';
import { countUnitOf, ruleDue, UncountableRuleError } from '../deadlines/compute.ts';
import { periodResult, rule as ruleBody, ruleDue as ruleDueBody } from './contracts.ts';
import { allRules, ruleInForce, ruleKindLabels, UnknownRuleError } from './rules.ts';

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

/** Turns calendar and rule errors into Chinese 400/404 problems. */
function asProblem(err: unknown): never {
  if (err instanceof CalendarRangeError || err instanceof UncountableRuleError || err instanceof RangeError) {
    throw new AppError('VALIDATION', err.message);
  }
  if (err instanceof UnknownRuleError) throw new AppError('NOT_FOUND', err.message);
  throw err;
}

export async function ruleRoutes(app: App, { db }: { db: Db }) {
  // Read the rules now, so that a rules file with an unknown kind stops the server at start, not a matter later.
  allRules();
  app.get(
    '/api/calendar/period',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: '期间计算器：自起算日次日起算 N 个工作日/日/月后的届满日',
        querystring: z.object({
          start: isoDate,
          days: z.coerce
            .number({ error: 'days 必须是数字' })
            .int('days 必须是整数')
            .min(0, 'days 不能为负')
            .max(3650, 'days 不能超过 3650'),
          unit: z
            .enum(['working', 'calendar', 'months'], {
              error: 'unit 只能是 working（工作日）、calendar（日）或 months（月）',
            })
            .default('calendar'),
        }),
        response: { 200: periodResult, ...errorResponses },
      },
    },
    async (req) => {
      const cal = await currentCalendar(db);
      const { start, days, unit } = req.query;
      try {
        const r = periodDue(cal, unit === 'months' ? { start, months: days, unit } : { start, days, unit });
        return { start, days, unit, due: r.due, provisional: r.provisional, counted: r.counted };
      } catch (err) {
        asProblem(err);
      }
    },
  );

  app.get(
    '/api/rules',
    {
      config: { public: true },
      schema: {
        tags: ['rules'],
        summary: '法定期限规则（含法律依据）',
        querystring: z.object({ line: z.string().max(40).optional() }),
        response: { 200: z.array(ruleBody), ...errorResponses },
      },
    },
    async (req) =>
      allRules()
        .filter((r) => !req.query.line || r.line === req.query.line)
        .map((r) => ({ ...r, kindLabel: ruleKindLabels[r.kind] })),
  );

  app.get(
    '/api/rules/:ruleId/due',
    {
      config: { public: true },
      schema: {
        tags: ['rules'],
        summary: '按规则计算届满日（适用起算日当时有效的规则版本）',
        params: z.object({ ruleId: z.string().max(80) }),
        querystring: z.object({ start: isoDate }),
        response: { 200: ruleDueBody, ...errorResponses },
      },
    },
    async (req) => {
      try {
        const rule = ruleInForce(req.params.ruleId, req.query.start);
        countUnitOf(rule);
        const due = ruleDue(await currentCalendar(db), rule, req.query.start);
        return {
          ruleId: rule.id,
          ruleVersion: rule.version,
          start: req.query.start,
          due: due.due,
          provisional: due.provisional,
          kind: rule.kind,
          kindLabel: ruleKindLabels[rule.kind],
          count: rule.count,
          unit: rule.unit,
          event: rule.event,
          citation: rule.citation,
          verified: rule.verified,
          onExpiry: rule.onExpiry,
        };
      } catch (err) {
        asProblem(err);
      }
    },
  );
}
