import { z } from 'zod';
import { todayInChina } from '../../kernel/calendar/index.ts';
import { choice, date, optionalText, orgPick, text } from '../../kernel/fields/fields.ts';
import { indicatorRecords } from '../../kernel/indicators/compute.ts';
import { getIndicator } from '../../kernel/indicators/registry.ts';
import { assertCan, isDistrictLevel, scopeRoots } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { created, evaluationAnswer, postRow, recognitionRow, riskAnswer } from './contracts.ts';
import { evaluateTowns, visibleTowns } from './evaluation.ts';
import { recognitionKinds } from './labels.ts';
import { lookupRoutes } from './lookups.ts';
import { addPost, addRecognition, listPosts, listRecognitions } from './registry.ts';

const tags = ['supervision'];
const yearQuery = z.object({ year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效') });

/**
 * What makes a department deserve attention, read from every line's indicators by their breakdown by the unit
 * concerned (no line imported): an indicator not registered (its line not built) is left out.
 */
const RISK_SIGNALS = [
  { indicator: 'reconsideration.corrected', dim: 'respondent', label: '行政复议被纠错' },
  { indicator: 'reconsideration.received', dim: 'respondent', label: '被申请行政复议' },
  { indicator: 'litigation.lost', dim: 'defendant', label: '行政诉讼败诉' },
  { indicator: 'inspection.findings', dim: 'unit', label: '督察发现问题' },
  { indicator: 'inspection.findingsOverdue', dim: 'unit', label: '督察问题逾期整改' },
  { indicator: 'enforcementSupervision.notices', dim: 'unit', label: '收到行政执法监督通知书' },
  { indicator: 'enforcementSupervision.recommendations', dim: 'unit', label: '收到行政执法监督建议书' },
];

/** Observation posts, recognitions, the township evaluation and a department's risk page, under /api/lines/supervision/. */
export async function supervisionRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const businessDay = () => (today ? today() : todayInChina());
  lookupRoutes(app, db);

  app.get(
    '/api/lines/supervision/posts',
    {
      schema: {
        tags,
        summary: '行政执法监督观察站（点）名录',
        response: { 200: z.array(postRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listPosts(db, req.actor);
    },
  );

  app.post(
    '/api/lines/supervision/posts',
    {
      schema: {
        tags,
        summary: '登记行政执法监督观察站（点）',
        body: z.object({
          name: text('名称', 100),
          host: text('依托单位', 100),
          ownerOrgId: orgPick('管理机构', ['bureau', 'section', 'justiceOffice']),
          liaison: text('联络员', 100),
          setUpOn: date('设立日期'),
          selection: optionalText('入选名单', 100),
          selectedOn: date('入选日期').optional(),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      const id = await withTx(db, async (tx) => {
        const id = await addPost(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'supervision.post.create',
          objectType: 'supervisionPost',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/lines/supervision/recognitions',
    {
      schema: {
        tags,
        summary: '最佳实践、考评档次、荣誉等外部成果记录',
        querystring: z.object({ year: z.coerce.number().int().optional() }),
        response: { 200: z.array(recognitionRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listRecognitions(db, req.actor, req.query.year);
    },
  );

  app.post(
    '/api/lines/supervision/recognitions',
    {
      schema: {
        tags,
        summary: '登记外部成果（最佳实践、考评档次、荣誉、经验交流）',
        body: z.object({
          kind: choice('类别', recognitionKinds),
          title: text('名称', 200),
          holder: text('获得单位', 100),
          ownerOrgId: orgPick('登记机构', ['bureau', 'section', 'justiceOffice']),
          awardedBy: text('评定机关', 100),
          result: text('结果（档次、入选名单）', 100),
          assessedYear: z.number().int().min(2000).max(2100).optional().meta({ title: '考评年度' }),
          recordedOn: date('公布日期'),
          evidence: text('证明材料', 500),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      const id = await withTx(db, async (tx) => {
        const id = await addRecognition(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'supervision.recognition.create',
          objectType: 'supervisionRecognition',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/lines/supervision/evaluation',
    {
      schema: {
        tags,
        summary: '镇（街道）法治建设综合评价：得分、排名、档次（本镇街只见本镇街评价表）',
        querystring: yearQuery,
        response: { 200: evaluationAnswer, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      const district = await isDistrictLevel(db, req.actor, 'report.read');
      const mine = await visibleTowns(db, scopeRoots(req.actor, 'report.read'), district);
      if (mine && !mine.size)
        throw new AppError('FORBIDDEN', '只有区级或镇（街道）的账户可以查看镇街法治建设评价');
      const all = await evaluateTowns(db, req.query.year, businessDay());
      return { year: req.query.year, towns: mine ? all.filter((t) => mine.has(t.town)) : all };
    },
  );

  app.get(
    '/api/lines/supervision/departments/:id/risk',
    {
      schema: {
        tags,
        summary: '部门风险画像：复议纠错、诉讼败诉、督察问题、监督文书及其记录',
        params: z.object({ id: z.coerce.number().int().positive('编号无效') }),
        querystring: yearQuery,
        response: { 200: riskAnswer, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      const { rows } = await db.query<{ name: string }>(
        `SELECT name FROM orgs WHERE id = $1 AND kind IN ('department', 'government')`,
        [req.params.id],
      );
      const department = rows[0]?.name;
      if (!department) throw new AppError('NOT_FOUND', '没有该部门');
      const signals = [];
      for (const s of RISK_SIGNALS) {
        if (!getIndicator(s.indicator)) continue;
        const r = await indicatorRecords(db, req.actor, s.indicator, {
          year: req.query.year,
          region: '',
          today: businessDay(),
          limit: 50,
          offset: 0,
          only: { dim: s.dim, key: department },
        });
        signals.push({
          label: s.label,
          count: r.total,
          records: r.items.map((x: Record<string, unknown>) => ({
            id: Number(x.id),
            refNo: String(x.refNo),
            title: String(x.title),
            line: String(x.line),
          })),
        });
      }
      return { department, year: req.query.year, signals };
    },
  );
}
