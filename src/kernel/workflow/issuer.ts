import type { Queryable } from '../../platform/db/pool.ts';

/** The organ a document speaks for, and the seal it bears. */
export interface Issuer {
  /** 发文机关署名, e.g. 宁波市镇海区司法局. */
  organ: string;
  /** 印章 text, when the bureau has set one; otherwise the organ's name is the seal. */
  seal: string;
}

/**
 * The issuer of a template's documents for a matter: the bureau's settings (docIssuer.<template>, docSeal.<template>)
 * where set, otherwise the bureau the matter's owning office belongs to (its nearest ancestor of kind bureau).
 * Read at issue time and stored with the document, so a later change of settings never alters an issued one.
 */
export async function issuerFor(db: Queryable, templateId: string, ownerOrgId: number): Promise<Issuer> {
  const { rows } = await db.query<{ organ: string | null; seal: string | null; bureau: string | null }>(
    `SELECT (SELECT value #>> '{}' FROM settings WHERE key = 'docIssuer.' || $1) AS organ,
            (SELECT value #>> '{}' FROM settings WHERE key = 'docSeal.' || $1) AS seal,
            (SELECT o.name FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
             WHERE c.descendant_id = $2 AND o.kind = 'bureau' ORDER BY c.depth LIMIT 1) AS bureau`,
    [templateId, ownerOrgId],
  );
  const organ = rows[0]?.organ ?? rows[0]?.bureau;
  if (!organ) throw new Error(`no issuing organ for ${templateId}: set docIssuer.${templateId}`);
  return { organ, seal: rows[0]?.seal ?? organ };
}
