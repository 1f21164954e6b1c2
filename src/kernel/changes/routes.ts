import { z } from 'zod';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { changeKinds, changeStates, pendingChange, pendingChangeList } from './contracts.ts';
import { type ChangeView, type Decision, decide, listChanges } from './store.ts';

/** One change as the reader sees it (mine, diff). */
export async function changeView(
  db: Db,
  actor: Parameters<typeof listChanges>[1],
  id: number,
): Promise<ChangeView> {
  const { rows } = await db.query<{ kind: ChangeView['kind'] }>(
    'SELECT kind FROM pending_changes WHERE id = $1',
    [id],
  );
  const found = rows[0] && (await listChanges(db, actor, { kind: rows[0].kind, id }))[0];
  if (!found) throw new AppError('NOT_FOUND', `没有第 ${id} 号变更`);
  return found;
}

const note = z.string().trim().max(500, '意见最多 500 字');

export async function changeRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/changes',
    {
      schema: {
        tags: ['changes'],
        summary: '待第二人确认的变更（节假日安排通知、本机关设置）及其处理结果',
        querystring: z.object({
          kind: z.enum(changeKinds).optional(),
          state: z.enum(changeStates).optional(),
        }),
        response: { 200: pendingChangeList, ...errorResponses },
      },
    },
    async (req) => listChanges(db, req.actor, req.query),
  );

  const decisions: { path: string; decision: Decision; summary: string }[] = [
    { path: 'confirm', decision: 'confirm', summary: '确认变更（须为提出人以外的区级管理员），变更随即生效' },
    { path: 'reject', decision: 'reject', summary: '驳回变更（须填写理由），变更不生效' },
    { path: 'withdraw', decision: 'withdraw', summary: '提出人撤回变更' },
  ];
  for (const d of decisions)
    app.post(
      `/api/changes/:id/${d.path}`,
      {
        schema: {
          tags: ['changes'],
          summary: d.summary,
          params: z.object({ id: z.coerce.number().int().positive() }),
          body: z.object({ note: note.optional() }),
          response: { 200: pendingChange, ...errorResponses },
        },
      },
      async (req) => {
        const done = await decide(db, req.actor, req.params.id, d.decision, req.body.note || null);
        return changeView(db, req.actor, done.id);
      },
    );
}
