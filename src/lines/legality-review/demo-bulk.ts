/**
 * The bulk of the demo's review items inserted set-based: per batch, one statement writes the matters, their
 * creation events, the item rows and the lead reviewer's assignment — the rows the engine writes for an item —
 * with reference numbers reserved from the kind's gap-free counter and one audit entry for the batch. What it
 * leaves out are the later steps' events, the review periods and the rendered opinions: two and a half thousand
 * DOCX a year would not fit the demo's time budget (an item walked through the API has all of them).
 */
import { demoActor } from '../../kernel/demo/runner.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { BulkItem } from './demo.ts';
import { itemKind } from './item.ts';
import { itemKinds } from './labels.ts';

/** Items per statement and transaction. */
export const BULK_BATCH = 2500;

async function reserveNumbers(tx: Tx, year: number, n: number): Promise<number> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $3 RETURNING last`,
    ['matter:legalityReview:item', year, n],
  );
  return rows[0]!.last - n + 1;
}

export async function insertBulk(tx: Tx, items: BulkItem[]) {
  if (!items.length) return;
  const { rows: prefixRow } = await tx.query<{ value: string }>(
    `SELECT value #>> '{}' AS value FROM settings WHERE key = 'refPrefix.legalityReview.item'`,
  );
  const prefix = prefixRow[0]?.value ?? itemKind.refPrefix;
  // Numbered by the year of receipt, as the engine numbers an item on intake.
  const byYear = new Map<number, number>();
  for (const c of items) {
    const y = Number(c.received.slice(0, 4));
    byYear.set(y, (byYear.get(y) ?? 0) + 1);
  }
  const next = new Map<number, number>();
  for (const [year, n] of byYear) next.set(year, await reserveNumbers(tx, year, n));
  const refNos = items.map((c) => {
    const year = Number(c.received.slice(0, 4));
    const seq = next.get(year)!;
    next.set(year, seq + 1);
    return `${prefix}〔${year}〕${seq}号`;
  });
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::date[], $5::date[], $6::text[], $7::bigint[],
                            $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::boolean[], $14::text[],
                            $15::date[], $16::date[], $17::bigint[], $18::text[])
         AS t(ref_no, centre_id, region_code, received, concluded, submitter_kind, submitter_org_id, submitter_name,
              item_kind, item_title, conclusion, issues, on_time, adoption, co_reviewed_on, feedback_on, reviewer,
              kind_label)
     ), named AS (
       SELECT i.*, CASE WHEN i.submitter_org_id IS NULL THEN i.submitter_name ELSE o.name END AS submitter,
              length(i.region_code) > 6 AS town
       FROM input i LEFT JOIN orgs o ON o.id = i.submitter_org_id
     ), m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, subject_org_id, region_code, state, opened_on,
                            closed_on, is_demo, sensitive, search_text)
       SELECT 'legalityReview', 'item', ref_no, item_title || '（' || kind_label || '）', centre_id, submitter_org_id,
              region_code, 'closed', received, feedback_on, true, false, ref_no || ' ' || item_title || ' ' || submitter
       FROM named
       RETURNING id, ref_no
     ), e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name, payload)
       SELECT m.id, 1, 'create', NULL, 'submitted', n.received, NULL, $19,
              jsonb_build_object('receivedOn', n.received, 'centreOrgId', n.centre_id, 'submitterKind', n.submitter_kind,
                'submitterOrgId', n.submitter_org_id, 'submitterName', n.submitter_name, 'itemKind', n.item_kind,
                'itemTitle', n.item_title, 'legalBases', '相关法律法规', 'offeredDays', 10, 'urgent', false,
                'marketActivity', false)
       FROM m JOIN named n USING (ref_no)
       RETURNING id, matter_id
     ), r AS (
       INSERT INTO legality_reviews (matter_id, centre_org_id, centre_level, submitter_org_id, submitter_name,
         submitter_kind, item_kind, item_title, legal_bases, offered_days, received_on, accepted_on,
         co_review_requested_on, co_reviewed_on, concluded_on, conclusion, issues_count, on_time, feedback_on, adoption)
       SELECT m.id, n.centre_id, CASE WHEN n.town THEN 'town' ELSE 'district' END, n.submitter_org_id, n.submitter,
              n.submitter_kind, n.item_kind, n.item_title, '相关法律法规', 10, n.received, n.received + 1,
              CASE WHEN n.co_reviewed_on IS NOT NULL THEN n.received + 2 END, n.co_reviewed_on, n.concluded,
              n.conclusion, n.issues, n.on_time, n.feedback_on, n.adoption
       FROM m JOIN named n USING (ref_no)
     )
     INSERT INTO legality_assignments (matter_id, event_id, reviewer_id, lead, assigned_on)
     SELECT e.matter_id, e.id, n.reviewer, true, n.received + 1
     FROM e JOIN m ON m.id = e.matter_id JOIN named n USING (ref_no)`,
    [
      refNos,
      items.map((c) => c.centre.id),
      items.map((c) => c.centre.regionCode),
      items.map((c) => c.received),
      items.map((c) => c.on),
      items.map((c) => c.submitterKind),
      items.map((c) => c.submitterOrgId),
      items.map((c) => c.submitterName),
      items.map((c) => c.itemKind),
      items.map((c) => c.title),
      items.map((c) => c.conclusion),
      items.map((c) => c.issues),
      items.map((c) => c.onTime),
      items.map((c) => c.adoption),
      items.map((c) => c.coReviewedOn),
      items.map((c) => c.feedbackOn),
      items.map((c) => c.reviewer),
      items.map((c) => itemKinds[c.itemKind]),
      demoActor.name,
    ],
  );
  await audit(tx, demoActor, {
    action: 'demo.load',
    objectType: 'line',
    summary: {
      line: 'legalityReview',
      kind: 'item',
      matters: items.length,
      from: items[0]!.on,
      to: items.at(-1)!.on,
    },
  });
}
