import { supervisionDemoSuite } from '../../../test/support/supervision-demo.ts';

/** The full supervision demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. */
supervisionDemoSuite(undefined, 15);
