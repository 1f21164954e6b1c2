import { createHash } from 'node:crypto';
import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { binary, DOCX_TYPE, errorResponses, PDF_TYPE } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  documentDocx,
  documentPdf,
  type OfficialDocSpec,
  PdfUnavailableError,
  renderOfficialHtml,
} from '../documents/index.ts';
import { matterReadable, matterReadParam, rolesOnMatter } from './access.ts';
import { attachmentUploaded } from './contracts.ts';
import { voidedSpec } from './correction-view.ts';
import {
  allowedExtensions,
  attachmentMimeTypes,
  contentDisposition,
  isZipContainer,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
  sniffType,
} from './files.ts';
import { loadMatterView } from './matter-view.ts';
import { zipContainerProblem } from './zip-limits.ts';

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

/** Issued documents (DOCX, PDF) and matter attachments: every download is scoped and audited. */
export async function fileRoutes(app: App, { db }: { db: Db }) {
  const loadDocument = async (req: { actor: Parameters<typeof matterReadParam>[0] }, id: number) => {
    const { rows } = await db.query<{
      id: number;
      matter_id: number;
      title: string;
      doc_number: string;
      fields: OfficialDocSpec;
      content_hash: string;
      voided_on: string | null;
      void_reason: string | null;
    }>(
      `SELECT d.id, d.matter_id, d.title, d.doc_number, d.fields, d.content_hash, d.voided_on, d.void_reason
       FROM documents d JOIN matters m ON m.id = d.matter_id
       WHERE d.id = $1 AND ${matterReadable(2)}`,
      [id, matterReadParam(req.actor)],
    );
    const doc = rows[0];
    if (!doc) throw new AppError('NOT_FOUND', '文书不存在或不在您的权限范围内');
    // A voided document is still downloadable, as issued but marked 作废 (the issued text stays untouched).
    if (doc.voided_on === null) return doc;
    const fields = voidedSpec(doc.fields, doc.voided_on, doc.void_reason ?? '');
    return { ...doc, fields, title: `${doc.title}（作废）` };
  };

  app.get(
    '/api/documents/:id/docx',
    {
      schema: {
        tags: ['documents'],
        summary: '下载文书（DOCX）',
        params: idParams,
        response: { 200: binary('文书（DOCX，GB/T 9704）', DOCX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.read');
      const doc = await loadDocument(req, req.params.id);
      await audit(db, req.actor, {
        action: 'document.download',
        objectType: 'document',
        objectId: doc.id,
        summary: { format: 'docx', docNumber: doc.doc_number },
      });
      reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', contentDisposition(`${doc.title}（${doc.doc_number}）.docx`));
      return reply.send(await documentDocx(db, doc));
    },
  );

  app.get(
    '/api/documents/:id/pdf',
    {
      schema: {
        tags: ['documents'],
        summary: '下载文书（PDF，需服务器安装 LibreOffice）',
        params: idParams,
        response: { 200: binary('文书（PDF）', PDF_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.read');
      const doc = await loadDocument(req, req.params.id);
      let pdf: Buffer;
      try {
        // Rendered at the first download, through the bounded queue; kept and sent from the database after.
        pdf = await documentPdf(db, doc, `user:${req.actor.userId}`);
      } catch (err) {
        if (err instanceof PdfUnavailableError) throw new AppError('UNAVAILABLE', err.message);
        if (err instanceof AppError && err.code === 'RATE_LIMITED') reply.header('retry-after', '5');
        throw err;
      }
      await audit(db, req.actor, {
        action: 'document.download',
        objectType: 'document',
        objectId: doc.id,
        summary: { format: 'pdf', docNumber: doc.doc_number },
      });
      reply
        .header('content-type', PDF_TYPE)
        .header('content-disposition', contentDisposition(`${doc.title}（${doc.doc_number}）.pdf`));
      return reply.send(pdf);
    },
  );

  app.get(
    '/api/documents/:id/html',
    {
      schema: {
        tags: ['documents'],
        summary: '文书预览（HTML；作废的文书带作废标记）',
        params: idParams,
        response: { 200: binary('文书预览（HTML）', 'text/html'), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.read');
      const doc = await loadDocument(req, req.params.id);
      const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${doc.doc_number.replace(/[<>&"]/g, '')}</title></head><body>${renderOfficialHtml(doc.fields)}</body></html>`;
      return reply.header('content-type', 'text/html; charset=utf-8').send(Buffer.from(page));
    },
  );

  app.post(
    '/api/matters/:id/attachments',
    {
      schema: {
        tags: ['matters'],
        summary: `上传附件（multipart；限 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB；${allowedExtensions.join('/')}）`,
        params: idParams,
        response: { 201: attachmentUploaded, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      const m = await loadMatterView(db, req.params.id, { actor: req.actor });
      if ((await rolesOnMatter(db, req.actor, m)).size === 0)
        throw new AppError('FORBIDDEN', '您无权为该案件上传附件');
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', '请以 multipart/form-data 上传文件');
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES } });
      if (!file) throw new AppError('VALIDATION', '没有收到文件');
      const bytes = await file.toBuffer().catch(() => {
        throw new AppError('TOO_LARGE', `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
      });
      if (file.file.truncated)
        throw new AppError('TOO_LARGE', `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
      if (bytes.length === 0) throw new AppError('VALIDATION', '文件为空');
      const name = safeFileName(file.filename);
      const mime = sniffType(bytes, name);
      if (!mime)
        throw new AppError(
          'UNSUPPORTED_MEDIA',
          `不支持的文件类型，或文件内容与扩展名不符（允许：${allowedExtensions.join('、')}）`,
        );
      const zipProblem = isZipContainer(bytes) ? zipContainerProblem(bytes) : null;
      if (zipProblem) throw new AppError('TOO_LARGE', zipProblem);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const id = await withTx(db, async (tx) => {
        const { rows } = await tx.query<{ id: number }>(
          `INSERT INTO attachments (matter_id, file_name, mime_type, size_bytes, sha256, data, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [m.id, name, mime, bytes.length, sha256, bytes, req.actor.userId],
        );
        await audit(tx, req.actor, {
          action: 'attachment.upload',
          objectType: 'matter',
          objectId: m.id,
          summary: { name, size: bytes.length, sha256 },
        });
        return rows[0]!.id;
      });
      return reply.code(201).send({ id, fileName: name, mimeType: mime, sizeBytes: bytes.length, sha256 });
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['matters'],
        summary: '下载附件',
        params: idParams,
        response: { 200: binary('附件（按其识别出的类型）', ...attachmentMimeTypes), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.read');
      const { rows } = await db.query<{
        id: number;
        file_name: string;
        mime_type: string;
        data: Buffer;
        matter_id: number;
      }>(
        `SELECT a.id, a.file_name, a.mime_type, a.data, a.matter_id FROM attachments a JOIN matters m ON m.id = a.matter_id
       WHERE a.id = $1 AND ${matterReadable(2)}`,
        [req.params.id, matterReadParam(req.actor)],
      );
      const a = rows[0];
      if (!a) throw new AppError('NOT_FOUND', '附件不存在或不在您的权限范围内');
      await audit(db, req.actor, {
        action: 'attachment.download',
        objectType: 'attachment',
        objectId: a.id,
        summary: { matterId: a.matter_id },
      });
      reply
        .header('content-type', a.mime_type)
        .header('content-disposition', contentDisposition(a.file_name));
      return reply.send(a.data);
    },
  );
}
