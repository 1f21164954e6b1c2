import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registerLines } from '../../../lines/index.ts';
import { placeholdersOf } from '../compose.ts';
import { allReportSections } from '../sections.ts';

/**
 * Which of the bureau's published 2024 figures (reference/seed-figures-2024.json, copied from the seed) the
 * registered report sections produce: each at most once in the report, and the ones no line produces yet listed.
 * The figures' values are checked on the demo by each line's own demo test.
 */
const seed: { id: string; line: string }[] = JSON.parse(
  readFileSync(new URL('../../../../reference/seed-figures-2024.json', import.meta.url), 'utf8'),
).figures;

describe('the seed report’s figures in the annual report', () => {
  registerLines();
  const used = allReportSections().flatMap((s) =>
    [...new Set(placeholdersOf(s.template))].map((id) => ({ id, section: s.id })),
  );

  it('produces each seed figure in one section only', () => {
    const seedIds = new Set(seed.map((f) => f.id));
    const twice = used
      .filter((u) => seedIds.has(u.id))
      .filter((u, i, all) => all.findIndex((v) => v.id === u.id) !== i);
    expect(twice).toEqual([]);
  });

  it('produces every seed figure, the facts (workstations, the provincial exchange) included', () => {
    const covered = new Set(used.map((u) => u.id));
    expect([...covered]).toEqual(
      expect.arrayContaining([
        'reconsideration.received',
        'litigation.filed',
        'reconsideration.corrected',
        'reconsideration.recommendations',
        'litigation.lost',
        'mediation.commercialCentresAdded',
        'mediation.received',
        'mediation.amount',
        'legalAid.workstations',
        'mediation.provincialExchange',
      ]),
    );
    const missing = seed.filter((f) => !covered.has(f.id)).map((f) => `${f.line}:${f.id}`);
    // Every one of the 36 is in a section now (the values: seed-figures.slow.db.test.ts on the whole demo).
    expect(missing).toEqual([]);
  });
});
