import { mediationDemoSuite } from '../../../test/support/mediation-demo.ts';

/** The full mediation demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. */
mediationDemoSuite(undefined, 180);
