import { demoFiguresSuite } from '../../../test/support/reconsideration-demo.ts';

/**
 * The demo's 2024 figures on a one-year fixture: the full demo's plan cut to the matters that make 2024's figures
 * (and 2023's applications and suits, for the year-on-year change). The full demo is in demo.slow.db.test.ts.
 */
demoFiguresSuite({ from: 2024, to: 2024 });
