/** Dates for the mediation demo; randomness and names come from the kernel's demo people. */
import { addDays } from '../../kernel/calendar/dates.ts';
import type { Rng } from '../../kernel/demo/people.ts';

/** A day of `year` drawn uniformly (mediation committees work every day of the week). */
export function dayOf(rng: Rng, year: number): string {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  return addDays(`${year}-01-01`, Math.floor(rng() * days));
}
