import { maskIdNumber, maskPhone } from '../identifiers/identifiers.ts';

/**
 * The fields that hold personal numbers wherever they appear in a step's data (a party's identity and phone
 * numbers). Their clear values go to the parties registry, sealed; the event history keeps them masked.
 */
const maskers: Record<string, (v: string) => string | null> = { idNumber: maskIdNumber, phone: maskPhone };

/** A step's data as the event history stores it: personal numbers masked, everything else as typed. */
export function storedPayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(storedPayload);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        typeof v === 'string' && maskers[k] ? maskers[k](v) : storedPayload(v),
      ]),
    );
  return value;
}
