/**
 * The demo's plain findings (reported on time and closed at the first verification) inserted set-based: per
 * inspection, one statement writes the matters, their three events (create, report, verify), the finding rows and
 * the met rectification period — the rows the engine writes for them — with reference numbers reserved from the
 * kind's counter and one audit entry. What it leaves out is each one's rendered 整改通知书 (the findings walked
 * through the engine, at least one per inspection, have theirs), to keep the demo within its time budget.
 */

import { toDayNumber } from '../../kernel/calendar/dates.ts';
import { currentCalendar } from '../../kernel/calendar/service.ts';
import { demoActor } from '../../kernel/demo/runner.ts';
import { ruleInForce } from '../../kernel/rules/rules.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { PlannedFinding } from './demo.ts';
import { findingKind } from './finding.ts';

/** A finding whose loop is report → closed, wholly before the business date: safe to insert without the engine. */
export const isPlain = (f: PlannedFinding, today: string) =>
  f.steps.length === 2 &&
  f.steps[0]!.action === 'report' &&
  f.steps[1]!.action === 'verify' &&
  f.steps[1]!.date <= today;

export async function insertPlainFindings(
  tx: Tx,
  inspection: {
    id: number;
    ownerOrgId: number;
    unitOrgId: number;
    unitName: string;
    regionCode: string;
    refNo: string;
  },
  findings: PlannedFinding[],
) {
  if (!findings.length) return [];
  const cal = await currentCalendar(tx);
  const { rows: pre } = await tx.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM settings WHERE key = 'refPrefix.supervision.finding'`,
  );
  const prefix = pre[0]?.value ?? findingKind.refPrefix;
  const year = Number(String(findings[0]!.input.foundOn).slice(0, 4));
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $3 RETURNING last`,
    ['matter:supervision:finding', year, findings.length],
  );
  const first = rows[0]!.last - findings.length + 1;
  const rule = ruleInForce('fzdc.rectify', String(findings[0]!.input.foundOn));
  const input = findings.map((f, i) => {
    const foundOn = String(f.input.foundOn);
    const rectifyBy = String(f.input.rectifyBy);
    return {
      ref: `${prefix}〔${year}〕${first + i}号`,
      foundOn,
      rectifyBy,
      due: cal.addCalendarDays(rectifyBy, 0).due,
      count: toDayNumber(rectifyBy) - toDayNumber(foundOn),
      reportOn: f.steps[0]!.date,
      closeOn: f.steps[1]!.date,
      create: { ...f.input, inspectionId: inspection.id },
      report: f.steps[0]!.data,
      verify: f.steps[1]!.data,
    };
  });
  const { rows: ids } = await tx.query<{ id: number }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(ref text, "foundOn" date, "rectifyBy" date, due date, count int,
              "reportOn" date, "closeOn" date, "create" jsonb, report jsonb, verify jsonb)
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, subject_org_id, state, opened_on,
                            closed_on, version, is_demo, search_text)
       SELECT 'supervision', 'finding', i.ref, $2::text || '：' || left(i."create"->>'description', 40), $3, $4, $5, 'closed',
              i."foundOn", i."closeOn", 3, true, concat_ws(' ', i.ref, $2::text, $6::text, i."create"->>'description')
       FROM input i RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       SELECT m.id, s.seq, s.action, s.from_state, s.to_state, s.on_date, NULL, $7, s.payload
       FROM m JOIN input i ON i.ref = m.ref_no
       CROSS JOIN LATERAL (VALUES (1, 'create', NULL, 'rectifying', i."foundOn", i."create"),
                                  (2, 'report', 'rectifying', 'reported', i."reportOn", i.report),
                                  (3, 'verify', 'reported', 'closed', i."closeOn", i.verify))
         AS s(seq, action, from_state, to_state, on_date, payload)
     ), f AS (
       INSERT INTO supervision_findings (matter_id, inspection_matter_id, responsible_org_id, category, description,
                                         evidence, found_on, rectify_by, reported_on, closed_on)
       SELECT m.id, $8, $5, i."create"->>'category', i."create"->>'description', i."create"->>'evidence', i."foundOn",
              i."rectifyBy", i."reportOn", i."closeOn"
       FROM m JOIN input i ON i.ref = m.ref_no
     ), d AS (
       INSERT INTO deadlines (matter_id, key, rule_id, rule_version, kind, start_on, count_from, count, count_unit, due_on,
                              base_due_on, status, ended_on, owner_org_id, region_code)
       SELECT m.id, 'rectify', $9, $10, 'deadline', i."foundOn", i."foundOn", i.count, 'calendar', i.due, i."rectifyBy",
              'met', i."reportOn", $3, $4
       FROM m JOIN input i ON i.ref = m.ref_no
     )
     SELECT id FROM m`,
    [
      JSON.stringify(input),
      inspection.unitName,
      inspection.ownerOrgId,
      inspection.regionCode,
      inspection.unitOrgId,
      inspection.refNo,
      demoActor.name,
      inspection.id,
      rule.id,
      rule.version,
    ],
  );
  await audit(tx, demoActor, {
    action: 'demo.load',
    objectType: 'line',
    summary: { line: 'supervision', kind: 'finding', matters: findings.length, inspection: inspection.refNo },
  });
  return ids.map((r) => Number(r.id));
}
