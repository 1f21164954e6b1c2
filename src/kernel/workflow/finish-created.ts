import type { Actor } from '../../platform/access/actor.ts';
import { auditMany } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/pool.ts';
import type { CreatedBatch } from './engine.ts';
import { issueDocumentsBatch, renderDocuments } from './issue.ts';
import { numberMatters } from './numbering.ts';

/**
 * Numbers the batch's matters (one counter statement per kind and year, in creation order), renders and stores
 * their documents (one statement per template and year, and one insert) and audits them (one statement): what
 * createMatter does at the end of its transaction for one matter, for all of them.
 */
export async function finishCreated(tx: Tx, batch: CreatedBatch) {
  if (!batch.length) return;
  const groups = new Map<string, CreatedBatch>();
  for (const b of batch) {
    const key = `${b.m.line}/${b.m.kind}/${b.date.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  for (const group of groups.values()) {
    const { m, kind, date } = group[0]!;
    const numbers = await numberMatters(
      tx,
      group.map((b) => b.m.id),
      { line: m.line, kind: m.kind, defaultPrefix: kind.refPrefix, year: Number(date.slice(0, 4)) },
    );
    group.forEach((b, i) => {
      b.m.refNo = numbers[i]!;
    });
  }
  const items = [];
  for (const b of batch) {
    const templates = (b.kind.create.documents ?? [])
      .filter((d) => !d.when || d.when(b.input, b.m))
      .map((d) => d.template);
    if (templates.length)
      items.push({
        m: b.m,
        eventId: b.eventId,
        issuedOn: b.date,
        drafts: await renderDocuments(tx, b.m, b.date, templates, b.input, b.eventId),
      });
  }
  await issueDocumentsBatch(tx, items);
  const byActor = new Map<Actor, CreatedBatch>();
  for (const b of batch) byActor.set(b.actor, [...(byActor.get(b.actor) ?? []), b]);
  for (const [actor, list] of byActor)
    await auditMany(
      tx,
      actor,
      list.map((b) => ({
        action: 'matter.create',
        objectType: 'matter',
        objectId: b.m.id,
        summary: { line: b.m.line, kind: b.m.kind, refNo: b.m.refNo },
      })),
    );
}
