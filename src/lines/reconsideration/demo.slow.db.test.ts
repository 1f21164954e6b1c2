import { demoFiguresSuite } from '../../../test/support/reconsideration-demo.ts';

/** The full demo (2023 to the business date), as `npm start` loads it: only with FAZHI_SLOW_TESTS=1. */
demoFiguresSuite();
