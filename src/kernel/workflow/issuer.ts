import type { Queryable } from '../../platform/db/pool.ts';

/** The organ a document speaks for, the signature line it ends with, and the seal it bears. */
export interface Issuer {
  /** 发文机关, e.g. 宁波市镇海区司法局. */
  organ: string;
  /** 落款 (发文机关署名) printed above the date; the organ's name unless the profile sets another. */
  signature: string;
  /** 印章 text, when the bureau has set one; otherwise the signature is the seal. */
  seal: string;
  /** The bureau profile's version the issuer was read from (本机关设置). */
  profileVersion: number;
}

/**
 * The issuer of a template's documents for a matter, from the bureau profile (本机关设置, mirrored in settings):
 * docIssuer.<template>, else the profile's name of the organ the template speaks as (speaksAs), else its 本机关名称, else the bureau the matter's owning office belongs to (its
 * nearest ancestor of kind bureau); docSignature.<template>, else the organ; docSeal.<template>, else the signature.
 * Read at issue time and stored with the document (documents.issued_with, and the signature in its fields), so a
 * later change of the profile never alters an issued one.
 */
export async function issuerFor(
  db: Queryable,
  templateId: string,
  ownerOrgId: number,
  /** The organ the template speaks as (TemplateDef.speaksAs), resolved from the profile: the default issuer. */
  speaksAs?: string,
  /**
   * The organ's documents bear its 行政复议专用章 (the profile says it is authorised, 行政复议法第七十五条)
   * unless docSeal.<template> names another seal.
   */
  specialSeal = false,
): Promise<Issuer> {
  const { rows } = await db.query<{
    organ: string | null;
    signature: string | null;
    seal: string | null;
    named: string | null;
    bureau: string | null;
    version: number | null;
  }>(
    `SELECT (SELECT value #>> '{}' FROM settings WHERE key = 'docIssuer.' || $1) AS organ,
            (SELECT value #>> '{}' FROM settings WHERE key = 'docSignature.' || $1) AS signature,
            (SELECT value #>> '{}' FROM settings WHERE key = 'docSeal.' || $1) AS seal,
            (SELECT value #>> '{}' FROM settings WHERE key = 'profile.bureauName') AS named,
            (SELECT o.name FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
             WHERE c.descendant_id = $2 AND o.kind = 'bureau' ORDER BY c.depth LIMIT 1) AS bureau,
            (SELECT max(version) FROM profile_versions) AS version`,
    [templateId, ownerOrgId],
  );
  const r = rows[0];
  const organ = r?.organ ?? speaksAs ?? r?.named ?? r?.bureau;
  if (!organ) throw new Error(`no issuing organ for ${templateId}: set docIssuer.${templateId}`);
  const signature = r?.signature ?? organ;
  const seal = r?.seal ?? (specialSeal ? `${organ}行政复议专用章` : signature);
  return { organ, signature, seal, profileVersion: r?.version ?? 1 };
}
