// Drafts of create and action forms, kept in this browser's localStorage per user, per matter and per
// action, so what a clerk typed survives a failed submit, a conflict with another user's step and a new
// sign-in after the session lapsed. A draft is removed when its form succeeds, when the user discards it,
// and after DRAFT_MAX_AGE_DAYS (drafts hold personal data; a shared office PC should not keep them forever).

const PREFIX = 'fazhi.draft.v1';
export const DRAFT_MAX_AGE_DAYS = 7;
const MAX_AGE_MS = DRAFT_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;

export interface Draft<T = Record<string, unknown>> {
  values: T;
  /** ISO timestamp of the last change. */
  savedAt: string;
  /** For an action: the matter's version the user was looking at when typing. */
  version?: number;
}

/** `create:<line>/<kind>` for a create form, `matter:<id>:<action>` for an action. */
export function draftKey(userId: number, scope: string): string {
  return `${PREFIX}:${userId}:${scope}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // disabled storage (private mode, policy): forms work, just without drafts
  }
}

export function readDraft<T = Record<string, unknown>>(key: string, now = Date.now()): Draft<T> | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft<T>;
    if (now - Date.parse(draft.savedAt) > MAX_AGE_MS) {
      clearDraft(key);
      return null;
    }
    return draft;
  } catch {
    clearDraft(key);
    return null;
  }
}

export function writeDraft(key: string, values: unknown, version?: number): void {
  const draft: Draft<unknown> = { values, savedAt: new Date().toISOString(), version };
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // quota exceeded: the form still works, the draft is just not kept
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(key);
}

/** Removes every draft older than the maximum age, of any user (called once at start). */
export function pruneDrafts(now = Date.now()): void {
  const s = storage();
  if (!s) return;
  const keys = Array.from({ length: s.length }, (_, i) => s.key(i)).filter(
    (k): k is string => !!k && k.startsWith(`${PREFIX}:`),
  );
  for (const k of keys) readDraft(k, now);
}

/** Merges a draft over a form's initial values: fields the schema gained since keep their defaults. */
export function withDraft<T extends Record<string, unknown>>(initial: T, draft: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...initial };
  for (const [k, v] of Object.entries(draft)) {
    const base = out[k];
    out[k] =
      base &&
      v &&
      typeof base === 'object' &&
      typeof v === 'object' &&
      !Array.isArray(base) &&
      !Array.isArray(v)
        ? withDraft(base as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out as T;
}
