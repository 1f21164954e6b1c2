import { z } from 'zod';
import { assertCan } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { App } from '../../../platform/http/app.ts';
import { binary, DOCX_TYPE, errorResponses, PDF_TYPE } from '../../../platform/http/contracts.ts';
import { AppError } from '../../../platform/http/errors.ts';
import {
  PdfUnavailableError,
  pdfQueue,
  renderOfficialDocx,
  renderOfficialPdf,
} from '../../documents/index.ts';
import { contentDisposition } from '../../workflow/files.ts';
import { reportPowers } from './access.ts';
import {
  annualPartEnum,
  annualReportSummary,
  annualReportView,
  blockVersion,
  figureDiff,
  reportActionEnum,
} from './contracts.ts';
import type { Edition } from './edition.ts';
import { publishedPdf } from './pdf-store.ts';
import { editionHtml, editionSpec } from './render.ts';
import {
  addBlock,
  blockVersions,
  editBlock,
  listReports,
  loadReport,
  openDraft,
  updateMeta,
} from './store.ts';
import { annualParts, partLabels } from './structure.ts';
import { allowedActions, liveEdition, publishedDiff, transition } from './workflow.ts';

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });
const blockParams = idParams.extend({ blockId: z.coerce.number().int().positive('编号无效') });
const region = z
  .string()
  .regex(/^\d{6}$/, '区划代码应为6位数字（年度报告按区编制）')
  .default('330211');
const editionQuery = z.object({
  /** published: the frozen edition (default once published); live: the current text from today's records. */
  edition: z.enum(['published', 'live']).optional(),
});
const version = z.number().int().nonnegative();
const template = z.string().trim().min(1, '段落内容不能为空').max(20_000, '段落过长');

/** The annual report (法治政府建设年度报告): drafts, blocks, review, approval, publication and its outputs. */
export async function annualReportRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const edition = async (req: { actor: Parameters<typeof loadReport>[1] }, id: number, which?: string) => {
    const r = await loadReport(db, req.actor, id);
    const published = which !== 'live' && r.edition;
    const e: Edition = published ? r.edition! : await liveEdition(db, r, today?.());
    return { r, e, label: published ? 'published' : 'live' };
  };

  app.get(
    '/api/annual-reports',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告（各年度版本）',
        querystring: z.object({ region }),
        response: { 200: z.array(annualReportSummary), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return listReports(db, req.actor, req.query.region);
    },
  );

  app.post(
    '/api/annual-reports',
    {
      schema: {
        tags: ['reports'],
        summary: '打开某年度的年度报告草稿（没有则以上一年度文字新建，数字按本年度重算）',
        body: z.object({ year: z.number().int().min(2000).max(2100), region }),
        response: { 200: z.object({ id: z.number(), created: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return openDraft(db, req.actor, req.body.year, req.body.region);
    },
  );

  app.get(
    '/api/annual-reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告：段落、当前数字、状态与可执行操作',
        params: idParams,
        response: { 200: annualReportView, ...errorResponses },
      },
    },
    async (req) => {
      const r = await loadReport(db, req.actor, req.params.id);
      const live = await liveEdition(db, r, today?.());
      const { edition: frozen, ...report } = r;
      const meta = r;
      return {
        report,
        parts: annualParts.map((part) => ({ part, label: partLabels[part] })),
        blocks: live.blocks,
        allowedActions: allowedActions(r.state),
        can: await reportPowers(db, req.actor, r.orgId),
        liveHtml: editionHtml(live, meta),
        publishedHtml: frozen ? editionHtml(frozen, meta) : null,
      };
    },
  );

  app.put(
    '/api/annual-reports/:id/blocks/:blockId',
    {
      schema: {
        tags: ['reports'],
        summary: '修改年度报告的一个段落（保留每个版本：谁、何时、改了什么）',
        params: blockParams,
        body: z.object({ template, version }),
        response: { 200: z.object({ version: z.number() }), ...errorResponses },
      },
    },
    async (req) => editBlock(db, req.actor, req.params.id, req.params.blockId, req.body),
  );

  app.post(
    '/api/annual-reports/:id/blocks',
    {
      schema: {
        tags: ['reports'],
        summary: '在年度报告的某一部分末尾增加一段叙述',
        params: idParams,
        body: z.object({ part: annualPartEnum, template, newParagraph: z.boolean().default(true) }),
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await addBlock(db, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/api/annual-reports/:id/blocks/:blockId/versions',
    {
      schema: {
        tags: ['reports'],
        summary: '段落的历次版本',
        params: blockParams,
        response: { 200: z.array(blockVersion), ...errorResponses },
      },
    },
    async (req) => blockVersions(db, req.actor, req.params.id, req.params.blockId),
  );

  app.put(
    '/api/annual-reports/:id/meta',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告的索引号、成文日期、发布机构、公开方式',
        params: idParams,
        body: z.object({
          indexNo: z
            .string()
            .trim()
            .max(60)
            .regex(/^[\w/-]*$/, '索引号只能含数字、字母、/ 和 -')
            .nullable(),
          writtenOn: z.iso.date('成文日期格式应为 YYYY-MM-DD').nullable(),
          publisher: z.string().trim().min(1, '发布机构不能为空').max(100),
          disclosure: z.enum(['主动公开', '依申请公开', '不予公开']),
          version,
        }),
        response: { 200: z.object({ ok: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => {
      await updateMeta(db, req.actor, req.params.id, {
        ...req.body,
        indexNo: req.body.indexNo || null,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/annual-reports/:id/actions/:action',
    {
      schema: {
        tags: ['reports'],
        summary: '审核、签发、发布（冻结文字与数字）或退回草稿',
        params: idParams.extend({ action: reportActionEnum }),
        body: z.object({ version }),
        response: { 200: z.object({ state: z.string(), version: z.number() }), ...errorResponses },
      },
    },
    async (req) => transition(db, req.actor, req.params.id, req.params.action, req.body, today?.()),
  );

  app.get(
    '/api/annual-reports/:id/diff',
    {
      schema: {
        tags: ['reports'],
        summary: '发布版与按当前记录重算的数字之差',
        params: idParams,
        response: { 200: figureDiff, ...errorResponses },
      },
    },
    async (req) => publishedDiff(db, req.actor, req.params.id, today?.()),
  );

  app.get(
    '/api/annual-reports/:id/html',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告（HTML，适用于政府信息公开网站；数字链接到明细）',
        params: idParams,
        querystring: editionQuery,
        response: { 200: binary('年度报告（HTML）', 'text/html'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { r, e } = await edition(req, req.params.id, req.query.edition);
      const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${e.title.replace(/[<>&"]/g, '')}</title></head><body>${editionHtml(e, r)}</body></html>`;
      return reply.header('content-type', 'text/html; charset=utf-8').send(Buffer.from(page));
    },
  );

  for (const format of ['docx', 'pdf'] as const)
    app.get(
      `/api/annual-reports/:id/${format}`,
      {
        schema: {
          tags: ['reports'],
          summary: `年度报告（${format.toUpperCase()}，GB/T 9704）`,
          params: idParams,
          querystring: editionQuery,
          response: {
            200: binary(`年度报告（${format.toUpperCase()}）`, format === 'docx' ? DOCX_TYPE : PDF_TYPE),
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        const { r, e, label } = await edition(req, req.params.id, req.query.edition);
        const spec = editionSpec(e, r, r.publisher);
        let bytes: Buffer;
        try {
          bytes =
            format === 'docx'
              ? await renderOfficialDocx(spec)
              : label === 'published'
                ? await publishedPdf(db, r.id, spec, `user:${req.actor.userId}`)
                : await pdfQueue.convert(
                    `annual:${r.id}:${label}:${e.asOf}`,
                    `user:${req.actor.userId}`,
                    () => renderOfficialPdf(spec),
                  );
        } catch (err) {
          if (err instanceof PdfUnavailableError) throw new AppError('UNAVAILABLE', err.message);
          throw err;
        }
        await audit(db, req.actor, {
          action: 'annualReport.export',
          objectType: 'annualReport',
          objectId: r.id,
          summary: { format, edition: label },
        });
        return reply
          .header('content-type', format === 'docx' ? DOCX_TYPE : PDF_TYPE)
          .header('content-disposition', contentDisposition(`${e.title}.${format}`))
          .send(bytes);
      },
    );
}
