import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { binary, errorResponses, XLSX_TYPE } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInChina } from '../calendar/index.ts';
import { contentDisposition, isZipContainer, safeFileName, sniffType } from '../workflow/files.ts';
import { registrableKinds } from '../workflow/registrable.ts';
import { zipContainerProblem } from '../workflow/zip-limits.ts';
import * as contract from './contracts.ts';
import { MAX_IMPORT_BYTES } from './ledger.ts';
import { allImports, getImport } from './registry.ts';
import type { RowError } from './rows.ts';
import { runImport } from './run.ts';
import { batchView, createBatch, editRow, loadBatch, type RowStatus, skipRow } from './store.ts';
import { reportXlsx, templateXlsx } from './workbooks.ts';

const ident = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]*$/, '业务类型无效')
  .max(40);
const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });
const rowParams = idParams.extend({ rowNo: z.coerce.number().int().positive('行号无效') });
const mb = MAX_IMPORT_BYTES / 1024 / 1024;

/** Ledger import (台账导入): template, upload with dry run, fixes, chunked import with progress, result report. */
export async function importRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const todayOf = today ?? (() => todayInChina());

  app.get(
    '/api/imports/kinds',
    {
      schema: {
        tags: ['imports'],
        summary: '可导入的台账（业务类型、列、可导入的机构）',
        response: { 200: z.array(contract.importKind), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.write');
      const memberships = req.actor.memberships;
      const registrable = await registrableKinds(db, req.actor);
      const { rows: orgs } = await db.query<{ id: number; name: string }>(
        'SELECT id, name FROM orgs WHERE id = ANY($1::bigint[]) AND active ORDER BY id',
        [memberships.map((m) => m.orgId)],
      );
      return allImports()
        .map(({ line, kind, def }) => ({
          line: line.id,
          lineLabel: line.label,
          kind: kind.id,
          kindLabel: kind.label,
          label: def.label,
          columns: def.columns.map((c) => ({
            field: c.field,
            header: c.header,
            example: c.example,
            required: c.required ?? false,
            options: c.labels ? Object.values(c.labels) : c.cell === 'boolean' ? ['是', '否'] : null,
            personal: Boolean(c.personal),
          })),
          offices: orgs.filter((o) =>
            registrable.some((r) => r.line === line.id && r.kind === kind.id && r.orgIds.includes(o.id)),
          ),
        }))
        .filter((k) => k.offices.length > 0);
    },
  );

  app.get(
    '/api/imports/templates/:line/:kind',
    {
      schema: {
        tags: ['imports'],
        summary: '下载台账模板（XLSX：表头、示例行、下拉选项、填写说明）',
        params: z.object({ line: ident, kind: ident }),
        response: { 200: binary('台账模板（XLSX）', XLSX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      const imp = getImport(req.params.line, req.params.kind);
      const file = await templateXlsx(db, imp);
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition(`${imp.def.label}模板.xlsx`));
      return reply.send(file);
    },
  );

  app.post(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: `上传台账并试导入（multipart，.xlsx，限 ${mb} MB）：返回每一行的问题`,
        querystring: z.object({
          line: ident,
          kind: ident,
          orgId: z.coerce.number().int().positive('请选择机构'),
        }),
        response: { 201: contract.importBatch, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA', '请以 multipart/form-data 上传台账文件');
      const tooLarge = () => new AppError('TOO_LARGE', `台账文件超过 ${mb} MB，请分成几个文件导入`);
      const file = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES } });
      if (!file) throw new AppError('VALIDATION', '没有收到文件');
      const bytes = await file.toBuffer().catch(() => {
        throw tooLarge();
      });
      if (file.file.truncated) throw tooLarge();
      if (bytes.length === 0) throw new AppError('VALIDATION', '文件为空');
      const name = safeFileName(file.filename);
      if (sniffType(bytes, name) !== XLSX_TYPE)
        throw new AppError('UNSUPPORTED_MEDIA', '请上传 Excel 工作簿（.xlsx），文件内容与扩展名须一致');
      const zipProblem = isZipContainer(bytes) ? zipContainerProblem(bytes) : null;
      if (zipProblem) throw new AppError('TOO_LARGE', zipProblem);
      const id = await createBatch(db, req.actor, {
        line: req.query.line,
        kind: req.query.kind,
        orgId: req.query.orgId,
        fileName: name,
        bytes,
        today: todayOf(),
      });
      return reply.code(201).send(await batchView(db, req.actor, id));
    },
  );

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: '导入批次：试导入结果与进度',
        params: idParams,
        response: { 200: contract.importBatch, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.write');
      return batchView(db, req.actor, req.params.id);
    },
  );

  app.patch(
    '/api/imports/:id/rows/:rowNo',
    {
      schema: {
        tags: ['imports'],
        summary: '修改一行的单元格并重新校验（空值清除该格）',
        params: rowParams,
        body: z.object({ cells: z.record(z.string().max(100), z.string().max(10_000)) }),
        response: { 200: contract.importRow, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.write');
      return editRow(db, req.actor, req.params.id, req.params.rowNo, req.body.cells, todayOf());
    },
  );

  app.post(
    '/api/imports/:id/rows/:rowNo/skip',
    {
      schema: {
        tags: ['imports'],
        summary: '跳过一行（或取消跳过并重新校验）',
        params: rowParams,
        body: z.object({ skip: z.boolean() }),
        response: { 200: contract.importRow, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.write');
      return skipRow(db, req.actor, req.params.id, req.params.rowNo, req.body.skip, todayOf());
    },
  );

  app.post(
    '/api/imports/:id/run',
    {
      schema: {
        tags: ['imports'],
        summary: '导入下一部分行（约 3 秒一次，重复调用直至 finished；同一文件的同一行不会重复导入）',
        params: idParams,
        response: { 200: contract.importBatch, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.write');
      await runImport(db, req.actor, req.params.id, { today: todayOf() });
      return batchView(db, req.actor, req.params.id);
    },
  );

  app.get(
    '/api/imports/:id/report',
    {
      schema: {
        tags: ['imports'],
        summary: '下载导入结果（XLSX：每行的案件编号或未导入的原因）',
        params: idParams,
        response: { 200: binary('导入结果（XLSX）', XLSX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      const b = await loadBatch(db, req.actor, req.params.id);
      const { rows } = await db.query<{
        row_no: number;
        status: RowStatus;
        ref_no: string | null;
        errors: RowError[];
      }>(
        `SELECT r.row_no, r.status, m.ref_no, r.errors FROM import_rows r LEFT JOIN matters m ON m.id = r.matter_id
         WHERE r.batch_id = $1 ORDER BY r.row_no`,
        [b.id],
      );
      const { rows: f } = await db.query<{ file_name: string }>(
        'SELECT file_name FROM import_batches WHERE id = $1',
        [b.id],
      );
      await audit(db, req.actor, { action: 'import.report', objectType: 'import', objectId: b.id });
      reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition(`导入结果-${b.id}.xlsx`));
      return reply.send(await reportXlsx(f[0]!.file_name, rows));
    },
  );
}
