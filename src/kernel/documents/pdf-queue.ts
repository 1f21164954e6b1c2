/**
 * A bounded queue in front of LibreOffice. One conversion takes 1.5–3 s of a core and ~120 MB; unbounded,
 * 40 downloads at once started 39 soffice processes (4.7 GB) and stalled everyone else's requests.
 * - at most `concurrency` conversions run at once (the rest wait their turn, first come first served);
 * - requests for a document already being converted share that conversion instead of starting another;
 * - one user may have at most `perUser` conversions running or waiting (more → 429 with a Chinese message);
 * - at most `maxWaiting` conversions wait in all (more → 503), so a flood cannot queue without end.
 */
import { availableParallelism } from 'node:os';
import { AppError } from '../../platform/http/errors.ts';

export interface PdfQueueOptions {
  concurrency: number;
  perUser: number;
  maxWaiting: number;
}

/** On this kind of 2-core server one LibreOffice at a time leaves a core for the web requests. */
export const DEFAULT_PDF_QUEUE: PdfQueueOptions = {
  concurrency: Math.max(1, Math.min(2, availableParallelism() - 1)),
  perUser: 2,
  maxWaiting: 30,
};

export class PdfQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly perUserCount = new Map<string, number>();
  /** Figures for tests and logs: conversions started, and the most that ever ran at once. */
  readonly stats = { started: 0, peak: 0 };

  constructor(readonly options: PdfQueueOptions = DEFAULT_PDF_QUEUE) {}

  /**
   * Runs `convert` for document `key` on behalf of `user`, or joins the conversion of `key` already under way.
   */
  convert(key: string, user: string, convert: () => Promise<Buffer>): Promise<Buffer> {
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const mine = this.perUserCount.get(user) ?? 0;
    if (mine >= this.options.perUser) {
      throw new AppError(
        'RATE_LIMITED',
        `您已有 ${mine} 份文书正在生成 PDF，请等其完成后再下载（或先下载 DOCX）`,
      );
    }
    if (this.waiting.length >= this.options.maxWaiting) {
      throw new AppError('UNAVAILABLE', '服务器正在生成较多 PDF，请稍后再试（或先下载 DOCX）');
    }
    this.perUserCount.set(user, mine + 1);
    const job = this.run(convert).finally(() => {
      this.inFlight.delete(key);
      const left = (this.perUserCount.get(user) ?? 1) - 1;
      if (left > 0) this.perUserCount.set(user, left);
      else this.perUserCount.delete(user);
    });
    this.inFlight.set(key, job);
    return job;
  }

  private async run(convert: () => Promise<Buffer>): Promise<Buffer> {
    if (this.running >= this.options.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    this.stats.started++;
    this.stats.peak = Math.max(this.stats.peak, this.running);
    try {
      return await convert();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
