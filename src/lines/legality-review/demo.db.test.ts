import { legalityDemoSuite } from '../../../test/support/legality-review-demo.ts';

/**
 * The demo's 2024 legality review figures on a one-year fixture: the whole demo planned, then cut to 2024 — every
 * item of the year, not a sample. The full demo is in demo.slow.db.test.ts.
 */
legalityDemoSuite({ from: 2024, to: 2024 }, 30);
