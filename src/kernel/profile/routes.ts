import { z } from 'zod';
import { assertDistrictLevel } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { pendingChange } from '../changes/contracts.ts';
import { changeView } from '../changes/routes.ts';
import { listChanges, propose } from '../changes/store.ts';
import { profileVersionList, profileView } from './contracts.ts';
import { entryName, profileEntries, profileGroups } from './entries.ts';
import { allVersions, currentVersion, diffContents, effectiveValues, orgDefaults } from './store.ts';
import { parseProfile } from './validate.ts';

const READ = '查看本机关设置';

export async function profileRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/profile',
    {
      schema: {
        tags: ['profile'],
        summary:
          '本机关设置：机关名称、复议机关与机构、各文书的文号前缀、发文机关、落款和印章、各类案件的案号前缀',
        response: { 200: profileView, ...errorResponses },
      },
    },
    async (req) => {
      await assertDistrictLevel(db, req.actor, 'profile.manage', READ);
      const [v, defaults] = [await currentVersion(db), await orgDefaults(db)];
      const entries = profileEntries();
      const effective = effectiveValues(v.content, entries, defaults);
      const fallback = effectiveValues({}, entries, defaults);
      const pending = await listChanges(db, req.actor, { kind: 'profile', state: 'pending', limit: 1 });
      return {
        version: v.version,
        reason: v.reason,
        confirmedBy: v.confirmedBy,
        createdAt: v.createdAt,
        groups: profileGroups().map((g) => ({
          id: g.id,
          title: g.title,
          entries: g.entries.map((e) => {
            const defaultText =
              'entry' in e.fallback
                ? `同“${entryName(entries.get(e.fallback.entry)!)}”`
                : e.kind === 'flag'
                  ? '默认：否'
                  : `默认：${String(fallback[e.key])}`;
            return {
              key: e.key,
              label: e.label,
              kind: e.kind,
              max: e.max,
              ...(e.hint ? { hint: e.hint } : {}),
              value: v.content[e.key] ?? null,
              effective: effective[e.key]!,
              defaultText,
            };
          }),
        })),
        pending: pending[0] ?? null,
      };
    },
  );

  app.get(
    '/api/profile/versions',
    {
      schema: {
        tags: ['profile'],
        summary: '本机关设置的历次版本：修改人、确认人、时间、理由及与上一版本的差异',
        response: { 200: profileVersionList, ...errorResponses },
      },
    },
    async (req) => {
      await assertDistrictLevel(db, req.actor, 'profile.manage', READ);
      const [versions, defaults] = [await allVersions(db), await orgDefaults(db)];
      return versions.map((v, i) => ({
        version: v.version,
        reason: v.reason,
        proposedBy: v.proposedBy,
        confirmedBy: v.confirmedBy,
        createdAt: v.createdAt,
        changes: diffContents(versions[i + 1]?.content ?? {}, v.content, defaults),
      }));
    },
  );

  app.put(
    '/api/profile',
    {
      schema: {
        tags: ['profile'],
        summary:
          '提出修改本机关设置（所给各项取代现值，null 或空串恢复默认）：待另一位区级管理员确认后成为新版本',
        body: z.object({
          // Checked entry by entry against the registered lines' entries (parseProfile), after the permission.
          values: z.record(z.string().max(200), z.union([z.string().max(1_000), z.boolean(), z.null()])),
          reason: z.string().trim().min(1, '请填写修改理由').max(500, '修改理由最多 500 字'),
        }),
        response: { 201: pendingChange, ...errorResponses },
      },
    },
    async (req, reply) => {
      await assertDistrictLevel(db, req.actor, 'profile.manage', '修改本机关设置');
      const v = await currentVersion(db);
      // The values given replace the current ones; an entry given as null or '' returns to its default.
      const content = parseProfile({ ...v.content, ...req.body.values });
      if (diffContents(v.content, content, await orgDefaults(db)).length === 0)
        throw new AppError('VALIDATION', '与现行设置相同，没有需要确认的修改');
      const id = await propose(db, req.actor, {
        kind: 'profile',
        subject: 'profile',
        payload: { content },
        reason: req.body.reason,
        baseVersion: v.version,
      });
      return reply.code(201).send(await changeView(db, req.actor, id));
    },
  );
}
