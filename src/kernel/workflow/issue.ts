import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';
import type { Tx } from '../../platform/db/pool.ts';
import { type ProfileNames, profileNames } from '../profile/store.ts';
import { issuerFor } from './issuer.ts';
import { nextDocumentNumber, reserveNumbers } from './numbering.ts';
import { chineseDate, type TemplateContent, type TemplateDef, templateHash } from './templates.ts';
import type { MatterView } from './types.ts';

/** A document rendered for a step, waiting for its number. */
export interface DocumentDraft {
  // biome-ignore lint/suspicious/noExplicitAny: the engine checked the step's data against its schema
  t: TemplateDef<any>;
  issuer: Awaited<ReturnType<typeof issuerFor>>;
  content: TemplateContent;
}

/** Renders a step's documents (text, issuer, seal), without numbers: numbers are taken last (see issueDocuments). */
export async function renderDocuments(
  tx: Tx,
  m: MatterView,
  issuedOn: string,
  // biome-ignore lint/suspicious/noExplicitAny: the engine checked the step's data against its schema
  templates: TemplateDef<any>[],
  data: unknown,
  /** The issuing step's event, for a template one of several actions issues (TemplateContext.eventId). */
  eventId?: number,
): Promise<DocumentDraft[]> {
  let read: Promise<ProfileNames> | undefined;
  const names = () => {
    read ??= profileNames(tx);
    return read;
  };
  const drafts: DocumentDraft[] = [];
  for (const t of templates) {
    // A template that speaks as one of the profile's organs (the 复议机关…) defaults to that organ's name.
    const issuer = await issuerFor(
      tx,
      t.id,
      m.ownerOrgId,
      t.speaksAs ? (await names())[t.speaksAs] : undefined,
      t.speaksAs === 'reconsiderationOrgan' && (await names()).specialSealAuthorised,
    );
    const content = await t.render({ tx, matter: m, data, issuedOn, issuer, names, eventId });
    drafts.push({ t, issuer, content });
  }
  return drafts;
}

/** The stored row of a numbered draft: its text (the spec, signed and dated), hashes and what it was issued with. */
function documentRow(
  m: MatterView,
  eventId: number,
  issuedOn: string,
  { t, issuer, content }: DocumentDraft,
  n: { prefix: string; seq: number; number: string },
) {
  const spec = { signature: issuer.signature, ...content, date: chineseDate(issuedOn), docNumber: n.number };
  const text = stableStringify(spec) ?? '';
  return {
    matter_id: m.id,
    event_id: eventId,
    kind: t.id,
    title: t.title,
    doc_number: n.number,
    prefix: n.prefix,
    year: Number(issuedOn.slice(0, 4)),
    seq: n.seq,
    issued_on: issuedOn,
    fields: text,
    content_hash: createHash('sha256').update(text).digest('hex'),
    template_hash: templateHash(t),
    owner_org_id: m.ownerOrgId,
    // What the profile gave this document, kept with it: a later change of the profile never alters it.
    issued_with: {
      organ: issuer.organ,
      signature: spec.signature,
      seal: issuer.seal,
      prefix: n.prefix,
      profileVersion: issuer.profileVersion,
    },
  };
}

const INSERT_DOCUMENTS = `INSERT INTO documents (matter_id, event_id, kind, title, doc_number, prefix, year, seq, issued_on,
                                                fields, docx, content_hash, template_hash, owner_org_id, issued_with)
  SELECT d.matter_id, d.event_id, d.kind, d.title, d.doc_number, d.prefix, d.year, d.seq, d.issued_on, d.fields::jsonb, NULL,
         d.content_hash, d.template_hash, d.owner_org_id, d.issued_with
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (matter_id bigint, event_id bigint, kind text, title text,
         doc_number text, prefix text, year int, seq int, issued_on date, fields text, content_hash text,
         template_hash text, owner_org_id bigint, issued_with jsonb)) WITH ORDINALITY
       AS d(matter_id, event_id, kind, title, doc_number, prefix, year, seq, issued_on, fields, content_hash,
            template_hash, owner_org_id, issued_with, ord)
  ORDER BY d.ord
  RETURNING id`;

/**
 * Numbers and stores the documents a step issues, in the step's transaction. A document is immutable once stored:
 * its text, the text's SHA-256 and the template's hash are kept as issued. The DOCX is rendered from the text at the
 * first download (`documents/docx-store.ts`), outside every step's locks.
 */
export async function issueDocuments(
  tx: Tx,
  m: MatterView,
  eventId: number,
  issuedOn: string,
  // biome-ignore lint/suspicious/noExplicitAny: the engine checked the step's data against its schema
  templates: TemplateDef<any>[],
  data: unknown,
) {
  // Render every document first; take their numbers (the counters' row locks) only once nothing else is left.
  const drafts = await renderDocuments(tx, m, issuedOn, templates, data, eventId);
  const year = Number(issuedOn.slice(0, 4));
  const issued: { id: number; kind: string; title: string; docNumber: string }[] = [];
  for (const d of drafts) {
    const n = await nextDocumentNumber(tx, d.t.id, d.t.defaultPrefix, year);
    const row = documentRow(m, eventId, issuedOn, d, n);
    const { rows } = await tx.query<{ id: number }>(INSERT_DOCUMENTS, [JSON.stringify([row])]);
    issued.push({ id: rows[0]!.id, kind: d.t.id, title: d.t.title, docNumber: n.number });
  }
  return issued;
}

/**
 * The documents of many matters' steps (an import's transaction), numbered per template and year in the order
 * given with one counter statement each, and stored with one statement: the same rows issueDocuments writes.
 */
export async function issueDocumentsBatch(
  tx: Tx,
  items: { m: MatterView; eventId: number; issuedOn: string; drafts: DocumentDraft[] }[],
) {
  const flat = items.flatMap((it) => it.drafts.map((d) => ({ ...it, d })));
  if (!flat.length) return;
  const groups = new Map<string, typeof flat>();
  for (const f of flat) {
    const key = `${f.d.t.id}\u0000${f.issuedOn.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rows = new Map<(typeof flat)[number], ReturnType<typeof documentRow>>();
  for (const group of groups.values()) {
    const { t } = group[0]!.d;
    const numbers = await reserveNumbers(tx, {
      counter: null,
      settingKey: `docPrefix.${t.id}`,
      defaultPrefix: t.defaultPrefix,
      year: Number(group[0]!.issuedOn.slice(0, 4)),
      n: group.length,
    });
    group.forEach((f, i) => {
      rows.set(f, documentRow(f.m, f.eventId, f.issuedOn, f.d, numbers[i]!));
    });
  }
  await tx.query(INSERT_DOCUMENTS, [JSON.stringify(flat.map((f) => rows.get(f)))]);
}
