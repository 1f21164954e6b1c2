import { CalendarRangeError } from '../../kernel/calendar/index.ts';
import { currentCalendar } from '../../kernel/calendar/service.ts';
import { ruleDue } from '../../kernel/deadlines/compute.ts';
import { existingPartiesSql, existingPartyKeys } from '../../kernel/parties/registry.ts';
import { type Rule, ruleInForce } from '../../kernel/rules/rules.ts';
import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { named, type Tx } from '../../platform/db/pool.ts';
import type { ApplicationInput } from './schemas.ts';
import { administrativeOrgan } from './store.ts';

const plusCalendarDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const plusYears = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;
const plusMonths = (d: string, n: number) => {
  const at = new Date(Date.parse(`${d}T00:00:00Z`));
  at.setUTCMonth(at.getUTCMonth() + n);
  return at.toISOString().slice(0, 10);
};

/**
 * What intake checks against the records: the respondent must be an organ in the registry; a possible duplicate of
 * an open matter (same applicant, same respondent and act) is refused unless the clerk confirms it; an application
 * that seems late (Art. 20, 60 days from knowing; Art. 21, 5 or 20 years from the act) is registered with a warning,
 * since a legitimate delay (Art. 20(2)) is for the review to weigh.
 */
export async function checkApplication(
  tx: Tx,
  d: ApplicationInput & { allowDuplicate?: boolean },
  actor: Actor,
) {
  const errors: { field: string; message: string }[] = [];
  const warnings: string[] = [];
  if (!(await administrativeOrgan(tx, d.respondentOrgId))) {
    errors.push({ field: 'respondentOrgId', message: '被申请人应为机构名录中的行政机关，请从名录中选择' });
    return { errors, warnings };
  }

  // Art. 32 exists since the 2023 revision: an application handed to the penalty organ before 2024 was not one.
  const forwarding = ruleInForce('xzfy.forward.onsite-penalty', d.receivedOn);
  if (d.viaPenaltyOrgan && (d.penaltyOrganReceivedOn ?? d.receivedOn) < forwarding.inForceFrom) {
    errors.push({
      field: 'viaPenaltyOrgan',
      message: `通过作出行政处罚决定的行政机关提交申请（第三十二条）自 ${forwarding.inForceFrom} 起施行，此前收到的申请不适用`,
    });
    return { errors, warnings };
  }
  warnings.push(...(await lateApplicationWarnings(tx, d)));
  const respondent = await administrativeOrgan(tx, d.respondentOrgId);
  // Art. 28: the 司法局 that serves as the 复议机构 may itself be the respondent. The district government still
  // hears it (or the applicant goes to the 司法局 one level up); those who made the act stand aside (回避).
  if (respondent?.kind === 'bureau')
    warnings.push(
      `被申请人${respondent.name}是履行行政复议机构职责的司法行政部门（第二十八条）：申请人可以向本级人民政府申请行政复议，也可以向上一级司法行政部门申请；参与作出该行政行为的人员应当回避。`,
    );

  // Two registrations of the same act at once (two clerks, two transactions of an import) would not see each
  // other: the second waits here for the first to commit, then finds it.
  await tx.query(
    named(`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k`, [
      [
        `reconsideration.act:${d.respondentOrgId}:${d.actTitle}`,
        d.actDocNo ? `reconsideration.doc:${d.respondentOrgId}:${d.actDocNo}` : null,
      ].filter((k): k is string => k !== null),
    ]),
  );
  // Only matters the clerk may read are named; others are counted without their reference number. Planned for its
  // values each time (not a named statement): a kept generic plan got slower with every application an import added.
  const { rows } = await tx.query<{ ref_no: string }>(
    `SELECT DISTINCT CASE WHEN ${matterReadable(4)} THEN m.ref_no ELSE '（无权查看的案件）' END AS ref_no
     FROM matter_parties p
     JOIN reconsideration_applications a ON a.matter_id = p.matter_id
     JOIN matters m ON m.id = p.matter_id
     WHERE p.role = 'applicant' AND p.party_id IN (${existingPartiesSql(5)})
       AND a.respondent_org_id = $1
       AND (a.act_title = $2 OR (a.act_doc_no IS NOT NULL AND a.act_doc_no = $3))
       AND m.closed_on IS NULL`,
    [
      d.respondentOrgId,
      d.actTitle,
      d.actDocNo ?? null,
      matterReadParam(actor),
      ...existingPartyKeys(d.applicants),
    ],
  );
  if (rows.length && !d.allowDuplicate)
    errors.push({
      field: 'allowDuplicate',
      message: `同一申请人对同一行政行为已有未办结的申请（${rows.map((r) => r.ref_no).join('、')}），如确需另行登记请勾选“确认重复申请仍登记”`,
    });
  else if (rows.length)
    warnings.push(`已确认登记：与未办结的申请 ${rows.map((r) => r.ref_no).join('、')} 重复`);
  return { errors, warnings };
}

/** A rule's last day counted from `from`; outside the calendar's years, counted as plain calendar days or months. */
async function dueOf(tx: Tx, rule: Rule, from: string): Promise<string> {
  try {
    return ruleDue(await currentCalendar(tx), rule, from).due;
  } catch (err) {
    if (!(err instanceof CalendarRangeError)) throw err;
    return rule.unit === 'months'
      ? plusMonths(from, rule.count ?? 0)
      : plusCalendarDays(from, rule.count ?? 0);
  }
}

/**
 * The day the application period ends for this application (Art. 20): sixty days from knowing the act; where the
 * organ did not tell the applicant of the right, the organ and the period (Art. 20(3)), sixty days from knowing
 * them but at most one year from knowing the act. Under the 2017 law (实施条例第十五条第一款第（五）项) the period
 * runs from the later notice, with no maximum: the rule's 2017 version has no count.
 */
async function applicationPeriodEnd(tx: Tx, d: ApplicationInput) {
  const period = ruleInForce('xzfy.apply.period', d.receivedOn);
  const cite = (r: Rule) => `${r.citation.law}${r.citation.article}`;
  if (!d.rightNotInformed)
    return {
      due: await dueOf(tx, period, d.actKnownOn),
      why: `自知道行政行为之日（${d.actKnownOn}）起六十日`,
      cite: cite(period),
    };
  const max = ruleInForce('xzfy.apply.uninformed-max', d.receivedOn);
  const fromRight = d.rightKnownOn ? await dueOf(tx, period, d.rightKnownOn) : null;
  const capped = max.count === null ? null : await dueOf(tx, max, d.actKnownOn);
  if (capped && (!fromRight || capped < fromRight))
    return {
      due: capped,
      why: `行政机关未告知申请权利、机关和期限的，自知道行政行为内容之日（${d.actKnownOn}）起最长不得超过一年`,
      cite: cite(max),
    };
  if (!fromRight) return null;
  return {
    due: fromRight,
    why: `自知道申请行政复议的权利、行政复议机关和申请期限之日（${d.rightKnownOn}）起六十日`,
    cite: max.count === null ? `${cite(period)}、${cite(max)}` : cite(max),
  };
}

/**
 * The warnings of an application that seems late (Art. 20, 60 days from knowing, at most a year when the applicant
 * was not told of the right; Art. 21, 5 or 20 years from the act; Art. 32, five working days for the organ that
 * forwards it): shown at intake and kept on the matter as a fact (late_warning), since the review weighs them later.
 * An application handed to the organ that made an on-the-spot penalty (Art. 32(1)) was made on the day that organ
 * received it.
 */
export async function lateApplicationWarnings(tx: Tx, d: ApplicationInput): Promise<string[]> {
  const warnings: string[] = [];
  const appliedOn = (d.viaPenaltyOrgan && d.penaltyOrganReceivedOn) || d.receivedOn;
  const end = await applicationPeriodEnd(tx, d);
  if (end && appliedOn > end.due)
    warnings.push(
      `申请可能已超过法定申请期限：${end.why}，至 ${end.due} 届满（${end.cite}）。请核实是否有不可抗力或其他正当理由。`,
    );
  const absolute = plusYears(d.actDate, d.realProperty ? 20 : 5);
  if (appliedOn > absolute)
    warnings.push(
      `自行政行为作出之日起已超过${d.realProperty ? '二十' : '五'}年（${absolute}），依照第二十一条应当不予受理。`,
    );
  if (d.viaPenaltyOrgan && d.penaltyOrganReceivedOn) {
    const forward = ruleInForce('xzfy.forward.onsite-penalty', d.receivedOn);
    const due = await dueOf(tx, forward, d.penaltyOrganReceivedOn);
    if (d.receivedOn > due)
      warnings.push(
        `作出行政处罚决定的行政机关于 ${d.penaltyOrganReceivedOn} 收到申请，应当在 ${due} 前转送（${forward.citation.article}），${d.receivedOn} 才转到，转送逾期；申请期限以该机关收到申请之日为准。`,
      );
  }
  return warnings;
}
