import { supervisionDemoSuite } from '../../../test/support/supervision-demo.ts';

/** The full supervision demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. The
 * budget is 15 s on a quiet machine; the limit here allows for a shared one (20.9 s measured at load average 17 on 2 cores). */
supervisionDemoSuite(undefined, 45);
