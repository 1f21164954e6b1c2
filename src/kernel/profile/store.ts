/**
 * Versions of the bureau profile: every confirmed change is a new row of profile_versions; the settings rows the
 * kernel reads (issuerFor, the number prefixes) are rewritten from the latest version in the same transaction.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { NAME_KEYS, ORG_DEFAULTS, organEntries, type ProfileEntry, profileGroups } from './entries.ts';
import type { ProfileContent } from './validate.ts';

/** The settings key families the profile owns; other settings (demo markers…) are none of its business. */
export const PROFILE_KEYS_SQL = `(key LIKE 'profile.%' OR key LIKE 'docPrefix.%' OR key LIKE 'docIssuer.%'
  OR key LIKE 'docSignature.%' OR key LIKE 'docSeal.%' OR key LIKE 'refPrefix.%')`;

export interface ProfileVersion {
  version: number;
  content: ProfileContent;
  reason: string;
  proposedBy: string | null;
  confirmedBy: string | null;
  createdAt: Date;
}

const VERSION_SELECT = `SELECT v.version, v.content, v.reason, v.created_at AS "createdAt",
    p.display_name AS "proposedBy", c.display_name AS "confirmedBy"
  FROM profile_versions v LEFT JOIN users p ON p.id = v.proposed_by LEFT JOIN users c ON c.id = v.confirmed_by`;

export async function currentVersion(db: Queryable): Promise<ProfileVersion> {
  const { rows } = await db.query<ProfileVersion>(`${VERSION_SELECT} ORDER BY v.version DESC LIMIT 1`);
  return rows[0]!;
}

/** Every version, newest first. */
export async function allVersions(db: Queryable): Promise<ProfileVersion[]> {
  const { rows } = await db.query<ProfileVersion>(`${VERSION_SELECT} ORDER BY v.version DESC`);
  return rows;
}

const ORG_DEFAULTS_SELECT = `(SELECT name FROM orgs WHERE kind = 'bureau' ORDER BY id LIMIT 1) AS bureau,
  (SELECT name FROM orgs WHERE kind = 'district' ORDER BY id LIMIT 1) AS district,
  (SELECT name FROM orgs WHERE kind = 'government' AND active ORDER BY id LIMIT 1) AS government`;

/** The organ names the organisation registry gives while the profile sets none. */
export async function orgDefaults(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<Record<'bureau' | 'district' | 'government', string | null>>(
    `SELECT ${ORG_DEFAULTS_SELECT}`,
  );
  return defaultsFrom(rows[0]);
}

function defaultsFrom(r: Record<'bureau' | 'district' | 'government', string | null> | undefined) {
  const bureau = r?.bureau ?? '';
  // The district government of the registry (migration 0024); else 宁波市镇海区司法局 → 宁波市镇海区人民政府.
  const government =
    r?.government ??
    (bureau.endsWith('司法局') ? `${bureau.slice(0, -3)}人民政府` : `${r?.district ?? ''}人民政府`);
  return { [ORG_DEFAULTS.bureau]: bureau, [ORG_DEFAULTS.districtGovernment]: government };
}

/** Every entry's value in force: the one set, else its fallback (a fixed text, or another entry's value). */
export function effectiveValues(
  content: ProfileContent,
  entries: Map<string, ProfileEntry>,
  defaults: Record<string, string>,
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  const resolve = (key: string, depth = 0): string | boolean => {
    if (key in out) return out[key]!;
    const e = entries.get(key);
    let v: string | boolean;
    if (key in content) v = content[key]!;
    else if (!e || depth > 5) v = '';
    else if ('entry' in e.fallback) v = resolve(e.fallback.entry, depth + 1);
    else
      v =
        typeof e.fallback.value === 'string'
          ? (defaults[e.fallback.value] ?? e.fallback.value)
          : e.fallback.value;
    out[key] = v;
    return v;
  };
  for (const key of entries.keys()) resolve(key);
  return out;
}

/** The bureau-wide names in force, for templates (who speaks in a document). */
export interface ProfileNames {
  bureau: string;
  districtGovernment: string;
  reconsiderationOrgan: string;
  reconsiderationBody: string;
  /** The 行政复议专用章 is authorised: documents of the 复议机关 may bear it instead of the government's seal. */
  specialSealAuthorised: boolean;
}

/**
 * The organs' names in force, in one read of reference tables only (the latest version's content and the registry's
 * defaults), so an import's reference cache answers it once per batch rather than once per document.
 */
export async function profileNames(db: Queryable): Promise<ProfileNames> {
  const { rows } = await db.query<
    { content: ProfileContent } & Record<'bureau' | 'district' | 'government', string | null>
  >(
    `SELECT (SELECT content FROM profile_versions ORDER BY version DESC LIMIT 1) AS content, ${ORG_DEFAULTS_SELECT}`,
  );
  // The organs' entries alone: every template's would be resolved too, and this runs for every document issued.
  const e = effectiveValues(rows[0]?.content ?? {}, organEntries, defaultsFrom(rows[0]));
  return {
    bureau: String(e[NAME_KEYS.bureau]),
    districtGovernment: String(e[NAME_KEYS.districtGovernment]),
    reconsiderationOrgan: String(e[NAME_KEYS.reconsiderationOrgan]),
    reconsiderationBody: String(e[NAME_KEYS.reconsiderationBody]),
    specialSealAuthorised: e[NAME_KEYS.specialSeal] === true,
  };
}

export interface EntryChange {
  key: string;
  /** 受理通知书 · 发文机关, or 本机关名称. */
  label: string;
  before: string | boolean;
  after: string | boolean;
  beforeIsDefault: boolean;
  afterIsDefault: boolean;
}

/** What changes between two contents, entry by entry, as values in force (a default shows as its text). */
export function diffContents(
  from: ProfileContent,
  to: ProfileContent,
  defaults: Record<string, string>,
): EntryChange[] {
  const groups = profileGroups();
  const entries = new Map(groups.flatMap((g) => g.entries.map((e) => [e.key, e])));
  const before = effectiveValues(from, entries, defaults);
  const after = effectiveValues(to, entries, defaults);
  const changes: EntryChange[] = [];
  for (const g of groups)
    for (const e of g.entries)
      if (before[e.key] !== after[e.key] || e.key in from !== e.key in to)
        changes.push({
          key: e.key,
          label: e.where ? `${e.where} · ${e.label}` : e.label,
          before: before[e.key]!,
          after: after[e.key]!,
          beforeIsDefault: !(e.key in from),
          afterIsDefault: !(e.key in to),
        });
  return changes;
}

/**
 * Makes `content` the profile in force: a new version, the settings rewritten from it (set-based), audited.
 * Runs in the confirming transaction; the caller holds the change row.
 */
export async function writeVersion(
  tx: Tx,
  actor: Actor,
  change: { id: number; content: ProfileContent; reason: string; proposedBy: number },
): Promise<number> {
  await tx.query('LOCK TABLE profile_versions IN EXCLUSIVE MODE');
  const { rows: prev } = await tx.query<{ content: ProfileContent }>(
    'SELECT content FROM profile_versions ORDER BY version DESC LIMIT 1',
  );
  const before = prev[0]?.content ?? {};
  // The keys set, changed or returned to their default, for the audit row (sorted: jsonb keeps no key order).
  const changedKeys = [...new Set([...Object.keys(before), ...Object.keys(change.content)])]
    .filter((k) => before[k] !== change.content[k])
    .sort();
  const { rows } = await tx.query<{ version: number }>(
    `INSERT INTO profile_versions (version, content, reason, proposed_by, confirmed_by, change_id)
     SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5 FROM profile_versions RETURNING version`,
    [JSON.stringify(change.content), change.reason, change.proposedBy, actor.userId, change.id],
  );
  const version = rows[0]!.version;
  await tx.query(`DELETE FROM settings WHERE ${PROFILE_KEYS_SQL} AND NOT ($1::jsonb ? key)`, [
    JSON.stringify(change.content),
  ]);
  await tx.query(
    `INSERT INTO settings (key, value, updated_by)
     SELECT key, value, $2 FROM jsonb_each($1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(change.content), actor.userId],
  );
  await audit(tx, actor, {
    action: 'profile.version',
    objectType: 'profile',
    objectId: version,
    summary: { changeId: change.id, changed: changedKeys },
  });
  return version;
}
