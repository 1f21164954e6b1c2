import { supervisionDemoSuite } from '../../../test/support/supervision-demo.ts';

/** The demo's 2024 supervision figures on a one-year fixture (the groups opened in 2024, walked to the business date). */
supervisionDemoSuite({ from: 2024, to: 2024 }, 30);
