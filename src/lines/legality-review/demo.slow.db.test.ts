import { legalityDemoSuite } from '../../../test/support/legality-review-demo.ts';

/** The full legality review demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. */
legalityDemoSuite(undefined, 15);
