import { legalAidDemoSuite } from '../../../test/support/legal-aid-demo.ts';

/**
 * The full legal-aid demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. Its
 * budget is 15 s on a quiet machine; it loaded in 18 s at a load average of 16 on 2 cores, hence the margin here.
 */
legalAidDemoSuite(undefined, 30);
