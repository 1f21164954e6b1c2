import { mediationDemoSuite } from '../../../test/support/mediation-demo.ts';

/**
 * The demo's 2024 mediation figures on a one-year fixture: the whole demo planned, then cut to 2024 (the walked
 * cases by the kernel's runner, the quick registrations by their date) — the full year, all 12,146 cases, not a
 * sample: the set-based loader keeps it within the suite's 60 seconds. The full demo is in demo.slow.db.test.ts.
 */
mediationDemoSuite({ from: 2024, to: 2024 }, 60);
