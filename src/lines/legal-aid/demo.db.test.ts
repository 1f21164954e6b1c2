import { legalAidDemoSuite } from '../../../test/support/legal-aid-demo.ts';

/** The demo's 2024 figures on a one-year fixture: the whole demo planned, then cut to 2024 (every visit and case). */
legalAidDemoSuite({ from: 2024, to: 2024 }, 30);
