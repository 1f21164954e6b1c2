import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { binary, DOCX_TYPE, errorResponses } from '../../platform/http/contracts.ts';
import { todayInChina } from '../calendar/index.ts';
import { renderOfficialDocx } from '../documents/index.ts';
import { contentDisposition } from '../workflow/files.ts';
import { chineseDate } from '../workflow/templates.ts';
import { annualReportRoutes } from './annual/routes.ts';
import { compose, segmentsToHtml, segmentsToText } from './compose.ts';
import { composedReport, reportSection } from './contracts.ts';
import { allReportSections } from './sections.ts';

const body = z.object({
  title: z.string().trim().min(1).max(200).default('报告'),
  template: z.string().min(1, '模板不能为空').max(50_000),
  year: z.number().int().min(2000).max(2100),
  region: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字')
    .default('330211'),
  /** Only this organisation and those under it (a township office's own report). */
  org: z.number().int('机构编号无效').positive('机构编号无效').optional(),
  signature: z.string().max(100).default('宁波市镇海区司法局'),
});

/** Report composition: indicator placeholders filled from records, as linked HTML or as a GB/T 9704 DOCX. */
export async function reportRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  app.post(
    '/api/reports/compose',
    {
      schema: {
        tags: ['reports'],
        summary: '以指标填充报告模板（HTML，数字可穿透）',
        body,
        response: { 200: composedReport, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      const segments = await compose(db, req.actor, req.body.template, { ...req.body, today: today?.() });
      return { html: segmentsToHtml(segments), text: segmentsToText(segments), segments };
    },
  );

  app.post(
    '/api/reports/compose.docx',
    {
      schema: {
        tags: ['reports'],
        summary: '以指标填充报告模板（DOCX 公文格式）',
        body,
        response: { 200: binary('报告（DOCX，GB/T 9704）', DOCX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'report.read');
      const text = segmentsToText(
        await compose(db, req.actor, req.body.template, { ...req.body, today: today?.() }),
      );
      const docx = await renderOfficialDocx({
        title: req.body.title,
        body: text
          .split(/\n\s*\n|\n/)
          .filter((p) => p.trim())
          .map((p) =>
            /^[一二三四五六七八九十]+、/.test(p)
              ? { type: 'heading' as const, level: 1 as const, text: p }
              : /^（[一二三四五六七八九十]+）/.test(p) && p.length < 40
                ? { type: 'heading' as const, level: 2 as const, text: p }
                : { type: 'paragraph' as const, text: p },
          ),
        signature: req.body.signature,
        date: chineseDate(todayInChina()),
      });
      await audit(db, req.actor, {
        action: 'report.export',
        objectType: 'report',
        summary: { title: req.body.title, year: req.body.year, region: req.body.region, org: req.body.org },
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header('content-disposition', contentDisposition(`${req.body.title}.docx`));
      return reply.send(docx);
    },
  );

  app.get(
    '/api/reports/sections',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告段落模板（各业务条线提供，占位符为指标）',
        response: { 200: z.array(reportSection), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return allReportSections();
    },
  );

  await annualReportRoutes(app, { db, ...(today ? { today } : {}) });
}
