import { businessServicesDemoSuite } from '../../../test/support/business-services-demo.ts';

/** The full business-environment demo (2023 to the business date), as `npm start` loads it: FAZHI_SLOW_TESTS=1. */
businessServicesDemoSuite(undefined, 15);
