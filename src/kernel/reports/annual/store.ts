import type { Actor } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../../platform/db/pool.ts';
import { withTx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { validateTemplate } from '../compose.ts';
import { allReportSections } from '../sections.ts';
import { assertReportPower } from './access.ts';
import type { BlockRow, Edition } from './edition.ts';
import { sectionLayout, skeleton } from './skeleton.ts';
import { type AnnualPart, partOfSection, withReportTokens } from './structure.ts';

export type ReportState = 'draft' | 'reviewed' | 'approved' | 'published';

export interface ReportRow {
  id: number;
  year: number;
  region: string;
  orgId: number;
  state: ReportState;
  indexNo: string | null;
  writtenOn: string | null;
  publisher: string;
  disclosure: string;
  topic: string;
  genre: string;
  basedOn: number | null;
  version: number;
  asOf: Date | null;
  publishedAt: Date | null;
  edition: Edition | null;
}

const reportColumns = `id, year, region, org_id AS "orgId", state, index_no AS "indexNo",
  to_char(written_on, 'YYYY-MM-DD') AS "writtenOn", publisher, disclosure, topic, genre, based_on AS "basedOn",
  version, as_of AS "asOf", published_at AS "publishedAt", edition`;
const blockColumns = `id, part, position, kind, section_id AS "sectionId", new_paragraph AS "newParagraph",
  omitted, template, version`;

export async function loadReport(db: Queryable, actor: Actor, id: number, lock = false): Promise<ReportRow> {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${reportColumns} FROM annual_reports WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new AppError('NOT_FOUND', '没有该年度报告');
  await assertReportPower(db, actor, r.orgId, 'read');
  return r;
}

export async function loadBlocks(db: Queryable, reportId: number): Promise<BlockRow[]> {
  const { rows } = await db.query<BlockRow>(
    `SELECT ${blockColumns} FROM annual_report_blocks WHERE report_id = $1 ORDER BY part, position, id`,
    [reportId],
  );
  return rows;
}

export async function listReports(db: Queryable, actor: Actor, region: string) {
  const { rows } = await db.query<ReportRow>(
    `SELECT ${reportColumns} FROM annual_reports WHERE region = $1 ORDER BY year DESC`,
    [region],
  );
  const visible: Omit<ReportRow, 'edition'>[] = [];
  for (const { edition: _, ...r } of rows) {
    try {
      await assertReportPower(db, actor, r.orgId, 'read');
      visible.push(r);
    } catch {}
  }
  return visible;
}

async function bureauOf(db: Queryable, region: string) {
  const { rows } = await db.query<{ id: number; name: string }>(
    `SELECT id, name FROM orgs WHERE kind = 'bureau' AND region_code = $1 AND active ORDER BY id LIMIT 1`,
    [region],
  );
  if (!rows[0]) throw new AppError('VALIDATION', '年度报告按区编制：该区划没有司法局');
  return rows[0];
}

function checkTemplate(template: string) {
  const problems = validateTemplate(withReportTokens(template, 2000));
  if (problems.length) throw new AppError('VALIDATION', problems.join('；'));
}

async function insertBlock(
  tx: Tx,
  actor: Actor,
  reportId: number,
  b: Omit<BlockRow, 'id' | 'version'>,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO annual_report_blocks (report_id, part, position, kind, section_id, new_paragraph, omitted, template,
                                       updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [reportId, b.part, b.position, b.kind, b.sectionId, b.newParagraph, b.omitted, b.template, actor.userId],
  );
  const id = rows[0]!.id;
  await tx.query(
    `INSERT INTO annual_report_block_versions (block_id, version, template, changed_by, changed_name)
     VALUES ($1, 1, $2, $3, $4)`,
    [id, b.template, actor.userId, actor.name],
  );
  return id;
}

/** The lines' sections not yet in the edition, each at the seed's place or at the end of its part. */
async function addMissingSections(tx: Tx, actor: Actor, reportId: number): Promise<string[]> {
  const blocks = await loadBlocks(tx, reportId);
  const have = new Set(blocks.map((b) => b.sectionId));
  const added: string[] = [];
  for (const s of allReportSections()) {
    if (have.has(s.id)) continue;
    added.push(s.id);
    const part = partOfSection(s);
    const layout = sectionLayout[s.id];
    const last = Math.max(0, ...blocks.filter((b) => b.part === part).map((b) => b.position));
    await insertBlock(tx, actor, reportId, {
      part,
      position: layout?.position ?? last + 10,
      kind: 'line',
      sectionId: s.id,
      newParagraph: layout?.newParagraph ?? false,
      omitted: false,
      template: s.template,
    });
  }
  return added;
}

/**
 * The draft of `year`: the edition if it exists, otherwise a new one that starts from the previous year's text
 * (its figures recomputed for the new year, since the text keeps only placeholders), or from the seed's text.
 */
export async function openDraft(db: Db, actor: Actor, year: number, region: string) {
  return withTx(db, async (tx) => {
    const bureau = await bureauOf(tx, region);
    await assertReportPower(tx, actor, bureau.id, 'edit');
    const existing = await tx.query<{ id: number; state: ReportState }>(
      'SELECT id, state FROM annual_reports WHERE year = $1 AND region = $2 FOR UPDATE',
      [year, region],
    );
    const known = existing.rows[0];
    if (known) {
      // A line registered since the draft was opened: its paragraph joins the draft (never a signed edition).
      if (known.state === 'draft' && (await addMissingSections(tx, actor, known.id)).length)
        await audit(tx, actor, {
          action: 'annualReport.sync',
          objectType: 'annualReport',
          objectId: known.id,
          summary: { year, region },
        });
      return { id: known.id, created: false };
    }
    const previous = await tx.query<{ id: number; publisher: string; disclosure: string }>(
      'SELECT id, publisher, disclosure FROM annual_reports WHERE year = $1 AND region = $2',
      [year - 1, region],
    );
    const prev = previous.rows[0];
    const { rows } = await tx.query<{ id: number }>(
      `INSERT INTO annual_reports (year, region, org_id, publisher, disclosure, based_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        year,
        region,
        bureau.id,
        prev?.publisher ?? '区司法局',
        prev?.disclosure ?? '主动公开',
        prev?.id ?? null,
        actor.userId,
      ],
    );
    const id = rows[0]!.id;
    const start = prev
      ? (await loadBlocks(tx, prev.id)).map(({ id: _, version: __, ...b }) => b)
      : skeleton.map((b) => ({
          ...b,
          sectionId: null,
          newParagraph: b.newParagraph ?? false,
          omitted: false,
        }));
    for (const b of start) await insertBlock(tx, actor, id, b);
    await addMissingSections(tx, actor, id);
    await audit(tx, actor, {
      action: 'annualReport.create',
      objectType: 'annualReport',
      objectId: id,
      summary: { year, region, basedOn: prev?.id ?? null },
    });
    return { id, created: true };
  });
}

const draftOnly = (r: ReportRow) => {
  if (r.state !== 'draft')
    throw new AppError('ACTION_NOT_ALLOWED', '只有草稿可以修改；已审核或签发的报告须先退回草稿');
};
const sameVersion = (r: ReportRow, version: number) => {
  if (r.version !== version) throw new AppError('VERSION_CONFLICT', '年度报告已被他人修改，请刷新后再试');
};

/** A new version of one block's text (who, when, kept in annual_report_block_versions). */
export async function editBlock(
  db: Db,
  actor: Actor,
  reportId: number,
  blockId: number,
  input: { template: string; version: number },
) {
  checkTemplate(input.template);
  return withTx(db, async (tx) => {
    const r = await loadReport(tx, actor, reportId, true);
    await assertReportPower(tx, actor, r.orgId, 'edit');
    draftOnly(r);
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE annual_report_blocks SET template = $3, version = version + 1, updated_by = $4, updated_at = now()
        WHERE id = $1 AND report_id = $2 AND version = $5 RETURNING version`,
      [blockId, reportId, input.template, actor.userId, input.version],
    );
    if (!rows[0]) throw new AppError('VERSION_CONFLICT', '该段落已被他人修改，请刷新后再试');
    await tx.query(
      `INSERT INTO annual_report_block_versions (block_id, version, template, changed_by, changed_name)
       VALUES ($1, $2, $3, $4, $5)`,
      [blockId, rows[0].version, input.template, actor.userId, actor.name],
    );
    await tx.query('UPDATE annual_reports SET version = version + 1 WHERE id = $1', [reportId]);
    await audit(tx, actor, {
      action: 'annualReport.block.edit',
      objectType: 'annualReport',
      objectId: reportId,
      summary: { blockId, version: rows[0].version },
    });
    return { version: rows[0].version };
  });
}

/** A narrative block the bureau adds at the end of a part. */
export async function addBlock(
  db: Db,
  actor: Actor,
  reportId: number,
  input: { part: AnnualPart; template: string; newParagraph: boolean },
) {
  checkTemplate(input.template);
  return withTx(db, async (tx) => {
    const r = await loadReport(tx, actor, reportId, true);
    await assertReportPower(tx, actor, r.orgId, 'edit');
    draftOnly(r);
    const blocks = await loadBlocks(tx, reportId);
    const last = Math.max(0, ...blocks.filter((b) => b.part === input.part).map((b) => b.position));
    const id = await insertBlock(tx, actor, reportId, {
      part: input.part,
      position: last + 10,
      kind: 'narrative',
      sectionId: null,
      newParagraph: input.newParagraph,
      omitted: false,
      template: input.template,
    });
    await tx.query('UPDATE annual_reports SET version = version + 1 WHERE id = $1', [reportId]);
    await audit(tx, actor, {
      action: 'annualReport.block.add',
      objectType: 'annualReport',
      objectId: reportId,
      summary: { blockId: id, part: input.part },
    });
    return { id };
  });
}

export async function blockVersions(db: Queryable, actor: Actor, reportId: number, blockId: number) {
  await loadReport(db, actor, reportId);
  const { rows } = await db.query<{
    version: number;
    template: string;
    changedName: string;
    changedAt: Date;
  }>(
    `SELECT v.version, v.template, v.changed_name AS "changedName", v.changed_at AS "changedAt"
       FROM annual_report_block_versions v JOIN annual_report_blocks b ON b.id = v.block_id
      WHERE v.block_id = $1 AND b.report_id = $2 ORDER BY v.version DESC`,
    [blockId, reportId],
  );
  return rows;
}

export interface ReportMeta {
  indexNo: string | null;
  writtenOn: string | null;
  publisher: string;
  disclosure: string;
}

export async function updateMeta(
  db: Db,
  actor: Actor,
  reportId: number,
  meta: ReportMeta & { version: number },
) {
  return withTx(db, async (tx) => {
    const r = await loadReport(tx, actor, reportId, true);
    await assertReportPower(tx, actor, r.orgId, 'edit');
    draftOnly(r);
    sameVersion(r, meta.version);
    await tx.query(
      `UPDATE annual_reports SET index_no = $2, written_on = $3, publisher = $4, disclosure = $5, version = version + 1
        WHERE id = $1`,
      [reportId, meta.indexNo, meta.writtenOn, meta.publisher, meta.disclosure],
    );
    await audit(tx, actor, {
      action: 'annualReport.meta',
      objectType: 'annualReport',
      objectId: reportId,
      summary: { ...meta },
    });
  });
}
