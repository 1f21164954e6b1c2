import { legalAidDemoSuite } from '../../../test/support/legal-aid-demo.ts';

/** The full legal-aid demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. */
legalAidDemoSuite(undefined, 15);
