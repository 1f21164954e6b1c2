import { correctionDemoSuite } from '../../../test/support/correction-demo.ts';

/** The full correction demo (to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. */
correctionDemoSuite(undefined, 15);
