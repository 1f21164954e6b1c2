/** Response contracts of organisations and regions (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { orgKinds } from './kinds.ts';

export const orgSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(orgKinds),
  parentId: z.number().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  isDemo: z.boolean(),
  active: z.boolean(),
  version: z.number(),
  /** 住所 and 法定代表人, as a decision names an organ that is a party. */
  address: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
});

/** An entry of the district's organ directory: names only, open to every signed-in user. */
export const orgDirectoryEntry = orgSchema.pick({
  id: true,
  name: true,
  shortName: true,
  kind: true,
  parentId: true,
});

export const region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  kind: z.string(),
  parentCode: z.string().nullable(),
});
