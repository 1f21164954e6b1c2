import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftKey, pruneDrafts, readDraft, withDraft, writeDraft } from './drafts.ts';

/** A Map-backed localStorage: the unit project runs in node, without a DOM. */
class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

beforeEach(() => {
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage() };
});

describe('form drafts', () => {
  it('are kept per user, per matter and per action', () => {
    writeDraft(draftKey(7, 'matter:12:decide'), { data: { reasoning: '经审查' } }, 3);
    expect(readDraft(draftKey(7, 'matter:12:decide'))).toMatchObject({
      values: { data: { reasoning: '经审查' } },
      version: 3,
    });
    expect(readDraft(draftKey(8, 'matter:12:decide'))).toBeNull();
    expect(readDraft(draftKey(7, 'matter:13:decide'))).toBeNull();
    expect(readDraft(draftKey(7, 'matter:12:reject'))).toBeNull();
    clearDraft(draftKey(7, 'matter:12:decide'));
    expect(readDraft(draftKey(7, 'matter:12:decide'))).toBeNull();
  });

  it('are dropped after seven days', () => {
    const key = draftKey(7, 'create:toy/request');
    writeDraft(key, { subject: '甲' });
    const saved = Date.parse(readDraft(key)!.savedAt);
    expect(readDraft(key, saved + 6 * 86_400_000)).not.toBeNull();
    pruneDrafts(saved + 7 * 86_400_000 + 1);
    expect(readDraft(key, saved)).toBeNull();
  });

  it('fill a form over its defaults, nested objects field by field', () => {
    expect(
      withDraft(
        { date: '2025-06-30', data: { outcome: 'uphold', reasoning: '', added: 1 } },
        { date: '2025-06-20', data: { outcome: 'revoke', reasoning: '经审查，' } },
      ),
    ).toEqual({ date: '2025-06-20', data: { outcome: 'revoke', reasoning: '经审查，', added: 1 } });
  });
});
