/** Response bodies of the mediation registry routes (the organisations and the mediator pool). */
import { z } from 'zod';

export const organisationRow = z.object({
  id: z.number(),
  name: z.string(),
  orgKind: z.string(),
  parentName: z.string().nullable(),
  regionCode: z.string(),
  speciality: z.string().nullable(),
  foundedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  cases: z.number(),
  /** The last day to file with the bureau (30 working days from setting up, 宁波市人民调解条例 第十三条). */
  filingDue: z.string().nullable(),
  filingLate: z.boolean(),
});

export const mediatorRow = z.object({
  id: z.number(),
  name: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  speciality: z.string(),
  certificateNo: z.string().nullable(),
  employment: z.string(),
  status: z.string(),
  inPool: z.boolean(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  cases: z.number(),
  openCases: z.number(),
  agreed: z.number(),
  successRate: z.number().nullable(),
});

export const created = z.object({ id: z.number() });
