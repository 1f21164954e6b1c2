import { z } from 'zod';
import { todayInChina } from '../../kernel/calendar/index.ts';
import { renderOfficialDocx } from '../../kernel/documents/index.ts';
import { choice, date, optionalText, text } from '../../kernel/fields/fields.ts';
import { tableToXlsx } from '../../kernel/indicators/xlsx.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { binary, DOCX_TYPE, errorResponses, noContent, XLSX_TYPE } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { assessmentSheet, reviewerSheetSpec } from './assessment-sheet.ts';
import { catalogue } from './catalogue.ts';
import { assessment, catalogueRow, created } from './contracts.ts';
import { reviewerKinds, reviewerStatuses } from './labels.ts';
import { lookupRoutes } from './lookups.ts';
import { ASSESSMENT_RULE, addReviewer, addScore, listReviewers, setReviewerStatus } from './registry.ts';

const tags = ['legalityReview'];

/** The reviewers' registry and their annual assessment, under /api/lines/legalityReview/. */
export async function registryRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const businessDay = () => (today ? today() : todayInChina());
  lookupRoutes(app, db);

  app.get(
    '/api/lines/legalityReview/reviewers',
    {
      schema: {
        tags,
        summary: '审查人员名册及年度履职考核（权限范围内）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: assessment, ...errorResponses },
      },
    },
    async (req) => {
      const year = req.query.year ?? Number(businessDay().slice(0, 4));
      return { year, rule: ASSESSMENT_RULE, reviewers: await listReviewers(db, req.actor, year) };
    },
  );

  app.get(
    '/api/lines/legalityReview/reviewers/assessment.xlsx',
    {
      schema: {
        tags,
        summary: '审查人员年度履职考核表（XLSX，排名与档次；记入审计）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: binary('年度履职考核表（XLSX）', XLSX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { year } = req.query;
      const rows = await listReviewers(db, req.actor, year);
      const sheet = assessmentSheet(year, rows);
      const xlsx = await tableToXlsx(sheet.name, sheet.header, sheet.rows);
      await audit(db, req.actor, {
        action: 'legalityReview.assessment.export',
        objectType: 'legalityReviewer',
        summary: { year, reviewers: rows.length },
      });
      reply.header('content-type', XLSX_TYPE);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`法审员年度履职考核_${year}.xlsx`)}`,
      );
      return reply.send(xlsx);
    },
  );

  app.get(
    '/api/lines/legalityReview/reviewers/:id/assessment.docx',
    {
      schema: {
        tags,
        summary: '审查人员个人年度履职考核表（DOCX；权限范围内；记入审计）',
        params: z.object({ id: z.coerce.number().int().positive('编号无效') }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: binary('个人年度履职考核表（DOCX）', DOCX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { year } = req.query;
      // The ranking the actor may see: a reviewer outside it is not found, and the place is within it.
      const rows = await listReviewers(db, req.actor, year);
      const place = rows.findIndex((r) => r.id === req.params.id);
      const row = rows[place];
      if (!row) throw new AppError('NOT_FOUND', '审查人员不存在');
      const { rows: points } = await db.query<{ points: number; reason: string }>(
        `SELECT points, reason FROM legality_assessment_scores WHERE reviewer_id = $1 AND year = $2 ORDER BY id`,
        [row.id, year],
      );
      const spec = reviewerSheetSpec(year, row, { place: place + 1, of: rows.length }, points, businessDay());
      const docx = await renderOfficialDocx(spec);
      await audit(db, req.actor, {
        action: 'legalityReview.assessment.export',
        objectType: 'legalityReviewer',
        objectId: String(row.id),
        summary: { year, reviewer: row.id },
      });
      reply.header('content-type', DOCX_TYPE);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`法审员年度履职考核表_${year}_${row.name}.docx`)}`,
      );
      return reply.send(docx);
    },
  );

  app.get(
    '/api/lines/legalityReview/decisions',
    {
      schema: {
        tags,
        summary: '重大行政决策事项目录（含程序环节；未经合法性审查即集体讨论的予以提示）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.array(catalogueRow), ...errorResponses },
      },
    },
    async (req) => catalogue(db, req.actor, req.query.year ?? Number(businessDay().slice(0, 4))),
  );

  app.post(
    '/api/lines/legalityReview/reviewers',
    {
      schema: {
        tags,
        summary: '登记审查人员（法审员、公职律师、法律顾问）',
        body: z.object({
          orgId: z.number().int().positive().meta({ title: '所属审查中心' }),
          name: text('姓名', 50),
          reviewerKind: choice('类别', reviewerKinds),
          qualification: optionalText('资格证书或执业机构', 100),
          joinedOn: date('任职日期'),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await addReviewer(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'legalityReview.reviewer.create',
          objectType: 'legalityReviewer',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/lines/legalityReview/reviewers/:id/scores',
    {
      schema: {
        tags,
        summary: '录入年度履职考核加减分（须写明理由）',
        params: z.object({ id: z.coerce.number().int().positive('编号无效') }),
        body: z.object({
          year: z.number().int().min(2000).max(2100).meta({ title: '考核年度' }),
          points: z
            .number()
            .int('分值应为整数')
            .min(-20, '扣分不超过 20 分')
            .max(20, '加分不超过 20 分')
            .meta({ title: '加减分' }),
          reason: text('理由', 500),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await addScore(tx, req.actor, req.params.id, req.body);
        await audit(tx, req.actor, {
          action: 'legalityReview.assessment.score',
          objectType: 'legalityReviewer',
          objectId: req.params.id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/lines/legalityReview/reviewers/:id',
    {
      schema: {
        tags,
        summary: '变更审查人员状态',
        params: z.object({ id: z.coerce.number().int().positive('编号无效') }),
        body: z.object({ status: choice('状态', reviewerStatuses), on: date('日期') }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await setReviewerStatus(tx, req.actor, req.params.id, req.body.status, req.body.on);
        await audit(tx, req.actor, {
          action: 'legalityReview.reviewer.status',
          objectType: 'legalityReviewer',
          objectId: req.params.id,
          summary: req.body,
        });
      });
      return reply.code(204).send();
    },
  );
}
