/** Response bodies of the legal-aid line's registry routes (stations, visits, the 15-minute circle). */
import { z } from 'zod';

export const stationRow = z.object({
  id: z.number(),
  name: z.string(),
  stationKind: z.string(),
  level: z.number().nullable(),
  regionCode: z.string(),
  place: z.string().nullable(),
  town: z.string().nullable(),
  host: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  positionApprox: z.boolean(),
  openingHours: z.string().nullable(),
  staff: z.string().nullable(),
  dutyLawyers: z.string().nullable(),
  services: z.array(z.string()),
  foundedOn: z.string(),
  visitsThisYear: z.number(),
});

export const visitRow = z.object({
  id: z.number(),
  stationOrgId: z.number(),
  station: z.string(),
  visitedOn: z.string(),
  channel: z.string(),
  topic: z.string(),
  service: z.string(),
  durationMin: z.number().nullable(),
  matterId: z.number().nullable(),
  partyId: z.number().nullable(),
  partyName: z.string().nullable(),
});

export const villageRow = z.object({
  code: z.string(),
  name: z.string(),
  town: z.string(),
  lat: z.number(),
  lng: z.number(),
  approximate: z.boolean(),
  mode: z.string(),
  radius: z.number(),
  covered: z.boolean(),
  nearest: z.string().nullable(),
  meters: z.number().nullable(),
  visits: z.number(),
});

export const coverageBody = z.object({
  on: z.string(),
  villages: z.array(villageRow),
  stations: z.array(stationRow),
  covered: z.number(),
  total: z.number(),
});

export const createdId = z.object({ id: z.number() });
