import { correctionDemoSuite } from '../../../test/support/correction-demo.ts';

/** The demo's end-2024 figures on the one-year fixture (walked part cut to 2024; the bulk is loaded whole). */
correctionDemoSuite({ from: 2024, to: 2024 }, 30);
