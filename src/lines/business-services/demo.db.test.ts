import { businessServicesDemoSuite } from '../../../test/support/business-services-demo.ts';

/** The business-environment demo cut to 2024 (the figures are cumulative: earlier years load too). */
businessServicesDemoSuite({ from: 2024, to: 2024 }, 15);
