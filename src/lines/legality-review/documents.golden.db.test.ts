import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conclusion, districtIntake, legalityTestbed } from '../../../test/support/legality-review.ts';

const { bed, kit, documentText } = legalityTestbed();
const ITEM = 'legalityReview/item';

/**
 * Both opinions (合法性审查意见书), issued for fixed items and read back from the DOCX the centre downloads, compared
 * with their whole text: the town centre's (co-reviewed, touching market activity; in the sub-district office's
 * name) and the district centre's (a department's major decision; in the bureau's name). GOLDEN_WRITE=1 rewrites
 * documents.golden.txt.
 */
const goldenFile = new URL('./documents.golden.txt', import.meta.url);
const golden: Record<string, string[]> = existsSync(goldenFile)
  ? Object.fromEntries(
      readFileSync(goldenFile, 'utf8')
        .split(/^=== /m)
        .filter(Boolean)
        .map((block) => {
          const [id, ...lines] = block.trimEnd().split('\n');
          return [id!.trim(), lines];
        }),
    )
  : {};
const issued = new Map<string, number>();

beforeAll(async () => {
  const walk = async (id: number, steps: [string, string, Record<string, unknown>][]) => {
    for (const [action, date, data] of steps) {
      const res = await kit.act(ITEM, id, action, date, data);
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
      for (const d of res.json().documents) issued.set(d.kind, d.id);
    }
  };
  const town = await kit.matterIn(ITEM, 'coReview');
  await walk(town.id, [
    ['giveCoReview', '2025-10-09', { opinion: '建议删除对企业注册地的限制条件。' }],
    ['conclude', '2025-10-10', conclusion],
  ]);
  const district = await kit.create(ITEM, districtIntake(bed));
  await walk(district.id, [
    ['accept', '2025-09-26', { reviewerIds: [bed.reviewers.district], noConflictDeclared: true }],
    [
      'conclude',
      '2025-10-13',
      {
        conclusion: 'unlawful',
        items: [
          {
            problem: '方案关闭现有农贸市场未进行风险评估',
            basis: '《重大行政决策程序暂行条例》第二十二条',
            suggestion: '补充社会稳定风险评估后再提请审议',
          },
        ],
        reasons: '方案未履行风险评估程序，不符合重大行政决策法定程序。',
        signedOffBy: '陈某',
      },
    ],
  ]);
});

describe('the golden text of each opinion', () => {
  it.each(['legalityReview.townOpinion', 'legalityReview.opinion'])('%s', async (kind) => {
    const id = issued.get(kind);
    expect(id, `${kind} was not issued`).toBeDefined();
    // The number depends on the order the file's tests issue in: masked on the number line only.
    const text = (await documentText(id!)).map((l, i) =>
      i ? l : l.replace(/〔\d{4}〕\d+号/, '〔YYYY〕N号'),
    );
    if (process.env.GOLDEN_WRITE) golden[kind] = text;
    expect(text).toEqual(golden[kind]);
  });

  it('has a golden text for every opinion issued', () => {
    // GOLDEN_WRITE=1 rewrites the file from what is issued now: read its diff as a practitioner would before committing.
    if (process.env.GOLDEN_WRITE) {
      writeFileSync(
        goldenFile,
        Object.entries(golden)
          .map(([k, lines]) => `=== ${k}\n${lines.join('\n')}\n`)
          .join('\n'),
      );
      return;
    }
    expect(Object.keys(golden).sort()).toEqual(['legalityReview.opinion', 'legalityReview.townOpinion']);
  });
});
