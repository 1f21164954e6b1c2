/**
 * The line test kit: walk a matter to a state through the product's HTTP API, run a table of refusals (each must
 * answer with its exact Chinese message and write nothing), and read issued documents as text. Written against
 * the API, not a line's functions, so a line's tests survive a refactor of its code.
 */
import { expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/pool.ts';
import type { Client } from './app.ts';

export interface Step {
  action: string;
  date: string;
  data?: Record<string, unknown>;
}

/** How to reach each state of one matter kind: the intake and the steps taken after it. */
export interface KindPaths {
  /** The intake payload; `n` numbers the matter so that each one differs (act numbers, case numbers). */
  create: (n: number) => Record<string, unknown>;
  paths: Record<string, Step[]>;
}

export interface KitContext {
  client: () => Client;
  db: () => Db;
}

export interface Created {
  id: number;
  refNo: string;
  version: number;
}

/** What a refused request must leave untouched on the matter. */
export async function writes(db: Db, matterId: number) {
  const { rows } = await db.query(
    `SELECT m.version, m.state,
            (SELECT count(*)::int FROM matter_events e WHERE e.matter_id = m.id) AS events,
            (SELECT count(*)::int FROM documents d WHERE d.matter_id = m.id) AS documents,
            (SELECT coalesce(string_agg(concat_ws('|', dl.key, dl.status, dl.due_on, dl.ended_on), ',' ORDER BY dl.id), '')
               FROM deadlines dl WHERE dl.matter_id = m.id) AS deadlines
     FROM matters m WHERE m.id = $1`,
    [matterId],
  );
  return rows[0];
}

export function lineKit(ctx: KitContext, kinds: Record<string, KindPaths>) {
  let serial = 0;
  const kindOf = (lineKind: string) => {
    const k = kinds[lineKind];
    if (!k) throw new Error(`no paths for ${lineKind}`);
    return k;
  };

  /** Registers a matter; refused intakes answer as the API does (for refusal tables). */
  const register = (lineKind: string, over: Record<string, unknown> = {}) =>
    ctx.client().post(`/api/lines/${lineKind}`, { ...kindOf(lineKind).create(++serial), ...over });

  async function create(lineKind: string, over: Record<string, unknown> = {}): Promise<Created> {
    const res = await register(lineKind, over);
    if (res.statusCode !== 201) throw new Error(`${lineKind} intake refused: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Takes one action as a clerk does: with the matter's version, read from the matter unless the caller knows it. */
  async function act(
    lineKind: string,
    id: number,
    action: string,
    date: string,
    data: Record<string, unknown> = {},
    known?: number,
  ) {
    const version = known ?? (await ctx.client().get(`/api/matters/${id}`)).json().matter.version;
    return ctx.client().post(`/api/lines/${lineKind}/${id}/${action}`, { version, date, data });
  }

  /**
   * A new matter of `lineKind` ('reconsideration/application') walked to the state named by a path (usually the
   * state's own name; a path may name a variant such as 'review.simplified'). Every step must succeed.
   */
  async function matterIn(lineKind: string, path: string, over: Record<string, unknown> = {}) {
    const steps = kindOf(lineKind).paths[path];
    if (!steps) throw new Error(`no path '${path}' for ${lineKind}`);
    const m = await create(lineKind, over);
    const documents: { id: number; kind: string; docNumber: string }[] = [];
    // Each answer carries the new version: the walk needs no read of the matter between steps.
    let version = m.version;
    for (const s of steps) {
      const res = await act(lineKind, m.id, s.action, s.date, s.data, version);
      if (res.statusCode !== 200)
        throw new Error(
          `${lineKind} '${path}': ${s.action} on ${s.date} refused: ${res.statusCode} ${res.body}`,
        );
      version = res.json().version;
      documents.push(...res.json().documents);
    }
    return { ...m, version, documents };
  }

  return { register, create, act, matterIn };
}

export type LineKit = ReturnType<typeof lineKit>;

/** One refusal: in the state reached by `path`, `action` with `data` on `date` is refused with exactly `message`. */
export interface Refusal {
  /** What is being refused, in words (the test's name). */
  what: string;
  lineKind: string;
  /** A path of the kit; null for a refused intake. */
  path: string | null;
  /** Intake overrides (path null), or overrides of the intake that led to the state. */
  intake?: Record<string, unknown>;
  action?: string;
  date?: string;
  data?: Record<string, unknown>;
  /** What must exist first (an earlier matter for a duplicate); its result is passed to `message`. */
  given?: (kit: LineKit) => Promise<Created>;
  message: string | ((given: Created) => string);
}

/**
 * Registers one test per row. The message must be the problem's `detail` or one of its field errors, word for
 * word (a check may answer 409 or, with field errors, 400 — both are refusals); and the refusal must write
 * nothing: same version and state, no event, no document, deadlines unchanged, no new matter.
 */
export function refusalsTable(kit: LineKit, ctx: KitContext, rows: Refusal[]) {
  it.each(rows.map((r) => [r.what, r] as const))('%s', async (_what, r) => {
    const matters = async () => Number((await ctx.db().query('SELECT count(*) AS n FROM matters')).rows[0].n);
    const given = r.given ? await r.given(kit) : undefined;
    let res: Awaited<ReturnType<LineKit['act']>>;
    if (r.path === null) {
      const before = await matters();
      res = await kit.register(r.lineKind, r.intake);
      expect(await matters()).toBe(before);
    } else {
      const m = await kit.matterIn(r.lineKind, r.path, r.intake);
      const before = await writes(ctx.db(), m.id);
      const count = await matters();
      res = await kit.act(r.lineKind, m.id, r.action!, r.date!, r.data, m.version);
      expect(await writes(ctx.db(), m.id)).toEqual(before);
      expect(await matters()).toBe(count);
    }
    expect([400, 409]).toContain(res.statusCode);
    const body = res.json() as { detail: string; errors?: { message: string }[] };
    const message = typeof r.message === 'function' ? r.message(given!) : r.message;
    expect([body.detail, ...(body.errors ?? []).map((e) => e.message)]).toContain(message);
  });
}
