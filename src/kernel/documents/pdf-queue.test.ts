import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { PdfQueue } from './pdf-queue.ts';

/** A conversion the test finishes by hand, recording how many ran at once. */
function harness() {
  let running = 0;
  const seen: number[] = [];
  const finish: (() => void)[] = [];
  const job = (name: string) => () =>
    new Promise<Buffer>((resolve) => {
      running++;
      seen.push(running);
      finish.push(() => {
        running--;
        resolve(Buffer.from(name));
      });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { job, finish, seen, tick, running: () => running };
}

describe('the PDF conversion queue', () => {
  it('runs at most `concurrency` conversions at once and the rest in turn', async () => {
    const q = new PdfQueue({ concurrency: 2, perUser: 2, maxWaiting: 10 });
    const h = harness();
    const results = Array.from({ length: 6 }, (_, i) => q.convert(`doc${i}`, `user${i}`, h.job(`pdf${i}`)));
    await h.tick();
    expect(h.running()).toBe(2);
    while (h.finish.length > 0 || h.running() > 0) {
      h.finish.shift()?.();
      await h.tick();
    }
    expect((await Promise.all(results)).map(String)).toEqual([
      'pdf0',
      'pdf1',
      'pdf2',
      'pdf3',
      'pdf4',
      'pdf5',
    ]);
    expect(Math.max(...h.seen)).toBe(2);
    expect(q.stats).toEqual({ started: 6, peak: 2 });
  });

  it('lets requests for a document being converted share that conversion', async () => {
    const q = new PdfQueue({ concurrency: 1, perUser: 1, maxWaiting: 10 });
    const h = harness();
    const a = q.convert('doc1', 'user1', h.job('one'));
    const b = q.convert('doc1', 'user1', h.job('two'));
    const c = q.convert('doc1', 'user2', h.job('three'));
    await h.tick();
    h.finish.shift()!();
    expect((await Promise.all([a, b, c])).map(String)).toEqual(['one', 'one', 'one']);
    expect(q.stats.started).toBe(1);
  });

  it('refuses a third conversion of one user with 429 and frees the place when one ends', async () => {
    const q = new PdfQueue({ concurrency: 1, perUser: 2, maxWaiting: 10 });
    const h = harness();
    const first = q.convert('doc1', 'clerk', h.job('one'));
    void q.convert('doc2', 'clerk', h.job('two'));
    let refusal: unknown;
    try {
      void q.convert('doc3', 'clerk', h.job('three'));
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(429);
    expect((refusal as AppError).detail).toBe(
      '您已有 2 份文书正在生成 PDF，请等其完成后再下载（或先下载 DOCX）',
    );
    // Another user is not held up by the clerk's limit.
    void q.convert('doc4', 'auditor', h.job('four'));
    await h.tick();
    h.finish.shift()!();
    await first;
    await h.tick();
    void q.convert('doc3', 'clerk', h.job('three'));
    expect(q.stats.started).toBe(2);
  });

  it('answers 503 once too many conversions wait', async () => {
    const q = new PdfQueue({ concurrency: 1, perUser: 5, maxWaiting: 2 });
    const h = harness();
    for (let i = 0; i < 3; i++) void q.convert(`doc${i}`, `user${i}`, h.job(String(i)));
    await h.tick();
    expect(() => q.convert('doc9', 'user9', h.job('9'))).toThrow('服务器正在生成较多 PDF');
  });
});
