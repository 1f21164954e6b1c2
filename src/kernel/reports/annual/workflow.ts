import type { Actor } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../../platform/db/pool.ts';
import { withTx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { getIndicator } from '../../indicators/registry.ts';
import { assertReportPower } from './access.ts';
import { composeEdition, diffFigures, type Edition } from './edition.ts';
import { loadBlocks, loadReport, type ReportRow, type ReportState } from './store.ts';

/** The edition's steps: 审核, 签发, 发布, and 退回 to the draft before publication. */
export const reportActions = {
  review: { from: ['draft'], to: 'reviewed', label: '审核' },
  approve: { from: ['reviewed'], to: 'approved', label: '签发' },
  publish: { from: ['approved'], to: 'published', label: '发布' },
  return: { from: ['reviewed', 'approved'], to: 'draft', label: '退回' },
} as const satisfies Record<string, { from: readonly ReportState[]; to: ReportState; label: string }>;
export type ReportAction = keyof typeof reportActions;

export const allowedActions = (state: ReportState) =>
  (Object.keys(reportActions) as ReportAction[]).filter((a) =>
    (reportActions[a].from as readonly ReportState[]).includes(state),
  );

/** The live edition: the report's current text composed from today's records. */
export async function liveEdition(db: Queryable, r: ReportRow, today?: string): Promise<Edition> {
  return composeEdition(db, r, await loadBlocks(db, r.id), today);
}

/**
 * One step of the edition. Publication composes the text from the records inside the step's transaction and stores
 * it with its as-of time: the published edition is that JSON, which no later change of records or text alters
 * (the database refuses any change to a published report or its blocks).
 */
export async function transition(
  db: Db,
  actor: Actor,
  reportId: number,
  action: ReportAction,
  input: { version: number },
  today?: string,
) {
  return withTx(db, async (tx) => {
    const r = await loadReport(tx, actor, reportId, true);
    await assertReportPower(tx, actor, r.orgId, 'sign');
    const step = reportActions[action];
    if (!(step.from as readonly ReportState[]).includes(r.state))
      throw new AppError('ACTION_NOT_ALLOWED', `当前状态下不能${step.label}`, {
        allowedActions: allowedActions(r.state),
      });
    if (r.version !== input.version)
      throw new AppError('VERSION_CONFLICT', '年度报告已被他人修改，请刷新后再试');
    const by = actor.userId && actor.userId > 0 ? actor.userId : null;
    if (action === 'publish') {
      if (!r.indexNo || !r.writtenOn) throw new AppError('VALIDATION', '发布前须填写索引号和成文日期');
      const edition = await liveEdition(tx, r, today);
      await tx.query(
        `UPDATE annual_reports SET state = 'published', published_by = $2, published_at = now(), as_of = $3,
                edition = $4, version = version + 1 WHERE id = $1`,
        [reportId, by, edition.asOf, JSON.stringify(edition)],
      );
    } else {
      if (action === 'return')
        // Back to the draft: the review and the approval no longer hold for a text that will change.
        await tx.query(
          `UPDATE annual_reports SET state = 'draft', version = version + 1, reviewed_by = NULL, reviewed_at = NULL,
                  approved_by = NULL, approved_at = NULL WHERE id = $1`,
          [reportId],
        );
      else
        await tx.query(
          `UPDATE annual_reports SET state = $3, version = version + 1,
                  ${action === 'review' ? 'reviewed_by = $2, reviewed_at = now()' : 'approved_by = $2, approved_at = now()'}
            WHERE id = $1`,
          [reportId, by, step.to],
        );
    }
    await audit(tx, actor, {
      action: `annualReport.${action}`,
      objectType: 'annualReport',
      objectId: reportId,
      summary: { year: r.year, region: r.region, from: r.state, to: step.to },
    });
    return { state: step.to, version: r.version + 1 };
  });
}

/** What moved in the records since publication: the published figures beside the same text composed now. */
export async function publishedDiff(db: Queryable, actor: Actor, reportId: number, today?: string) {
  const r = await loadReport(db, actor, reportId);
  if (r.state !== 'published' || !r.edition) throw new AppError('ACTION_NOT_ALLOWED', '报告尚未发布');
  const live = await liveEdition(db, r, today);
  const figures = diffFigures(r.edition, live).map((f) => ({
    ...f,
    name: getIndicator(f.indicator)?.name ?? f.indicator,
  }));
  return { asOf: r.edition.asOf, liveAsOf: live.asOf, figures };
}
