import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../../test/support/docx-text.ts';
import { supervisionTestbed } from '../../../test/support/supervision.ts';

const { bed, kit, inspection } = supervisionTestbed();

/**
 * Every document of the line, issued for fixed matters and read back from the DOCX, compared with its whole text.
 * The golden texts are in documents.golden.txt, one block per template (a notice of 2024 under the rules then in
 * force, a recommendation of 2026 under the 行政执法监督条例). GOLDEN_WRITE=1 rewrites them.
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
const keep = (docs: { kind: string; id: number }[]) => {
  for (const d of docs) if (!issued.has(d.kind)) issued.set(d.kind, d.id);
};

beforeAll(async () => {
  const id = inspection();
  keep((await bed.inspector.get(`/api/matters/${id}`)).json().documents);
  const a = await kit.matterIn('supervision/finding', 'rectifying');
  keep(a.documents);
  keep((await bed.inspector.get(`/api/matters/${a.id}`)).json().documents);
  await kit.matterIn('supervision/finding', 'rectifying', {
    category: 'decisionMaking',
    description: '重大行政决策目录未按时公布',
    rectifyBy: '2025-05-30',
  });
  const interview = await kit.act('supervision/finding', a.id, 'escalate', '2025-06-16', {
    measure: 'interviewed',
    interviewee: '区市场监管局分管副局长',
    interviewer: '区委依法治区办常务副主任',
    content: '指出整改滞后问题，要求十日内完成整改。',
  });
  keep(interview.json().documents);
  const fb = await kit.act('supervision/inspection', id, 'feedback', '2025-04-18', {
    summary: '区市场监管局法治建设总体有序推进，但仍存在以下问题。',
  });
  keep(fb.json().documents);
  keep(
    ((await kit.create('supervision/instrument')) as unknown as { documents: { kind: string; id: number }[] })
      .documents,
  );
  const rec = await kit.create('supervision/instrument', {
    instrument: 'recommendation',
    issuedOn: '2026-03-02',
    replyBy: '2026-04-01',
    problems: '涉企行政检查频次过高，存在重复检查',
    requirements: '统筹制定年度检查计划，推行“综合查一次”',
    campaign: '2026年涉企行政执法专项监督',
  });
  keep((rec as unknown as { documents: { kind: string; id: number }[] }).documents);
});

describe('the documents of the supervision line read, word for word, as they are printed', () => {
  it('issues every template of the line', () => {
    expect([...issued.keys()].sort()).toEqual(
      [
        'inspectionFeedback',
        'inspectionNotice',
        'interviewRecord',
        'notice',
        'recommendation',
        'rectificationNotice',
      ]
        .map((t) => `supervision.${t}`)
        .sort(),
    );
  });

  it('has a golden text for every document issued', async () => {
    if (process.env.GOLDEN_WRITE) {
      const blocks: string[] = [];
      for (const [id, docId] of [...issued].sort())
        blocks.push(`=== ${id}\n${(await documentText(bed.t.db, docId)).join('\n')}\n`);
      writeFileSync(goldenFile, blocks.join(''));
      return;
    }
    expect(Object.keys(golden).sort()).toEqual([...issued.keys()].sort());
  });

  it.each([...Object.keys(golden)])('%s', async (id) => {
    const docId = issued.get(id);
    expect(docId, `no document ${id} was issued`).toBeDefined();
    expect(await documentText(bed.t.db, docId!)).toEqual(golden[id]);
  });
});
