import { registerReconsideration } from './reconsideration/index.ts';

/**
 * The business lines of the product. Each line is one folder holding its workflow declaration, schemas,
 * queries, documents, indicators, demo data and tests; registering it here is all the kernel needs.
 */
export function registerLines() {
  registerReconsideration();
}
