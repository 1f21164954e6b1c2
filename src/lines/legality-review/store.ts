/** The typed rows of a review item and what its documents, checks and page read. */
import { ruleInForce } from '../../kernel/rules/rules.ts';
import { type Actor, isDistrictLevel, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ItemInput } from './schemas.ts';

export interface Centre {
  id: number;
  name: string;
  regionCode: string;
  level: 'district' | 'town';
  /** The town's name (招宝山街道) for a town centre. */
  townName: string | null;
  townKind: string | null;
}

/**
 * The review centre an item goes to: the district centre (the bureau's 法制审核科, 区合法性审查中心) or a town's centre,
 * kept at the town's justice office (the town's 法审员 are its members and reviewers).
 */
export async function reviewCentre(db: Queryable, orgId: number): Promise<Centre> {
  const { rows } = await db.query<Centre>(
    `SELECT o.id, o.name, o.region_code AS "regionCode",
            CASE WHEN o.kind = 'justiceOffice' THEN 'town' ELSE 'district' END AS level,
            t.name AS "townName", t.kind AS "townKind"
     FROM orgs o LEFT JOIN regions t ON t.code = left(o.region_code, 9) AND t.level = 'town'
     WHERE o.id = $1 AND (o.kind = 'justiceOffice'
       OR (o.kind = 'section' AND (o.code = 'sec-legality' OR o.name LIKE '%合法性审查中心%')))`,
    [orgId],
  );
  const c = rows[0];
  if (!c)
    throw new AppError('VALIDATION', '审查机构应为区合法性审查中心或镇（街道）合法性审查中心', {
      errors: [
        { field: 'centreOrgId', message: '请选择区合法性审查中心或镇（街道）司法所（合法性审查中心）' },
      ],
    });
  return c;
}

/** The organ in whose name a town centre's opinion goes out: the town's people's government or sub-district office. */
export const townOrgan = (c: Pick<Centre, 'townName' | 'townKind'>) =>
  c.townKind === '街道' ? `宁波市镇海区人民政府${c.townName}办事处` : `宁波市镇海区${c.townName}人民政府`;

/** The submitter's name: the organ from the directory, or the town office typed in. */
export async function submitterOf(db: Queryable, d: ItemInput) {
  if (d.submitterKind === 'townOffice') return { id: null, name: d.submitterName ?? '' };
  const { rows } = await db.query<{ id: number; name: string; kind: string }>(
    'SELECT id, name, kind FROM orgs WHERE id = $1',
    [d.submitterOrgId],
  );
  const o = rows[0];
  const want = { government: 'government', department: 'department', town: 'justiceOffice' }[d.submitterKind];
  if (!o || o.kind !== want)
    throw new AppError('VALIDATION', '送审单位与所选类别不符', {
      errors: [{ field: 'submitterOrgId', message: '请从机构名录中选择与类别相符的送审单位' }],
    });
  return { id: o.id, name: o.name };
}

export async function insertItem(
  tx: Tx,
  matterId: number,
  d: ItemInput,
  centre: Centre,
  submitter: { id: number | null; name: string },
  shortTime: boolean,
) {
  await tx.query(
    `INSERT INTO legality_reviews (matter_id, centre_org_id, centre_level, submitter_org_id, submitter_name,
       submitter_kind, item_kind, item_title, legal_bases, drafting_note, consultation, offered_days, short_time, urgent,
       market_activity, fair_competition, received_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      matterId,
      centre.id,
      centre.level,
      submitter.id,
      submitter.name,
      d.submitterKind,
      d.itemKind,
      d.itemTitle,
      d.legalBases,
      d.draftingNote || null,
      d.consultation || null,
      d.offeredDays,
      shortTime,
      d.urgent,
      d.marketActivity,
      d.fairCompetition ?? null,
      d.receivedOn,
    ],
  );
}

export interface ItemFacts {
  centreName: string;
  centreLevel: 'district' | 'town';
  townName: string | null;
  townKind: string | null;
  submitterName: string;
  submitterKind: string;
  itemKind: string;
  itemTitle: string;
  legalBases: string;
  offeredDays: number;
  receivedOn: string;
  acceptedOn: string | null;
  marketActivity: boolean;
  fairCompetition: string | null;
  coReviewOpinion: string | null;
  coReviewedOn: string | null;
}

export async function itemFacts(db: Queryable, matterId: number): Promise<ItemFacts> {
  const { rows } = await db.query<ItemFacts>(
    `SELECT o.name AS "centreName", r.centre_level AS "centreLevel", t.name AS "townName", t.kind AS "townKind",
            r.submitter_name AS "submitterName", r.submitter_kind AS "submitterKind", r.item_kind AS "itemKind",
            r.item_title AS "itemTitle", r.legal_bases AS "legalBases", r.offered_days AS "offeredDays",
            r.received_on::text AS "receivedOn", r.accepted_on::text AS "acceptedOn",
            r.market_activity AS "marketActivity", r.fair_competition AS "fairCompetition",
            r.co_review_opinion AS "coReviewOpinion", r.co_reviewed_on::text AS "coReviewedOn"
     FROM legality_reviews r JOIN orgs o ON o.id = r.centre_org_id
     LEFT JOIN regions t ON t.code = left(o.region_code, 9) AND t.level = 'town'
     WHERE r.matter_id = $1`,
    [matterId],
  );
  if (!rows[0]) throw new Error(`legality review ${matterId} has no detail row`);
  return rows[0];
}

/** The minimum review time for a kind of item, as a rule id (none for contracts and other items). */
export const minimumRuleOf = (kind: string) =>
  kind === 'normativeDoc'
    ? 'hfx.normative-doc.minimum'
    : kind === 'majorDecision'
      ? 'hfx.major-decision.minimum'
      : null;

/** The review period's rule by kind of item. */
export const reviewRuleOf = (kind: string) =>
  kind === 'normativeDoc'
    ? 'hfx.normative-doc.review'
    : kind === 'majorDecision'
      ? 'hfx.major-decision.review'
      : 'hfx.other.review';

/** The working days the review runs: the offer, at most 15 for a normative document (国办发〔2018〕115号). */
export const reviewDays = (kind: string, offered: number) =>
  kind === 'normativeDoc' ? Math.min(offered, 15) : offered;

/**
 * The review period as the matter page states it: the matter's own count (the law lets the submitter set it) and
 * its bounds, e.g. 10个工作日（送审单位给予，不少于5个工作日）.
 */
export function reviewPeriodText(kind: string, offered: number, on: string): string {
  const min = minimumDays(kind, on);
  const days = reviewDays(kind, offered);
  if (days < offered) return `${days}个工作日（送审单位给予${offered}个工作日，最长不超过${days}个工作日）`;
  if (min === null) return `${days}个工作日（送审单位给予）`;
  return offered < min
    ? `${days}个工作日（送审单位给予，少于${min}个工作日的下限）`
    : `${days}个工作日（送审单位给予，不少于${min}个工作日）`;
}

/** Whether a short offer is refused at intake (setting legalityReview.shortTime = 'refuse') or only flagged. */
export async function shortTimePolicy(db: Queryable): Promise<'flag' | 'refuse'> {
  const { rows } = await db.query<{ v: string }>(
    `SELECT value #>> '{}' AS v FROM settings WHERE key = 'legalityReview.shortTime'`,
  );
  return rows[0]?.v === 'refuse' ? 'refuse' : 'flag';
}

/** Reviewers of the registry, active and serving `centreId`'s centre (or the district centre's pool). */
export async function reviewerProblem(db: Queryable, centreId: number, ids: number[]) {
  const { rows } = await db.query<{ id: number; name: string; org_id: number; status: string }>(
    'SELECT id, name, org_id, status FROM legality_reviewers WHERE id = ANY($1::bigint[])',
    [ids],
  );
  for (const id of ids) {
    const r = rows.find((x) => Number(x.id) === id);
    if (!r) return `审查人员（编号 ${id}）不在名册中`;
    if (r.status !== 'active') return `${r.name}当前不在岗，不能指派`;
    if (Number(r.org_id) !== centreId) return `${r.name}不属于本审查中心，不能指派`;
  }
  if (new Set(ids).size !== ids.length) return '同一审查人员不能重复指派';
  return null;
}

/** The minimum review time the law sets for the kind, in working days (null: none). */
export const minimumDays = (kind: string, on: string) => {
  const id = minimumRuleOf(kind);
  return id ? ruleInForce(id, on).count : null;
};

/** The offices where review items are registered: the district centre and every town's centre (its 司法所). */
export async function centreIds(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'justiceOffice'
       OR (kind = 'section' AND (code = 'sec-legality' OR name LIKE '%合法性审查中心%')) ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}

/** The district centre alone: where the catalogue of major decisions is kept. */
export async function districtCentreIds(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'section' AND (code = 'sec-legality' OR name LIKE '%合法性审查中心%') ORDER BY id`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Whether the actor acts for the district centre: a district- or bureau-level account, or a member of the centre
 * itself (法制审核科), the one who gives the co-review opinion (协审意见) on a town's item.
 */
export async function actsForDistrictCentre(db: Queryable, actor: Actor): Promise<boolean> {
  if (await isDistrictLevel(db, actor, 'matter.write')) return true;
  const roots = scopeParam(actor, 'matter.write');
  if (!roots?.length) return false;
  const centres = await districtCentreIds(db);
  return roots.some((id) => centres.includes(Number(id)));
}
