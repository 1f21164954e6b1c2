import { countingOf } from './store.ts';

/**
 * A period counted as the bureau's setting chose when the case came in (legalAid.counting, pinned on the case):
 * 浙江 — the province's working-day reading (浙江省法律援助条例 第十一、十七条), the default — or 全国 — the
 * 法律援助法's "日" as calendar days. Both rules are declared, so the line contract checks each.
 */
export const pickByCounting = (zhejiang: string, national: string) => ({
  among: [zhejiang, national] as const,
  pick: async (_d: unknown, m: { id: number }, ctx: { tx: Parameters<typeof countingOf>[0] }) =>
    (await countingOf(ctx.tx, m.id)) === 'national' ? national : zhejiang,
});
